package kusari.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import kusari.core.AppConfig;
import kusari.Cli;
import kusari.TestApp;
import kusari.Backup;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.change.Authors;
import kusari.change.HistoryChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tamper-evident history, verify-history, create-admin/create-token, and backup/restore while editing. */
class HistoryChainTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    Run cli(Database db, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("LANG", "en_US.UTF-8")).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A few changes by a named author, through the one write path. */
    void edit(Database db, int n) {
        long step = db.read(c -> Sql.queryLong(c, "SELECT MIN(id) FROM step"));
        kusari.change.EditService edits = new kusari.change.EditService(db, kusari.EditKinds.all());
        Authors.as(Authors.Author.unrestricted("suzuki"), () -> {
            for (int i = 0; i < n; i++) {
                long version = db.read(c -> Sql.queryLong(c, "SELECT version FROM step WHERE id = ?", step));
                edits.update(db.read(c -> Sql.queryLong(c, "SELECT workspace_id FROM journey j JOIN step s ON s.journey_id = j.id WHERE s.id = ?", step)),
                        kusari.journey.JourneyKinds.STEP, step, version,
                        Map.of("title", com.fasterxml.jackson.databind.node.TextNode.valueOf("題 " + i)));
            }
            return null;
        });
    }

    @Test
    void verifyHistoryFindsTheFirstChangedRemovedOrUnhashedEntry() {
        Database db = TestApp.freshSampleDatabase(dir);
        edit(db, 5);
        Run ok = cli(db, "", "verify-history");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().startsWith("history intact: "), ok.out());
        assertEquals("suzuki", db.read(c -> Sql.queryOne(c, "SELECT changed_by FROM change_log ORDER BY id DESC LIMIT 1",
                rs -> rs.getString(1))).orElseThrow(), "the history names the author");

        long third = db.read(c -> Sql.queryLong(c, "SELECT id FROM change_log ORDER BY id LIMIT 1 OFFSET 2"));
        db.inTransaction(c -> Sql.update(c, "UPDATE change_log SET changed_by = 'someone else' WHERE id = ?", third));
        Run changed = cli(db, "", "verify-history");
        assertEquals(1, changed.code());
        assertTrue(changed.err().contains("history broken at entry " + third + ": entry " + third + " was changed"), changed.err());

        db.inTransaction(c -> Sql.update(c, "UPDATE change_log SET changed_by = 'suzuki' WHERE id = ?", third));
        assertTrue(db.read(HistoryChain::verify).intact(), "put back as it was, the chain holds again");
        db.inTransaction(c -> Sql.update(c, "DELETE FROM change_log WHERE id = ?", third));
        Run removed = cli(db, "", "verify-history");
        assertEquals(1, removed.code());
        assertTrue(removed.err().contains("history broken at entry " + (third + 1)), removed.err());
    }

    @Test
    void createAdminReadsThePasswordFromStandardInputAndCreateTokenPrintsAWorkingToken() {
        Database db = TestApp.freshSampleDatabase(dir);
        Run tooShort = cli(db, "short\n", "create-admin", "yamada");
        assertEquals(1, tooShort.code());
        assertTrue(tooShort.err().contains("at least 12 characters"), tooShort.err());
        Run ok = cli(db, TestApp.PASSWORD + "\n", "create-admin", "yamada");
        assertEquals(0, ok.code(), ok.err());
        AccountService accounts = new AccountService(db, java.time.Clock.systemUTC(), java.time.Duration.ofMinutes(30));
        assertTrue(accounts.find("yamada").orElseThrow().siteAdmin());
        assertTrue(accounts.signIn("yamada", TestApp.PASSWORD, null, "x").ok());
        Run token = cli(db, "", "create-token", "yamada", "--label", "backup script");
        assertEquals(0, token.code(), token.err());
        assertEquals("yamada", accounts.tokenAccount(token.out().strip()).orElseThrow().name());
        assertEquals(1, cli(db, "", "create-token", "nobody").code());
    }

    @Test
    void backupIsConsistentWhilePeopleEditAndRestorePutsItBack() throws Exception {
        Database db = TestApp.freshSampleDatabase(dir);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger edits = new AtomicInteger();
        Thread editor = new Thread(() -> {
            while (!stop.get()) {
                edit(db, 1);
                edits.incrementAndGet();
            }
        });
        editor.start();
        try {
            while (edits.get() < 3) {
                Thread.sleep(10);
            }
            Path file = dir.resolve("backups").resolve("kusari-1.db");
            Run backup = cli(db, "", "backup", file.toString());
            assertEquals(0, backup.code(), backup.err());
            assertTrue(backup.out().contains("integrity ok"), backup.out());
            assertTrue(Backup.check(file).ok());
        } finally {
            stop.set(true);
            editor.join();
        }
        Path file = dir.resolve("backups").resolve("kusari-1.db");
        long entriesInBackup = Backup.check(file).historyEntries();
        assertTrue(entriesInBackup > 0);
        try (var listing = Files.list(file.getParent())) {
            // the backup and its .head (the history's head hash kept outside the database), nothing half-written
            assertEquals(2, listing.count(), "no half-written files left beside the backup");
        }

        // Something is lost after the backup …
        db.inTransaction(c -> Sql.update(c, "DELETE FROM persona WHERE slug = 'a'"));
        assertEquals(0L, (long) db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM persona WHERE slug = 'a'")));
        // … a broken file is refused and changes nothing …
        Path junk = dir.resolve("junk.db");
        Files.writeString(junk, "not a database");
        Run refused = cli(db, "", "restore", junk.toString());
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("not an SQLite database"), refused.err());
        assertEquals(0L, (long) db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM persona WHERE slug = 'a'")));
        // … and the backup brings it back, history included.
        Run restore = cli(db, "", "restore", file.toString());
        assertEquals(0, restore.code(), restore.err());
        assertEquals(1L, (long) db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM persona WHERE slug = 'a'")));
        assertEquals(entriesInBackup, (long) db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM change_log")));
        assertTrue(db.read(HistoryChain::verify).intact());
    }

    @Test
    void aBackupWithATamperedHistoryIsNotRestored() throws Exception {
        Database db = TestApp.freshSampleDatabase(dir);
        edit(db, 2);
        Path file = dir.resolve("b.db");
        assertTrue(Backup.backup(db, file).ok());
        Database copy = Database.open(file);
        copy.inTransaction(c -> Sql.update(c, "UPDATE change_log SET summary = 'rewritten' WHERE id = (SELECT MAX(id) FROM change_log)"));
        Run refused = cli(db, "", "restore", file.toString());
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("history chain is broken"), refused.err());
        assertFalse(db.read(c -> Sql.queryOne(c, "SELECT 1 FROM change_log WHERE summary = 'rewritten'", rs -> 1)).isPresent());
    }
}
