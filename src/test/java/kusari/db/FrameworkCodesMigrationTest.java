package kusari.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V022 rebuilds framework_node so that a code is unique within a level: every row that points at a node keeps
 * pointing at it (nothing is deleted or set to null by the rebuild), and the new constraint holds.
 */
class FrameworkCodesMigrationTest {

    @TempDir
    Path dir;

    @Test
    void theRebuildKeepsEveryReferenceAndAllowsOneCodeOnTwoLevels() {
        Database db = Database.open(dir.resolve("v21.db"));
        Flyway.configure(Migrations.class.getClassLoader()).dataSource(db.dataSource())
                .locations("classpath:" + Migrations.FOLDER).table(Migrations.HISTORY_TABLE)
                .placeholderReplacement(false).target("21").load().migrate();
        db.inTransaction(c -> {
            Sql.update(c, "INSERT INTO workspace (id, slug, name, municipality, plan_from, plan_to) VALUES (1, 'm', 'M', 'M', 2020, 2024)");
            Sql.update(c, "INSERT INTO framework_level (workspace_id, depth, label) VALUES (1, 1, '基本目標'), (1, 2, '戦略'), (1, 3, '事業')");
            Sql.update(c, "INSERT INTO framework_node (id, workspace_id, parent_id, depth, code, title, position) VALUES (10, 1, NULL, 1, '1', '暮らす', 1)");
            Sql.update(c, "INSERT INTO framework_node (id, workspace_id, parent_id, depth, code, title, position) VALUES (11, 1, 10, 2, '1-1', '住む', 1)");
            Sql.update(c, "INSERT INTO project (id, workspace_id, node_id, code, name, position) VALUES (20, 1, 11, 'p1', 'P', 1)");
            Sql.update(c, "INSERT INTO persona (id, workspace_id, slug, label, position, policy_field_id) VALUES (30, 1, 'a', 'A', 1, 10)");
            Sql.update(c, "INSERT INTO indicator (id, workspace_id, kind, name, node_id, position) VALUES (40, 1, 'GOAL', 'I', 10, 1)");
            return null;
        });
        List<String> before = foreignKeys(db);

        // V022 and whatever came after it
        assertTrue(Migrations.apply(db) >= 1);
        assertEquals(1L, db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM " + Migrations.HISTORY_TABLE
                + " WHERE CAST(version AS INTEGER) = 22 AND success = 1")), "V022 applied");

        java.util.Set<String> tablesBefore = new java.util.HashSet<>();
        before.forEach(k -> tablesBefore.add(k.substring(0, k.indexOf(':'))));
        assertEquals(before, foreignKeys(db).stream().filter(k -> tablesBefore.contains(k.substring(0, k.indexOf(':'))))
                .toList(), "every foreign key of every table is as before (tables of later migrations aside)");
        assertEquals(1L, db.<Long>read(c -> Sql.queryLong(c, "PRAGMA foreign_keys")));
        assertEquals(2L, db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM framework_node")));
        assertEquals(11L, db.<Long>read(c -> Sql.queryLong(c, "SELECT node_id FROM project WHERE id = 20")));
        assertEquals(10L, db.<Long>read(c -> Sql.queryLong(c, "SELECT policy_field_id FROM persona WHERE id = 30")));
        assertEquals(10L, db.<Long>read(c -> Sql.queryLong(c, "SELECT node_id FROM indicator WHERE id = 40")));
        assertEquals(10L, db.<Long>read(c -> Sql.queryLong(c, "SELECT parent_id FROM framework_node WHERE id = 11")));
        assertEquals(1L, db.<Long>read(c -> Sql.queryLong(c,
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'framework_node_parent'")));
        assertEquals(0L, db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM pragma_foreign_key_check")));

        // the same code on another level is accepted; on the same level it is refused
        db.inTransaction(c -> Sql.update(c, "INSERT INTO framework_node (workspace_id, parent_id, depth, code, title, position) VALUES (1, 10, 2, '1', '働く', 2)"));
        DataAccessException e = assertThrows(DataAccessException.class, () -> db.inTransaction(c -> Sql.update(c,
                "INSERT INTO framework_node (workspace_id, parent_id, depth, code, title, position) VALUES (1, NULL, 1, '1', 'x', 3)")));
        assertTrue(e.getMessage().contains("UNIQUE"), e.getMessage());
        // the foreign keys still act: deleting the top node takes its subtree, as before
        DataAccessException restrict = assertThrows(DataAccessException.class,
                () -> db.inTransaction(c -> Sql.update(c, "DELETE FROM framework_node WHERE id = 11")));
        assertTrue(restrict.getMessage().contains("FOREIGN KEY"), restrict.getMessage());
    }

    private static List<String> foreignKeys(Database db) {
        return db.read(c -> {
            List<String> all = new java.util.ArrayList<>();
            for (String table : Sql.query(c, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
                    rs -> rs.getString(1))) {
                all.addAll(Sql.query(c, "SELECT \"table\" || '.' || \"from\" || ' -> ' || \"to\" || ' ' || on_delete"
                        + " FROM pragma_foreign_key_list(?)", rs -> table + ": " + rs.getString(1), table));
            }
            return all;
        });
    }
}
