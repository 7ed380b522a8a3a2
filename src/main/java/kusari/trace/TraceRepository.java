package kusari.trace;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import kusari.db.Sql;
import kusari.indicator.Direction;
import kusari.indicator.IndicatorKind;

/**
 * All SQL of the trace. Every query takes a whole set of ids (as one JSON array parameter read by json_each), so a
 * trace costs one query per hop and layer, never one per node, whatever the size of the workspace.
 */
final class TraceRepository {

    private static final String IN = " IN (SELECT value FROM json_each(?))";

    /** One edge of the chain, left id and right id in chain order. */
    record Link(long left, long right) {
    }

    private TraceRepository() {
    }

    static String ids(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }

    private static List<Link> links(Connection c, String sql, Collection<Long> ids) throws SQLException {
        return Sql.query(c, sql, rs -> new Link(rs.getLong(1), rs.getLong(2)), ids(ids));
    }

    // --- finding the start ---

    static Optional<Long> stepId(Connection c, long workspaceId, String journeySlug, int position) throws SQLException {
        return Sql.queryOne(c, """
                SELECT s.id FROM step s JOIN journey j ON j.id = s.journey_id
                WHERE j.workspace_id = ? AND j.slug = ? AND s.position = ?""", rs -> rs.getLong(1),
                workspaceId, journeySlug, position);
    }

    static Optional<Long> challengeId(Connection c, long workspaceId, int number) throws SQLException {
        return Sql.queryOne(c, "SELECT id FROM challenge WHERE workspace_id = ? AND number = ?", rs -> rs.getLong(1),
                workspaceId, number);
    }

    static Optional<Long> projectId(Connection c, long workspaceId, String code) throws SQLException {
        return Sql.queryOne(c, "SELECT id FROM project WHERE workspace_id = ? AND code = ?", rs -> rs.getLong(1),
                workspaceId, code);
    }

    /** A framework node by code, only at the top (policy field) or only below it (measure, direction). */
    static Optional<Long> nodeId(Connection c, long workspaceId, String code, boolean top, Integer level)
            throws SQLException {
        return kusari.core.NodeCodes.find(c, workspaceId, code, level,
                top ? kusari.core.NodeCodes.Levels.TOP : kusari.core.NodeCodes.Levels.BELOW_TOP, "level");
    }

    /** An indicator and where it hangs: its kind and the id of its node, project or challenge. */
    record IndicatorOwner(long id, IndicatorKind kind, Long nodeId, Long projectId, Long challengeId) {
    }

    static Optional<IndicatorOwner> indicator(Connection c, long workspaceId, long id) throws SQLException {
        return Sql.queryOne(c, """
                SELECT id, kind, node_id, project_id, challenge_id FROM indicator WHERE workspace_id = ? AND id = ?""",
                rs -> new IndicatorOwner(rs.getLong(1), IndicatorKind.fromStored(rs.getString(2)), Sql.getLong(rs, "node_id"),
                        Sql.getLong(rs, "project_id"), Sql.getLong(rs, "challenge_id")), workspaceId, id);
    }

    // --- hops towards the residents (left) ---

    /** (indicator, owner) pairs for the indicators that hang on a node, a project or a challenge. */
    static List<Link> ownersOfIndicators(Connection c, Collection<Long> indicators, String ownerColumn)
            throws SQLException {
        if (!List.of("node_id", "project_id", "challenge_id").contains(ownerColumn)) {
            throw new IllegalArgumentException(ownerColumn);
        }
        return links(c, "SELECT id, " + ownerColumn + " FROM indicator WHERE " + ownerColumn + " IS NOT NULL AND id"
                + IN, indicators);
    }

    static List<Link> personasOfSteps(Connection c, Collection<Long> steps) throws SQLException {
        return links(c, "SELECT j.persona_id, s.id FROM step s JOIN journey j ON j.id = s.journey_id WHERE s.id" + IN,
                steps);
    }

    static List<Link> stepsOfChallenges(Connection c, Collection<Long> challenges) throws SQLException {
        return links(c, "SELECT step_id, challenge_id FROM step_challenge WHERE challenge_id" + IN, challenges);
    }

    static List<Link> challengesOfProjects(Connection c, Collection<Long> projects) throws SQLException {
        return links(c, "SELECT challenge_id, project_id FROM challenge_project WHERE project_id" + IN, projects);
    }

    static List<Link> projectsOfNodes(Connection c, Collection<Long> nodes) throws SQLException {
        return links(c, "SELECT id, node_id FROM project WHERE node_id" + IN, nodes);
    }

    /** Every node below the given ones, as (child, parent) pairs: one recursive query for the whole subtree. */
    static List<Link> nodesBelow(Connection c, Collection<Long> nodes) throws SQLException {
        return links(c, """
                WITH RECURSIVE down(child, parent) AS (
                    SELECT id, parent_id FROM framework_node WHERE parent_id""" + IN + """

                    UNION
                    SELECT n.id, n.parent_id FROM framework_node n JOIN down ON n.parent_id = down.child)
                SELECT child, parent FROM down""", nodes);
    }

    // --- hops towards funding and the strategy (right) ---

    static List<Link> challengesOfSteps(Connection c, Collection<Long> steps) throws SQLException {
        return links(c, "SELECT step_id, challenge_id FROM step_challenge WHERE step_id" + IN, steps);
    }

    static List<Link> actionIndicatorsOfChallenges(Connection c, Collection<Long> challenges) throws SQLException {
        return links(c, "SELECT challenge_id, id FROM indicator WHERE kind = 'ACTION' AND challenge_id" + IN, challenges);
    }

    static List<Link> projectsOfChallenges(Connection c, Collection<Long> challenges) throws SQLException {
        return links(c, "SELECT challenge_id, project_id FROM challenge_project WHERE challenge_id" + IN, challenges);
    }

    static List<Link> nodesOfProjects(Connection c, Collection<Long> projects) throws SQLException {
        return links(c, "SELECT id, node_id FROM project WHERE id" + IN, projects);
    }

    /** Every node above the given ones, as (child, parent) pairs. */
    static List<Link> nodesAbove(Connection c, Collection<Long> nodes) throws SQLException {
        return links(c, """
                WITH RECURSIVE up(child, parent) AS (
                    SELECT id, parent_id FROM framework_node WHERE parent_id IS NOT NULL AND id""" + IN + """

                    UNION
                    SELECT n.id, n.parent_id FROM framework_node n JOIN up ON n.id = up.parent
                    WHERE n.parent_id IS NOT NULL)
                SELECT child, parent FROM up""", nodes);
    }

    /** Goal indicators and KPIs hanging on the given framework nodes. */
    static List<Link> indicatorsOfNodes(Connection c, Collection<Long> nodes) throws SQLException {
        return links(c, "SELECT node_id, id FROM indicator WHERE node_id" + IN + " ORDER BY position", nodes);
    }

    // --- what each reached thing is (one query per layer) ---

    record PersonaRow(long id, String slug, String label) {
    }

    static List<PersonaRow> personas(Connection c, Collection<Long> ids) throws SQLException {
        return Sql.query(c, "SELECT id, slug, label FROM persona WHERE id" + IN + " ORDER BY position",
                rs -> new PersonaRow(rs.getLong(1), rs.getString(2), rs.getString(3)), ids(ids));
    }

    record StepRow(long id, String personaLabel, String journeySlug, int position, String title, int emotionScore,
                   String painPoint) {
    }

    static List<StepRow> steps(Connection c, Collection<Long> ids) throws SQLException {
        return Sql.query(c, """
                SELECT s.id, p.label, j.slug, s.position, s.title, s.emotion_score, s.pain_point
                FROM step s JOIN journey j ON j.id = s.journey_id JOIN persona p ON p.id = j.persona_id
                WHERE s.id""" + IN + " ORDER BY p.position, j.id, s.position",
                rs -> new StepRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getInt(6), rs.getString(7)), ids(ids));
    }

    /** The actors acting at each step, by step id, each once. */
    static Map<Long, List<String>> actorsOfSteps(Connection c, Collection<Long> ids) throws SQLException {
        return Sql.queryGrouped(c, """
                SELECT DISTINCT a.step_id, ac.name, ac.position FROM action a
                JOIN action_actor aa ON aa.action_id = a.id JOIN actor ac ON ac.id = aa.actor_id
                WHERE a.step_id""" + IN + " ORDER BY a.step_id, ac.position",
                rs -> rs.getLong(1), rs -> rs.getString(2), ids(ids));
    }

    record ChallengeRow(long id, int number, String title) {
    }

    static List<ChallengeRow> challenges(Connection c, Collection<Long> ids) throws SQLException {
        return Sql.query(c, "SELECT id, number, title FROM challenge WHERE id" + IN + " ORDER BY number",
                rs -> new ChallengeRow(rs.getLong(1), rs.getInt(2), rs.getString(3)), ids(ids));
    }

    static Map<Long, List<String>> approaches(Connection c, Collection<Long> ids) throws SQLException {
        return Sql.queryGrouped(c, """
                SELECT challenge_id, text FROM challenge_approach WHERE challenge_id""" + IN
                + " ORDER BY challenge_id, position", rs -> rs.getLong(1), rs -> rs.getString(2), ids(ids));
    }

    record ProjectRow(long id, String code, String name) {
    }

    static List<ProjectRow> projects(Connection c, Collection<Long> ids) throws SQLException {
        return Sql.query(c, "SELECT id, code, name FROM project WHERE id" + IN + " ORDER BY code",
                rs -> new ProjectRow(rs.getLong(1), rs.getString(2), rs.getString(3)), ids(ids));
    }

    static Map<Long, List<String>> leadActors(Connection c, Collection<Long> ids) throws SQLException {
        return Sql.queryGrouped(c, """
                SELECT l.project_id, a.name FROM project_lead_actor l JOIN actor a ON a.id = l.actor_id
                WHERE l.project_id""" + IN + " ORDER BY l.project_id, l.position",
                rs -> rs.getLong(1), rs -> rs.getString(2), ids(ids));
    }

    static Map<Long, List<TraceNode.BudgetYear>> budgets(Connection c, Collection<Long> ids) throws SQLException {
        return Sql.queryGrouped(c, """
                SELECT project_id, fiscal_year, thousand_yen FROM budget WHERE project_id""" + IN
                + " ORDER BY project_id, fiscal_year",
                rs -> rs.getLong(1), rs -> new TraceNode.BudgetYear(rs.getInt(2), rs.getLong(3)), ids(ids));
    }

    record NodeRow(long id, int depth, String code, String title) {
    }

    static List<NodeRow> nodes(Connection c, Collection<Long> ids) throws SQLException {
        return Sql.query(c, "SELECT id, depth, code, title FROM framework_node WHERE id" + IN + " ORDER BY depth, position",
                rs -> new NodeRow(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4)), ids(ids));
    }

    record IndicatorRow(long id, IndicatorKind kind, String name, String unit, Direction direction, Double baselineValue,
                        String baselineText, Double targetValue, String targetText, Integer targetFiscalYear,
                        Integer latestFiscalYear, Double latestValue) {
    }

    /** Indicators with their latest actual (the newest fiscal year that has one). */
    static List<IndicatorRow> indicators(Connection c, Collection<Long> ids) throws SQLException {
        return Sql.query(c, """
                SELECT i.id, i.kind, i.name, i.unit, i.direction, i.baseline_value, i.baseline_text,
                       i.target_value, i.target_text, i.target_fiscal_year, a.fiscal_year AS latest_year,
                       a.value AS latest_value
                FROM indicator i
                LEFT JOIN actual a ON a.indicator_id = i.id AND a.state = 'ACTUAL'
                     AND a.fiscal_year = (SELECT MAX(fiscal_year) FROM actual
                                          WHERE indicator_id = i.id AND state = 'ACTUAL')
                WHERE i.id""" + IN + " ORDER BY i.kind, i.position",
                rs -> new IndicatorRow(rs.getLong("id"), IndicatorKind.fromStored(rs.getString("kind")), rs.getString("name"),
                        rs.getString("unit"), Direction.fromStored(rs.getString("direction")), Sql.getDouble(rs, "baseline_value"),
                        rs.getString("baseline_text"), Sql.getDouble(rs, "target_value"), rs.getString("target_text"),
                        Sql.getInteger(rs, "target_fiscal_year"), Sql.getInteger(rs, "latest_year"),
                        Sql.getDouble(rs, "latest_value")), ids(ids));
    }
}
