package kusari.indicator;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.core.Workspace;

/**
 * The indicator table of a workspace, grouped by the framework as a strategy's KPI appendix is: per top-level
 * item (政策分野, 基本目標…) its goal indicators, then the KPIs of its items and projects in the framework's
 * order; action indicators of challenges come last. Read in a fixed handful of queries whatever the size.
 */
public final class IndicatorTable {

    private final Database database;
    private final IndicatorRepository indicators;

    public IndicatorTable(Database database, IndicatorRepository indicators) {
        this.database = database;
        this.indicators = indicators;
    }

    /** A group of the table: a top-level framework item (code and title), or the challenges (code null). */
    public record Group(String code, String title, String levelLabel, List<IndicatorRow> rows) {
    }

    public ReviewSettings settings(long workspaceId) {
        return database.read(c -> ReviewSettings.read(c, workspaceId));
    }

    /** Every indicator of the workspace with its values, in the table's groups and order. */
    public List<Group> groups(Workspace ws, String challengesTitle, String challengeLevel) {
        return database.read(c -> {
            Map<Long, Place> places = places(c, ws.id());
            Map<Long, Map<Integer, YearValue>> values = values(c, ws.id());
            Map<Long, Map<Integer, Double>> interim = interim(c, ws.id());
            Map<Long, Map<Integer, IndicatorReview>> reviews = reviews(c, ws.id());
            Map<String, List<IndicatorRow.OtherPeriod>> lineages = otherPeriods(c, ws.id());
            Map<Long, String> lineageOf = new HashMap<>();
            Sql.query(c, "SELECT id, lineage FROM indicator WHERE workspace_id = ? AND lineage <> ''", rs -> {
                lineageOf.put(rs.getLong(1), rs.getString(2));
                return null;
            }, ws.id());
            Map<String, Group> groups = new LinkedHashMap<>();
            List<Place> tops = places.values().stream().filter(p -> p.depth() == 1 && !p.project())
                    .sorted(java.util.Comparator.comparing(Place::order)).toList();
            for (Place top : tops) {
                groups.put("n" + top.topId(), new Group(top.code(), top.title(), ws.levelLabel(1), new ArrayList<>()));
            }
            Group challenges = new Group(null, challengesTitle, challengeLevel, new ArrayList<>());
            List<Indicator> all = new ArrayList<>(indicators.findAll(ws.id()));
            Map<Long, Long> ownerIds = ownerIds(c, ws.id());
            all.sort(java.util.Comparator.comparing((Indicator i) -> {
                Place p = places.get(ownerIds.get(i.id()));
                return p == null ? "~" + String.format("%06d", Integer.parseInt(i.ownerKey().replaceAll("\\D", "0")))
                        : p.order();
            }).thenComparing(i -> i.kind() == IndicatorKind.GOAL ? 0 : 1));
            for (Indicator i : all) {
                Place p = places.get(ownerIds.get(i.id()));
                String level = p == null ? challengeLevel : p.project() ? ws.projectLabel() : ws.levelLabel(p.depth());
                IndicatorRow row = new IndicatorRow(i, level, values.getOrDefault(i.id(), Map.of()),
                        interim.getOrDefault(i.id(), Map.of()), reviews.getOrDefault(i.id(), Map.of()),
                        lineages.getOrDefault(lineageOf.getOrDefault(i.id(), ""), List.of()));
                Group g = p == null ? challenges : groups.get("n" + p.topId());
                (g == null ? challenges : g).rows().add(row);
            }
            List<Group> result = new ArrayList<>(groups.values().stream().filter(g -> !g.rows().isEmpty()).toList());
            if (!challenges.rows().isEmpty()) {
                result.add(challenges);
            }
            return result;
        });
    }

    /**
     * Where a node or project sits: its top-level ancestor and a sort key in the framework's depth-first order.
     * Keys are "N{id}" for nodes and "P{id}" for projects.
     */
    private record Place(long topId, int depth, boolean project, String code, String title, String order) {
    }

    private static Map<Long, Place> places(Connection c, long ws) throws SQLException {
        // Depth-first order as a sort key: each node's positions from the top, zero-padded.
        List<Object[]> nodes = Sql.query(c, """
                WITH RECURSIVE tree(id, top, depth, code, title, path) AS (
                    SELECT id, id, depth, code, title, printf('%06d', position) FROM framework_node
                    WHERE workspace_id = ? AND parent_id IS NULL
                    UNION ALL
                    SELECT n.id, tree.top, n.depth, n.code, n.title, tree.path || '.' || printf('%06d', n.position)
                    FROM framework_node n JOIN tree ON n.parent_id = tree.id)
                SELECT id, top, depth, code, title, path FROM tree""",
                rs -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)}, ws);
        Map<Long, Place> places = new HashMap<>();
        Map<Long, Object[]> byId = new HashMap<>();
        for (Object[] n : nodes) {
            byId.put((Long) n[0], n);
            places.put(-(Long) n[0], new Place((Long) n[1], (Integer) n[2], false, (String) n[3], (String) n[4],
                    (String) n[5]));
        }
        for (Object[] p : Sql.query(c, "SELECT id, node_id, code, name, position FROM project WHERE workspace_id = ?",
                rs -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5)}, ws)) {
            Object[] node = byId.get((Long) p[1]);
            if (node != null) {
                places.put((Long) p[0], new Place((Long) node[1], (Integer) node[2] + 1, true, (String) p[2],
                        (String) p[3], node[5] + ".P" + String.format("%06d", (Integer) p[4])));
            }
        }
        return places;
    }

    /** Each indicator's owner as a key of {@link #places}: minus the node id, or the project id; null for challenges. */
    private static Map<Long, Long> ownerIds(Connection c, long ws) throws SQLException {
        Map<Long, Long> owners = new HashMap<>();
        Sql.query(c, "SELECT id, node_id, project_id FROM indicator WHERE workspace_id = ?", rs -> {
            Long node = Sql.getLong(rs, "node_id");
            Long project = Sql.getLong(rs, "project_id");
            owners.put(rs.getLong("id"), node != null ? Long.valueOf(-node) : project);
            return null;
        }, ws);
        return owners;
    }

    static Map<Long, Map<Integer, YearValue>> values(Connection c, long ws) throws SQLException {
        Map<Long, Map<Integer, YearValue>> result = new HashMap<>();
        for (YearValue v : Sql.query(c, """
                SELECT a.* FROM actual a JOIN indicator i ON i.id = a.indicator_id WHERE i.workspace_id = ?
                ORDER BY a.fiscal_year""", IndicatorTable::toValue, ws)) {
            result.computeIfAbsent(v.indicatorId(), k -> new LinkedHashMap<>()).put(v.fiscalYear(), v);
        }
        return result;
    }

    private static Map<Long, Map<Integer, Double>> interim(Connection c, long ws) throws SQLException {
        Map<Long, Map<Integer, Double>> result = new HashMap<>();
        Sql.query(c, """
                SELECT t.indicator_id, t.fiscal_year, t.value FROM interim_target t
                JOIN indicator i ON i.id = t.indicator_id WHERE i.workspace_id = ? ORDER BY t.fiscal_year""", rs -> {
            result.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getInt(2), rs.getDouble(3));
            return null;
        }, ws);
        return result;
    }

    private static Map<Long, Map<Integer, IndicatorReview>> reviews(Connection c, long ws) throws SQLException {
        Map<Long, Map<Integer, IndicatorReview>> result = new HashMap<>();
        for (IndicatorReview r : Sql.query(c, """
                SELECT r.* FROM indicator_review r JOIN indicator i ON i.id = r.indicator_id WHERE i.workspace_id = ?""",
                rs -> new IndicatorReview(rs.getLong("id"), rs.getLong("version"), rs.getLong("indicator_id"),
                        rs.getInt("fiscal_year"), rs.getString("grade_override"), rs.getString("override_reason"),
                        rs.getString("panel_comment"), rs.getString("department_comment"),
                        NextAction.fromStored(rs.getString("next_action"))), ws)) {
            result.computeIfAbsent(r.indicatorId(), k -> new HashMap<>()).put(r.fiscalYear(), r);
        }
        return result;
    }

    static YearValue toValue(ResultSet rs) throws SQLException {
        return new YearValue(rs.getLong("id"), rs.getLong("version"), rs.getLong("indicator_id"),
                rs.getInt("fiscal_year"), ValueState.fromStored(rs.getString("state")), Sql.getDouble(rs, "value"),
                rs.getString("data_date"),
                rs.getString("source"), rs.getString("note"));
    }

    /** Indicators of the municipality's other workspaces that share a lineage key with one of this workspace. */
    private static Map<String, List<IndicatorRow.OtherPeriod>> otherPeriods(Connection c, long ws) throws SQLException {
        Map<String, List<IndicatorRow.OtherPeriod>> result = new HashMap<>();
        Sql.query(c, """
                SELECT i.lineage, w.slug, w.name, w.plan_from, w.plan_to, i.name,
                       (SELECT MAX(fiscal_year) FROM actual a WHERE a.indicator_id = i.id AND a.state = 'ACTUAL') AS y,
                       (SELECT value FROM actual a WHERE a.indicator_id = i.id AND a.state = 'ACTUAL'
                        ORDER BY fiscal_year DESC LIMIT 1) AS v
                FROM indicator i JOIN workspace w ON w.id = i.workspace_id
                WHERE i.lineage <> '' AND w.id <> ?
                  AND w.municipality = (SELECT municipality FROM workspace WHERE id = ?)
                  AND i.lineage IN (SELECT lineage FROM indicator WHERE workspace_id = ? AND lineage <> '')
                ORDER BY w.plan_from""", rs -> {
            result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new IndicatorRow.OtherPeriod(
                    rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getString(6),
                    Sql.getInteger(rs, "y"), Sql.getDouble(rs, "v")));
            return null;
        }, ws, ws, ws);
        return result;
    }

    /** Every project of the workspace in code order, with its review of {@code fiscalYear} if there is one. */
    public List<ReviewPage.ProjectLine> projectReviews(long workspaceId, int fiscalYear) {
        return database.read(c -> Sql.query(c, """
                SELECT p.id, p.code, p.name, r.id AS review, r.next_action, r.panel_comment, r.department_comment
                FROM project p LEFT JOIN project_review r ON r.project_id = p.id AND r.fiscal_year = ?
                WHERE p.workspace_id = ? ORDER BY p.code""", rs -> new ReviewPage.ProjectLine(rs.getLong(1),
                rs.getString(2), rs.getString(3), Sql.getLong(rs, "review"),
                NextAction.fromStored(rs.getString("next_action")),
                rs.getString("panel_comment"), rs.getString("department_comment")), fiscalYear, workspaceId));
    }
}
