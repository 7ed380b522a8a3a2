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
        int applied = Migrations.apply(db);

        List<Migrations.Migration> all = Migrations.known(db);
        assertEquals(all.size(), applied);
        assertTrue(all.stream().allMatch(Migrations.Migration::done), all.toString());
        assertEquals(applied, db.<Long>read(c -> Sql.queryLong(c,
                "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1 AND type = 'SQL'")));
        int highest = all.get(all.size() - 1).version();
        assertEquals(highest, db.read(Migrations::userVersion), "backups still read the schema number there");
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
        // The triggers' bodies hold semicolons of their own: each trigger is still one statement.
        List<String> triggers = db.read(c -> Sql.query(c,
                "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name", rs -> rs.getString(1)));
        assertTrue(triggers.containsAll(List.of("actor_name_follows_edit", "workspace_private_once_accounts_exist")),
                triggers.toString());
    }

    @Test
    void aSecondRunAppliesNothing() {
        Database db = Database.open(dir.resolve("m2.db"));
        Migrations.apply(db);
        assertEquals(0, Migrations.apply(db));
    }

    @Test
    void versionsAreUniqueAndContiguousFromOne() {
        // Plain numbering keeps the order plain: an earlier-numbered file that lands after a later one was applied
        // would stop every start (Flyway refuses to run it out of order).
        List<Migrations.Migration> all = Migrations.known(Database.open(dir.resolve("v.db")));
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
