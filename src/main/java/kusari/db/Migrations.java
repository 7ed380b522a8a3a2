package kusari.db;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Applies the numbered SQL files in {@code db/migration} (V001__what.sql …) that the database has not seen,
 * each in its own transaction together with the bump of {@code PRAGMA user_version}.
 */
public final class Migrations {

    static final String FOLDER = "db/migration";
    private static final Pattern NAME = Pattern.compile("V(\\d{3})__([a-z0-9_]+)\\.sql");

    /** One migration file. */
    public record Migration(int version, String name, String sql) {
    }

    private Migrations() {
    }

    /** Applies what is pending; returns how many files were applied. */
    public static int apply(Database database) {
        List<Migration> all = load();
        return database.inTransaction(c -> {
            int current = userVersion(c);
            int applied = 0;
            for (Migration m : all) {
                if (m.version() <= current) {
                    continue;
                }
                runScript(c, m.sql());
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("PRAGMA user_version = " + m.version());
                }
                applied++;
            }
            return applied;
        });
    }

    public static int userVersion(Connection c) throws SQLException {
        return (int) Sql.queryLong(c, "PRAGMA user_version");
    }

    /** Every migration on the class path, sorted by version. */
    public static List<Migration> load() {
        try {
            URL url = Migrations.class.getClassLoader().getResource(FOLDER);
            if (url == null) {
                throw new IllegalStateException("No " + FOLDER + " folder on the class path");
            }
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    return readAll(fs.getPath(FOLDER));
                }
            }
            return readAll(Path.of(uri));
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("Cannot read the migrations: " + e.getMessage(), e);
        }
    }

    private static List<Migration> readAll(Path folder) throws IOException {
        List<Migration> result = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.toList()) {
                String fileName = p.getFileName().toString();
                Matcher m = NAME.matcher(fileName);
                if (!m.matches()) {
                    throw new IllegalStateException("Migration file name must look like V001__what_it_does.sql: " + fileName);
                }
                try (InputStream in = Files.newInputStream(p)) {
                    String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    result.add(new Migration(Integer.parseInt(m.group(1)), m.group(2), sql));
                }
            }
        }
        result.sort(Comparator.comparingInt(Migration::version));
        return result;
    }

    /**
     * Runs every statement of a script. JDBC's execute runs only the first statement of a string,
     * so the script is split on semicolons that end a line (our migrations never put one inside a literal).
     */
    private static void runScript(Connection c, String script) throws SQLException {
        StringBuilder noComments = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("--")) {
                noComments.append(line).append('\n');
            }
        }
        try (Statement st = c.createStatement()) {
            for (String statement : noComments.toString().split(";\\s*\n")) {
                if (!statement.isBlank()) {
                    st.executeUpdate(statement);
                }
            }
        }
    }
}
