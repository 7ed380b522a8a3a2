package kusari.strategy;


import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.indicator.Indicator;
import kusari.indicator.IndicatorQueries;

/** Builds the framework tree of a workspace, for the framework page and the API. */
public final class Framework {

    private final Database database;
    private final StrategyRepository workspaces;
    private final IndicatorQueries indicators;

    public Framework(Database database, StrategyRepository workspaces, IndicatorQueries indicators) {
        this.database = database;
        this.workspaces = workspaces;
        this.indicators = indicators;
    }

    /** The top-level nodes, each with its whole subtree, indicators, projects and their challenge numbers. */
    public List<FrameworkPage.TreeNode> tree(long workspaceId) {
        List<FrameworkNode> nodes = workspaces.findNodes(workspaceId);
        Map<Long, List<Indicator>> byNode = indicators.byNode(workspaceId);
        Map<Long, List<FrameworkPage.ProjectRow>> projectsByNode = new LinkedHashMap<>();
        Map<Long, List<Integer>> challengeNumbers = challengeNumbersByProject(workspaceId);
        Map<Long, List<String>> leads = leadsByProject(workspaceId);
        for (Project p : workspaces.findProjects(workspaceId)) {
            projectsByNode.computeIfAbsent(p.nodeId(), k -> new ArrayList<>()).add(new FrameworkPage.ProjectRow(p,
                    challengeNumbers.getOrDefault(p.id(), List.of()), leads.getOrDefault(p.id(), List.of())));
        }
        Map<Long, List<FrameworkNode>> byParent = new java.util.HashMap<>();
        for (FrameworkNode n : nodes) {
            byParent.computeIfAbsent(n.parentId() == null ? 0L : n.parentId(), k -> new ArrayList<>()).add(n);
        }
        return children(0L, byParent, byNode, projectsByNode, readingsByNode(workspaceId));
    }

    // Children found by their parent's id: scanning every node for each node was quadratic in a large framework.
    private List<FrameworkPage.TreeNode> children(long parentId, Map<Long, List<FrameworkNode>> byParent,
                                                 Map<Long, List<Indicator>> byNode,
                                                 Map<Long, List<FrameworkPage.ProjectRow>> projects,
                                                 Map<Long, List<String>> readings) {
        List<FrameworkPage.TreeNode> result = new ArrayList<>();
        for (FrameworkNode n : byParent.getOrDefault(parentId, List.of())) {
            result.add(new FrameworkPage.TreeNode(n, byNode.getOrDefault(n.id(), List.of()),
                    children(n.id(), byParent, byNode, projects, readings), projects.getOrDefault(n.id(), List.of()),
                    readings.getOrDefault(n.id(), List.of())));
        }
        return result;
    }

    /**
     * Readings of each node, then those of its goal indicators and KPIs led by the indicator's name (where the
     * document's table was split or its direction read), so that a planner sees them next to the node.
     */
    private Map<Long, List<String>> readingsByNode(long workspaceId) {
        return database.read(c -> Sql.queryGrouped(c, """
                SELECT node_id, text FROM (
                    SELECT r.subject_id AS node_id, 0 AS part, 0 AS pos, r.position, r.text FROM reading r
                    WHERE r.workspace_id = ? AND r.subject_type = 'FRAMEWORK_NODE'
                    UNION ALL
                    SELECT i.node_id, 1, i.position, r.position, i.name || ': ' || r.text FROM reading r
                    JOIN indicator i ON i.id = r.subject_id
                    WHERE r.workspace_id = ? AND r.subject_type = 'INDICATOR' AND i.node_id IS NOT NULL)
                ORDER BY node_id, part, pos, position""", rs -> rs.getLong(1), rs -> rs.getString(2),
                workspaceId, workspaceId));
    }

    private Map<Long, List<Integer>> challengeNumbersByProject(long workspaceId) {
        return byProject("""
                SELECT cp.project_id, ch.number FROM challenge_project cp JOIN challenge ch ON ch.id = cp.challenge_id
                WHERE ch.workspace_id = ? ORDER BY cp.project_id, ch.number""", rs -> rs.getInt(2), workspaceId);
    }

    private Map<Long, List<String>> leadsByProject(long workspaceId) {
        return byProject("""
                SELECT pl.project_id, a.name FROM project_lead_actor pl JOIN actor a ON a.id = pl.actor_id
                WHERE a.workspace_id = ? ORDER BY pl.project_id, pl.position""", rs -> rs.getString(2), workspaceId);
    }

    /** Rows of (project id in column 1, value) grouped by project id, in query order. */
    private <T> Map<Long, List<T>> byProject(String sql, Sql.RowMapper<T> value, long workspaceId) {
        return database.read(c -> Sql.queryGrouped(c, sql, rs -> rs.getLong(1), value, workspaceId));
    }
}
