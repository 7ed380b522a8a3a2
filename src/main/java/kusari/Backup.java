package kusari;

import kusari.db.Database;
import kusari.db.Migrations;
import kusari.db.Sql;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import kusari.change.HistoryChain;

/**
 * Online backup and restore of the database.
 *
 * <p>Backup: {@code VACUUM INTO} writes a consistent copy of one read snapshot (under WAL, readers never block
 * writers, so people keep editing meanwhile) into a temporary file beside the target; the copy is checked
 * ({@code PRAGMA integrity_check}, Kusari's tables present, history chain intact), forced to disk, and only then
 * moved onto the target name, so a half-written or broken file never carries the backup's name.
 *
 * <p>Restore: the file is checked the same way first; then SQLite's backup API copies it into the configured
 * database page by page under the database's lock (sqlite-jdbc's {@code restore from}), which is safe while the
 * server runs; open pages notice the change at their next save (versions).
 */
public final class Backup {

    /** What a check of a database file found. */
    public record Check(boolean ok, String problem, int schemaVersion, long historyEntries) {
    }

    private Backup() {
    }

    public static Check backup(Database database, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        Path part = Files.createTempFile(folder, absolute.getFileName().toString() + ".", ".part");
        Files.delete(part);  // VACUUM INTO wants to create the file itself
        try {
            try (Connection c = database.connect(); PreparedStatement st = c.prepareStatement("VACUUM INTO ?")) {
                st.setString(1, part.toString());
                st.execute();
            } catch (SQLException e) {
                return new Check(false, "the copy failed: " + e.getMessage(), 0, 0);
            }
            Check check = check(part);
            if (!check.ok()) {
                return check;
            }
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(part, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
                dir.force(true);
            } catch (IOException e) {
                // Some file systems cannot sync a folder; the file itself is on disk.
            }
            return check;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** Checks {@code file} and copies it into the database; nothing is changed when the check fails. */
    public static Check restore(Database database, Path file) {
        Check check = check(file);
        if (!check.ok()) {
            return check;
        }
        int current = database.read(Migrations::userVersion);
        if (check.schemaVersion() > current) {
            return new Check(false, "the backup comes from a newer Kusari (schema " + check.schemaVersion()
                    + ", this one has " + current + ")", check.schemaVersion(), check.historyEntries());
        }
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            st.executeUpdate("restore from " + quote(file.toAbsolutePath().toString()));
        } catch (SQLException e) {
            return new Check(false, "the restore failed: " + e.getMessage(), check.schemaVersion(), check.historyEntries());
        }
        Migrations.apply(database);
        return check;
    }

    /** Is {@code file} a sound Kusari database: SQLite, intact, Kusari's tables, an unbroken history chain? */
    public static Check check(Path file) {
        if (!Files.isRegularFile(file)) {
            return new Check(false, "no file at " + file, 0, 0);
        }
        try (var in = Files.newInputStream(file)) {
            byte[] header = in.readNBytes(16);
            if (!new String(header, StandardCharsets.ISO_8859_1).equals("SQLite format 3\u0000")) {
                return new Check(false, file + " is not an SQLite database", 0, 0);
            }
        } catch (IOException e) {
            return new Check(false, "cannot read " + file + ": " + e.getMessage(), 0, 0);
        }
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro")) {
            List<String> integrity = Sql.query(c, "PRAGMA integrity_check", rs -> rs.getString(1));
            if (!integrity.equals(List.of("ok"))) {
                return new Check(false, "integrity check failed: " + String.join("; ", integrity), 0, 0);
            }
            int version = (int) Sql.queryLong(c, "PRAGMA user_version");
            List<String> tables = Sql.query(c, "SELECT name FROM sqlite_master WHERE type = 'table'", rs -> rs.getString(1));
            if (!tables.containsAll(List.of("workspace", "change_log"))) {
                return new Check(false, file + " is not a Kusari database", version, 0);
            }
            boolean chained = Sql.queryLong(c, "SELECT COUNT(*) FROM pragma_table_info('change_log') WHERE name = 'hash'") == 1;
            if (chained) {
                HistoryChain.Verification chain = HistoryChain.verify(c);
                if (!chain.intact()) {
                    return new Check(false, "the history chain is broken: " + chain.problem(), version, chain.checked());
                }
                return new Check(true, null, version, chain.checked());
            }
            return new Check(true, null, version, Sql.queryLong(c, "SELECT COUNT(*) FROM change_log"));
        } catch (SQLException e) {
            return new Check(false, "cannot open " + file + " as a database: " + e.getMessage(), 0, 0);
        }
    }

    private static String quote(String path) {
        return "'" + path.replace("'", "''") + "'";
    }
}
