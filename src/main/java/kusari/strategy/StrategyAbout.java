package kusari.strategy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kusari.db.Database;
import kusari.db.Sql;

/**
 * The strategy around its chain, as the document states it: the slogan, the 理念 it keeps from the first
 * strategy, the 基本的視点 of its revision, which national 基本目標 each policy field answers, how progress is
 * managed every year (the basis of the yearly review), where the personas come from, and the survey results
 * it gives as evidence. Read-only: it comes with the workspace's files (workspace.json "about").
 */
public record StrategyAbout(String slogan, List<Statement> principles, List<Statement> viewpoints,
                            List<GoalMapping> nationalGoals, String progressManagement, String interviews,
                            List<Survey> surveys) {

    public record Statement(String title, String text) {
    }

    /** {@code fieldTitle} is the policy field's title now, or "" when no field has the code any more. */
    public record GoalMapping(String nationalGoal, String cityGoal, String policyField, String fieldTitle) {
    }

    public record Survey(String policyField, String question, List<String> columns, List<Row> rows) {
    }

    public record Row(String label, List<String> values) {
    }

    /** The workspace's about, or empty when its files gave none. */
    public static Optional<StrategyAbout> load(Database database, long workspaceId) {
        return database.read(c -> {
            Optional<String[]> head = Sql.queryOne(c, """
                    SELECT slogan, progress_management, interviews FROM strategy_about WHERE workspace_id = ?""",
                    rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, workspaceId);
            if (head.isEmpty()) {
                return Optional.<StrategyAbout>empty();
            }
            List<Statement> principles = Sql.query(c, """
                    SELECT title, text FROM strategy_statement WHERE workspace_id = ? AND kind = 'PRINCIPLE'
                    ORDER BY position""", rs -> new Statement(rs.getString(1), rs.getString(2)), workspaceId);
            List<Statement> viewpoints = Sql.query(c, """
                    SELECT title, text FROM strategy_statement WHERE workspace_id = ? AND kind = 'VIEWPOINT'
                    ORDER BY position""", rs -> new Statement(rs.getString(1), rs.getString(2)), workspaceId);
            List<GoalMapping> goals = Sql.query(c, """
                    SELECT g.national_goal, g.city_goal, g.policy_field_code, COALESCE(n.title, '')
                    FROM national_goal g LEFT JOIN framework_node n
                      ON n.workspace_id = g.workspace_id AND n.code = g.policy_field_code AND n.parent_id IS NULL
                    WHERE g.workspace_id = ? ORDER BY g.position""",
                    rs -> new GoalMapping(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                    workspaceId);
            Map<Long, List<Row>> rows = Sql.queryGrouped(c, """
                    SELECT survey_position, label, cell_values FROM survey_row WHERE workspace_id = ?
                    ORDER BY survey_position, position""",
                    rs -> rs.getLong(1), rs -> new Row(rs.getString(2), lines(rs.getString(3))), workspaceId);
            List<Survey> surveys = Sql.query(c, """
                    SELECT position, policy_field_code, question, columns FROM survey_result WHERE workspace_id = ?
                    ORDER BY position""",
                    rs -> new Survey(rs.getString(2), rs.getString(3), lines(rs.getString(4)),
                            rows.getOrDefault(rs.getLong(1), List.of())), workspaceId);
            String[] h = head.get();
            return Optional.of(new StrategyAbout(h[0], principles, viewpoints, goals, h[1], h[2], surveys));
        });
    }

    /** Cells are kept one per line (see V015). */
    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1));
    }
}
