package kusari.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

    @TempDir
    Path dir;

    @Test
    void anEmptyDatabaseGetsEveryMigrationAndEveryTable() {
        Database db = Database.open(dir.resolve("m.db"));
        List<Migrations.Migration> all = Migrations.load();
        int applied = Migrations.apply(db);

        assertEquals(all.size(), applied);
        int highest = all.get(all.size() - 1).version();
        assertEquals(highest, db.read(Migrations::userVersion));
        List<String> tables = db.read(c -> Sql.query(c,
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", rs -> rs.getString(1)));
        // Every statement of every file ran (JDBC's execute would have run only the first of each file).
        for (String t : List.of("workspace", "framework_level", "framework_node", "project", "budget", "project_role",
                "actor", "project_lead_actor", "persona", "persona_attribute", "journey", "step", "action",
                "action_actor", "challenge", "challenge_evidence", "challenge_approach", "step_challenge",
                "challenge_project", "indicator", "actual", "evaluation", "reading", "change_log",
                "chain_dismissal", "chain_check_setting", "actor_name")) {
            assertTrue(tables.contains(t), "missing table " + t + " in " + tables);
        }
    }

    @Test
    void aSecondRunAppliesNothing() {
        Database db = Database.open(dir.resolve("m2.db"));
        Migrations.apply(db);
        assertEquals(0, Migrations.apply(db));
    }

    @Test
    void versionsAreUniqueAndContiguousFromOne() {
        // A gap would let a later-numbered file be applied before an earlier one that lands afterwards, and the
        // earlier one would then be skipped for ever (user_version is already past it).
        List<Migrations.Migration> all = Migrations.load();
        assertEquals(1, all.get(0).version());
        assertEquals(all.size(), Set.copyOf(all.stream().map(Migrations.Migration::version).toList()).size());
    }

    @Test
    void foreignKeysAreEnforcedOnEveryConnection() {
        Database db = Database.open(dir.resolve("fk.db"));
        Migrations.apply(db);
        assertEquals(1L, db.<Long>read(c -> Sql.queryLong(c, "PRAGMA foreign_keys")));
        assertEquals("wal", db.read(c -> Sql.queryOne(c, "PRAGMA journal_mode", rs -> rs.getString(1)).orElse("")));
        DataAccessException e = org.junit.jupiter.api.Assertions.assertThrows(DataAccessException.class,
                () -> db.inTransaction(c -> Sql.update(c,
                        "INSERT INTO persona (workspace_id, slug, label, position) VALUES (999, 'x', 'X', 1)")));
        assertTrue(e.getMessage().contains("FOREIGN KEY"), e.getMessage());
    }
}
