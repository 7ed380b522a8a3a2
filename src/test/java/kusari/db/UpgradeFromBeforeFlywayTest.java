package kusari.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import kusari.Http;
import kusari.Kusari;
import kusari.TestApp;
import kusari.core.AppConfig;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Databases made before Flyway (schema number in user_version, no history table) upgrade in place on their first
 * start. made-before-flyway.db was made by the hand-written runner (commit 37302d7): a first start loaded the
 * sample, then create-admin "lead", an API token, an actor 移行確認課 added and 子ども福祉課 renamed 子ども家庭課.
 */
class UpgradeFromBeforeFlywayTest {

    /** The schema the runner before Flyway had brought that file to. */
    static final int SCHEMA_BEFORE_FLYWAY = 11;

    @TempDir
    Path dir;

    @Test
    void aDatabaseMadeBeforeFlywayUpgradesInPlaceKeepsItsDataAndServesPages() throws Exception {
        Database db = Database.open(copyOfTheOldDatabase());
        assertEquals(SCHEMA_BEFORE_FLYWAY, db.read(Migrations::userVersion));
        assertEquals(0L, db.<Long>read(c -> Sql.queryLong(c,
                "SELECT COUNT(*) FROM sqlite_master WHERE name = 'flyway_schema_history'")));

        int applied = Migrations.apply(db);

        List<Migrations.Migration> known = Migrations.known(db);
        assertEquals(known.stream().filter(m -> m.version() > SCHEMA_BEFORE_FLYWAY).count(), applied,
                "only the files newer than the old schema run");
        assertTrue(known.stream().allMatch(Migrations.Migration::done), known.toString());
        assertEquals(known.get(known.size() - 1).version(), db.read(Migrations::userVersion));
        assertEquals(List.of(String.valueOf(SCHEMA_BEFORE_FLYWAY)), db.read(c -> Sql.query(c,
                "SELECT version FROM flyway_schema_history WHERE type = 'BASELINE'", rs -> rs.getString(1))));

        assertEquals(8L, count(db, "persona"));
        assertEquals(8L, count(db, "journey"));
        assertEquals(53L, count(db, "step"));
        assertEquals(20L, count(db, "actor"));
        assertEquals(1L, count(db, "account"));
        assertEquals(2L, count(db, "change_log"));
        assertEquals(List.of("子ども家庭課"), db.read(c -> Sql.query(c, "SELECT name FROM actor WHERE id = 1",
                rs -> rs.getString(1))));
        assertEquals(1L, db.<Long>read(c -> Sql.queryLong(c, "PRAGMA foreign_keys")));
        assertEquals("wal", db.read(c -> Sql.queryOne(c, "PRAGMA journal_mode", rs -> rs.getString(1)).orElse("")));

        assertEquals(0, Migrations.apply(db), "a second start applies nothing");
        assertEquals(1L, db.<Long>read(c -> Sql.queryLong(c,
                "SELECT COUNT(*) FROM flyway_schema_history WHERE type = 'BASELINE'")), "nor baselines again");

        // as App does on start: older history joins the hash chain, then the pages are served
        db.inTransaction(kusari.change.HistoryChain::sealAll);
        Javalin app = Kusari.create(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false, false, Set.of(),
                Duration.ofMinutes(30)), db).start("127.0.0.1", 0);
        try {
            HttpResponse<String> home = Http.rawGet(app.port(), "/w/omitama");
            assertEquals(200, home.statusCode(), home.body());
            HttpResponse<String> actors = Http.rawGet(app.port(), "/w/omitama/actors");
            assertEquals(200, actors.statusCode(), actors.body());
            assertTrue(actors.body().contains("子ども家庭課") && actors.body().contains("移行確認課"),
                    "the actors changed before the upgrade are there");
        } finally {
            app.stop();
        }
    }

    @Test
    void aDatabaseLeftAtAnOlderSchemaGetsTheRestOfTheFiles() {
        // As the runner before Flyway left a database after the first eight files: user_version 8, no history table.
        Database db = Database.open(dir.resolve("eight.db"));
        Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration").target("8").load().migrate();
        db.inTransaction(c -> {
            Sql.update(c, "DROP TABLE flyway_schema_history");
            Sql.update(c, "PRAGMA user_version = 8");
            return null;
        });

        int applied = Migrations.apply(db);

        List<Migrations.Migration> known = Migrations.known(db);
        assertEquals(known.size() - 8, applied);
        assertTrue(known.stream().allMatch(Migrations.Migration::done), known.toString());
        assertEquals(known.get(known.size() - 1).version(), db.read(Migrations::userVersion));
        assertEquals(2L, db.<Long>read(c -> Sql.queryLong(c,
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('actor_name', 'account')")),
                "the tables of the newer files are there");
        assertEquals(0, Migrations.apply(db));
    }

    private Path copyOfTheOldDatabase() throws IOException {
        Path file = dir.resolve("kusari.db");
        try (InputStream in = getClass().getResourceAsStream("/db/made-before-flyway.db")) {
            assertTrue(in != null, "the test resource db/made-before-flyway.db is missing");
            Files.copy(in, file);
        }
        return file;
    }

    private static long count(Database db, String table) {
        return db.read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM " + table));
    }
}
