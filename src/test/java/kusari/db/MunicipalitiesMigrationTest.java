package kusari.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V023 gives every workspace its list of municipalities: the name it had, as one entry even when it reads like
 * several (「飯田市・下條村」), then every municipality its project roles already name, so that no role is lost.
 */
class MunicipalitiesMigrationTest {

    @TempDir
    Path dir;

    @Test
    void eachWorkspaceKeepsItsNameAsOneEntryAndGainsTheMunicipalitiesItsRolesName() {
        Database db = Database.open(dir.resolve("before.db"));
        Flyway.configure(Migrations.class.getClassLoader()).dataSource(db.dataSource())
                .locations("classpath:" + Migrations.FOLDER).table(Migrations.HISTORY_TABLE)
                .placeholderReplacement(false).target("21").load().migrate();
        db.inTransaction(c -> {
            Sql.update(c, """
                    INSERT INTO workspace (id, slug, name, municipality, plan_from, plan_to)
                    VALUES (1, 'iida', '南信州定住自立圏共生ビジョン', '飯田市・下條村', 2021, 2025),
                           (2, 'solo', 'ひとり町総合戦略', '架空県ひとり町', 2021, 2025)""");
            Sql.update(c, "INSERT INTO framework_node (id, workspace_id, depth, code, title, position) VALUES "
                    + "(1, 1, 1, '1', '医療', 1), (2, 2, 1, '1', '子育て', 1)");
            Sql.update(c, "INSERT INTO project (id, workspace_id, node_id, code, name, position) VALUES "
                    + "(1, 1, 1, '1-2', '救急', 2), (2, 1, 1, '1-1', '休日診療', 1), (3, 2, 2, '1-1', '保育', 1)");
            // roles as free text: 下條村 first appears under 1-1, 阿南町 under 1-2; 飯田市 names no entry yet
            Sql.update(c, "INSERT INTO project_role (id, project_id, municipality, role) VALUES "
                    + "(1, 1, '阿南町', '搬送'), (2, 1, '下條村', '負担'), (3, 2, '下條村', '会場'), (4, 2, '飯田市', '運営')");
            return null;
        });
        Migrations.apply(db);

        assertEquals(List.of("飯田市・下條村", "下條村", "飯田市", "阿南町"), names(db, 1),
                "the old name unsplit first, then the roles' municipalities in the order the roles table showed them");
        assertEquals(List.of("架空県ひとり町"), names(db, 2), "a strategy without roles: its one municipality");
        assertEquals(4L, db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM project_role")), "every role kept");
        assertEquals("飯田市・下條村", db.read(c -> Sql.queryOne(c, "SELECT municipality FROM workspace WHERE id = 1",
                rs -> rs.getString(1)).orElseThrow()), "the name pages show is untouched");
    }

    private static List<String> names(Database db, long workspace) {
        return db.read(c -> Sql.query(c, "SELECT name FROM workspace_municipality WHERE workspace_id = ? ORDER BY position",
                rs -> rs.getString(1), workspace));
    }
}
