package kusari.edit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import kusari.db.Sql;
import kusari.core.Ui;

/**
 * What a reference field may point at, labelled the way planners name things: 「1-03-4 健康づくり…」,
 * 「課題2 …」, 「Bさん 3. 窓口で相談」. Always within one workspace.
 */
final class Choices {

    private Choices() {
    }

    record Choice(long id, String label) {
    }

    /** The names a workspace keeps in a list table (rows workspace_id, position, name), in their order. */
    static List<String> names(Connection c, String listTable, long workspaceId) throws SQLException {
        if (!listTable.equals("workspace_municipality")) {
            throw new IllegalArgumentException("No names in " + listTable);
        }
        return kusari.change.WorkspaceKind.municipalities(c, workspaceId);
    }

    static List<Choice> of(Connection c, Ui ui, String table, long workspaceId) throws SQLException {
        String sql = switch (table) {
            // in tree order, a code on several levels (基本目標1, 戦略1) led by its level's name
            case "framework_node" -> """
                    WITH RECURSIVE tree(id, path) AS (
                        SELECT id, printf('%06d', position) FROM framework_node WHERE workspace_id = ? AND parent_id IS NULL
                        UNION ALL
                        SELECT n.id, tree.path || printf('%06d', n.position) FROM framework_node n JOIN tree ON n.parent_id = tree.id)
                    SELECT n.id, substr('　　　　', 1, n.depth - 1) || CASE WHEN """ + kusari.core.NodeCodes.levelIfRepeatedSql("n")
                    + """
                     IS NULL THEN '' ELSE COALESCE(l.label, '') END || n.code || ' ' || n.title
                    FROM tree JOIN framework_node n ON n.id = tree.id
                    LEFT JOIN framework_level l ON l.workspace_id = n.workspace_id AND l.depth = n.depth
                    ORDER BY tree.path""";
            case "project" -> "SELECT id, code || ' ' || name FROM project WHERE workspace_id = ? ORDER BY code";
            case "challenge" -> "SELECT id, number || '|' || title FROM challenge WHERE workspace_id = ? ORDER BY number";
            case "persona" -> "SELECT id, label FROM persona WHERE workspace_id = ? ORDER BY position";
            case "journey" -> "SELECT id, title FROM journey WHERE workspace_id = ? ORDER BY slug";
            case "actor" -> "SELECT id, name FROM actor WHERE workspace_id = ? ORDER BY kind DESC, position";
            case "step" -> """
                    SELECT s.id, p.label || ' ' || s.position || '. ' || s.title FROM step s
                    JOIN journey j ON j.id = s.journey_id JOIN persona p ON p.id = j.persona_id
                    WHERE j.workspace_id = ? ORDER BY p.position, s.position""";
            // the review's kinds point at indicators
            case "indicator" -> """
                    SELECT i.id, COALESCE(CASE WHEN """ + kusari.core.NodeCodes.levelIfRepeatedSql("n") + """
                     IS NULL THEN '' ELSE COALESCE(l.label, '') END || n.code, p.code, '課題' || c.number) || ' ' || i.name FROM indicator i
                    LEFT JOIN framework_node n ON n.id = i.node_id LEFT JOIN project p ON p.id = i.project_id
                    LEFT JOIN framework_level l ON l.workspace_id = n.workspace_id AND l.depth = n.depth
                    LEFT JOIN challenge c ON c.id = i.challenge_id
                    WHERE i.workspace_id = ? ORDER BY i.kind DESC, 2""";
            default -> throw new IllegalArgumentException("No choices for " + table);
        };
        return Sql.query(c, sql, rs -> {
            String label = rs.getString(2);
            if (table.equals("challenge")) {
                int bar = label.indexOf('|');
                label = ui.t("challenge.label", Integer.parseInt(label.substring(0, bar))) + " " + label.substring(bar + 1);
            }
            return new Choice(rs.getLong(1), label);
        }, workspaceId);
    }
}
