package kusari;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import kusari.core.AppConfig;
import kusari.db.Database;
import kusari.db.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's commands: --version, and tamper evidence that notices deleted newest history entries. */
class CliOperationsTest {

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private Run run(Path db, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new AppConfig(0, db, TestApp.PROJECT_DIR, false),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of()).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void versionIsPrinted() {
        Run version = run(tmp.resolve("none.db"), "--version");
        assertEquals(0, version.code());
        assertTrue(version.out().matches("kusari \\S+\\R"), version.out());
    }

    @Test
    void truncatedHistoryIsReportedAgainstTheHeadKeptBesideTheBackup() throws Exception {
        Path file;
        try (Database db = TestApp.freshSampleDatabase(tmp)) {
            file = db.file();
            // two changes through the API make two history entries
            io.javalin.Javalin app = Kusari.create(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false), db)
                    .start("127.0.0.1", 0);
            try {
                ApiClient api = ApiClient.signedIn(app.port(), db);
                assertEquals(200, api.patch("/api/v1/workspaces/omitama/steps/2", "{\"version\": 1, \"title\": \"一\"}")
                        .status());
                assertEquals(200, api.patch("/api/v1/workspaces/omitama/steps/2", "{\"version\": 2, \"title\": \"二\"}")
                        .status());
            } finally {
                app.stop();
            }
            assertTrue(db.read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM change_log")) > 1, "there is history");
        }
        Path backup = tmp.resolve("backup.db");
        Run made = run(file, "backup", backup.toString());
        assertEquals(0, made.code(), made.err());
        String head = Files.readString(Path.of(backup + ".head")).strip();
        assertTrue(head.matches("[0-9a-f]{16,128}"), head);
        assertTrue(made.out().contains(head));

        Run intact = run(file, "verify-history", "--expect", head);
        assertEquals(0, intact.code(), intact.err());
        assertTrue(intact.out().contains("expected head is present, 0 entries since"), intact.out());

        try (Database db = Database.open(file)) {
            db.inTransaction(c -> Sql.update(c, "DELETE FROM change_log WHERE id = (SELECT MAX(id) FROM change_log)"));
        }
        Run plain = run(file, "verify-history");
        assertEquals(0, plain.code(), "without the kept head a truncated chain still looks intact: " + plain.err());
        Run truncated = run(file, "verify-history", "--expect", head);
        assertEquals(1, truncated.code());
        assertTrue(truncated.err().contains("history truncated"), truncated.err());
        assertFalse(truncated.out().contains("intact"));

        Run wrong = run(file, "verify-history", "--expect", "not-a-hash");
        assertEquals(2, wrong.code());
    }
}
