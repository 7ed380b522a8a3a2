package kusari.indicator;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kusari.core.FieldError;
import kusari.core.ValidationException;
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

    /** Rows of the table on one page: about what one can scroll through and print (a few hundred kilobytes). */
    public static final int ROWS_PER_PAGE = 200;
    /** Rows read together with their values when the whole table is written to a file. */
    private static final int CHUNK = 500;

    /** A group of the table without its rows: its key for the {@code group} parameter and how many rows it has. */
    public record GroupCount(String key, String code, String title, String levelLabel, int count) {
    }

    /**
     * One page of the table: every group with its count (to choose one from), the chosen group's key (null: all),
     * the page's paging over the rows of the choice, and the groups of the page with their rows.
     */
    public record Slice(List<GroupCount> counts, String group, kusari.core.Paging paging, List<Group> groups) {

        /** Only part of the table (one group, or one page). */
        public boolean partial() {
            return group != null || paging.paged();
        }

        /** The chosen group as the notice names it (its code and title), or the key as given. */
        public String groupTitle() {
            return counts.stream().filter(g -> g.key().equals(group))
                    .map(g -> g.code() == null ? g.title() : g.code() + " " + g.title()).findFirst().orElse(group);
        }

        /**
         * The sentence saying which part is shown: {@code pagedKey} (total, size, from, to, pages, page) for a page
         * of all groups, {@code groupKey} (group, count) for one group, with its page when it has several; then
         * {@code afterKey}, what the part means for the page (e.g. that a save takes only these cells).
         */
        public String notice(kusari.core.Ui ui, String pagedKey, String groupKey, String afterKey) {
            String part = group == null
                    ? ui.t(pagedKey, paging.total(), paging.size(), paging.from() + 1, paging.to(), paging.pages(),
                            paging.page())
                    : ui.t(groupKey, groupTitle(), paging.total()) + (paging.paged() ? " " + ui.t(
                            "indicator.table.pageOf", paging.from() + 1, paging.to(), paging.pages(), paging.page()) : "");
            return part + (ui.japanese() ? "" : " ") + ui.t(afterKey);
        }
    }

    /** One page of rows, the paging of a table, its page refused with the parameter's name when it does not exist. */
    /** An indicator placed in the table: its group key and its owner's level label. */
    private record Placed(Light indicator, String groupKey, String level) {
    }

    /** What the table's order needs of an indicator; the whole indicator is read only for the rows shown. */
    private record Light(long id, IndicatorKind kind, String ownerKey, Long nodeId, Long projectId, Long challengeId) {
    }

    /** The table's order without values: the groups in order (with no rows yet) and the placed indicators. */
    private record Layout(Map<String, Group> groups, List<Placed> placed) {
    }

    /** Every indicator of the workspace with its values, in the table's groups and order. */
    public List<Group> groups(Workspace ws, String challengesTitle, String challengeLevel) {
        List<Group> result = new ArrayList<>();
        forEachChunk(ws, challengesTitle, challengeLevel, chunk -> {
            for (Group g : chunk) {
                Group last = result.isEmpty() ? null : result.get(result.size() - 1);
                if (last != null && java.util.Objects.equals(last.code(), g.code()) && last.title().equals(g.title())) {
                    last.rows().addAll(g.rows());
                } else {
                    result.add(new Group(g.code(), g.title(), g.levelLabel(), new ArrayList<>(g.rows())));
                }
            }
        });
        return result;
    }

    /**
     * The whole table in chunks of a few hundred rows, in order, each chunk's values read only for its rows: what
     * the exports write as they read, so the table of a large workspace is never held whole in memory.
     */
    public void forEachChunk(Workspace ws, String challengesTitle, String challengeLevel,
                             java.util.function.Consumer<List<Group>> chunk) {
        database.read(c -> {
            Layout layout = layout(c, ws, challengesTitle, challengeLevel);
            // Every row is written: the whole indicators are read at once, their values chunk by chunk.
            Map<Long, Indicator> whole = new HashMap<>();
            indicators.findAll(ws.id()).forEach(i -> whole.put(i.id(), i));
            for (int from = 0; from < layout.placed().size(); from += CHUNK) {
                chunk.accept(rows(c, ws, layout, layout.placed().subList(from,
                        Math.min(layout.placed().size(), from + CHUNK)), whole));
            }
            return null;
        });
    }

    /**
     * One page of the table: {@code group} (a top-level framework code, {@code challenges}, or null for all) and
     * {@code page} (from 1). Unknown groups and pages beyond the last are refused, naming the parameter.
     */
    public Slice slice(Workspace ws, String challengesTitle, String challengeLevel, String group, int page) {
        return database.read(c -> {
            Layout layout = layout(c, ws, challengesTitle, challengeLevel);
            Map<String, Integer> sizes = new HashMap<>();
            layout.placed().forEach(p -> sizes.merge(p.groupKey(), 1, Integer::sum));
            List<GroupCount> counts = new ArrayList<>();
            String chosenKey = null;
            for (Map.Entry<String, Group> e : layout.groups().entrySet()) {
                Group g = e.getValue();
                String key = g.code() == null ? CHALLENGES : g.code();
                int n = sizes.getOrDefault(e.getKey(), 0);
                if (n > 0) {
                    counts.add(new GroupCount(key, g.code(), g.title(), g.levelLabel(), n));
                }
                if (key.equals(group)) {
                    chosenKey = e.getKey();
                }
            }
            if (group != null && chosenKey == null) {
                throw new ValidationException(List.of(FieldError.of("group", "indicator.table.error.group", group)));
            }
            String key = chosenKey;
            List<Placed> chosen = key == null ? layout.placed()
                    : layout.placed().stream().filter(p -> p.groupKey().equals(key)).toList();
            kusari.core.Paging paging = kusari.core.Paging.of("page", page, ROWS_PER_PAGE, chosen.size());
            return new Slice(counts, group, paging, rows(c, ws, layout, chosen.subList(paging.from(), paging.to())));
        });
    }

    /** The {@code group} value that chooses the challenges' action indicators. */
    public static final String CHALLENGES = "challenges";

    /** The first page of a {@code page} parameter (null or blank), else the number; refused when not from 1. */
    public static int page(String raw) {
        return kusari.core.Paging.parse("page", raw);
    }

    private Layout layout(Connection c, Workspace ws, String challengesTitle, String challengeLevel)
            throws SQLException {
        Map<Long, Place> places = places(c, ws.id());
        Map<String, Group> groups = new LinkedHashMap<>();
        List<Place> tops = places.values().stream().filter(p -> p.depth() == 1 && !p.project())
                .sorted(java.util.Comparator.comparing(Place::order)).toList();
        for (Place top : tops) {
            groups.put("n" + top.topId(), new Group(top.code(), top.title(), ws.levelLabel(1), new ArrayList<>()));
        }
        groups.put(CHALLENGES, new Group(null, challengesTitle, challengeLevel, new ArrayList<>()));
        // In findAll's order, which the sort below keeps among equal keys.
        List<Light> all = new ArrayList<>(Sql.query(c, """
                SELECT i.id, i.kind, i.node_id, i.project_id, i.challenge_id,
                       CASE WHEN i.node_id IS NOT NULL THEN 'NODE'
                            WHEN i.project_id IS NOT NULL THEN 'PROJECT' ELSE 'CHALLENGE' END AS owner_type,
                       COALESCE(n.code, p.code, CAST(c.number AS TEXT)) AS owner_key
                FROM indicator i
                LEFT JOIN framework_node n ON n.id = i.node_id
                LEFT JOIN project p ON p.id = i.project_id
                LEFT JOIN challenge c ON c.id = i.challenge_id
                WHERE i.workspace_id = ?
                ORDER BY CASE i.kind WHEN 'GOAL' THEN 1 WHEN 'KPI' THEN 2 ELSE 3 END, owner_type, owner_key, i.position""",
                rs -> new Light(rs.getLong("id"), IndicatorKind.fromStored(rs.getString("kind")), rs.getString("owner_key"),
                        Sql.getLong(rs, "node_id"), Sql.getLong(rs, "project_id"), Sql.getLong(rs, "challenge_id")),
                ws.id()));
        Map<Long, Long> ownerIds = new HashMap<>();
        for (Light i : all) {
            ownerIds.put(i.id(), i.nodeId() != null ? Long.valueOf(-i.nodeId()) : i.projectId());
        }
        // Each sort key is made once: made in the comparison, it was most of the time of a large table.
        Map<Long, String> keys = new HashMap<>();
        for (Light i : all) {
            Place p = places.get(ownerIds.get(i.id()));
            keys.put(i.id(), p == null
                    ? "~" + String.format("%06d", Integer.parseInt(i.ownerKey().replaceAll("\\D", "0"))) : p.order());
        }
        all.sort(java.util.Comparator.comparing((Light i) -> keys.get(i.id()))
                .thenComparing(i -> i.kind() == IndicatorKind.GOAL ? 0 : 1));
        // Rows go group by group in the groups' order (the challenges' last), each group in the sorted order.
        Map<String, List<Placed>> byGroup = new LinkedHashMap<>();
        groups.keySet().forEach(k -> byGroup.put(k, new ArrayList<>()));
        for (Light i : all) {
            Place p = places.get(ownerIds.get(i.id()));
            String level = p == null ? challengeLevel : p.project() ? ws.projectLabel() : ws.levelLabel(p.depth());
            String key = p == null || !groups.containsKey("n" + p.topId()) ? CHALLENGES : "n" + p.topId();
            byGroup.get(key).add(new Placed(i, key, level));
        }
        List<Placed> placed = new ArrayList<>();
        byGroup.values().forEach(placed::addAll);
        return new Layout(groups, placed);
    }

    /** The rows of {@code placed} with their values, in their groups (new Group objects, in the table's order). */
    /** The whole indicators of {@code placed}: read by their owners, a handful of small queries for one page. */
    private Map<Long, Indicator> whole(Workspace ws, List<Placed> placed) {
        Map<Long, Indicator> result = new HashMap<>();
        java.util.Set<Long> projects = new java.util.LinkedHashSet<>();
        java.util.Set<Long> challenges = new java.util.LinkedHashSet<>();
        boolean nodes = false;
        for (Placed p : placed) {
            Light l = p.indicator();
            if (l.nodeId() != null) {
                nodes = true;
            } else if (l.projectId() != null) {
                projects.add(l.projectId());
            } else if (l.challengeId() != null) {
                challenges.add(l.challengeId());
            }
        }
        if (nodes) {
            indicators.byNode(ws.id()).values().forEach(list -> list.forEach(i -> result.put(i.id(), i)));
        }
        projects.forEach(id -> indicators.findByProject(id).forEach(i -> result.put(i.id(), i)));
        challenges.forEach(id -> indicators.findByChallenge(id).forEach(i -> result.put(i.id(), i)));
        return result;
    }

    private List<Group> rows(Connection c, Workspace ws, Layout layout, List<Placed> placed) throws SQLException {
        return rows(c, ws, layout, placed, whole(ws, placed));
    }

    private List<Group> rows(Connection c, Workspace ws, Layout layout, List<Placed> placed,
                             Map<Long, Indicator> whole) throws SQLException {
        List<Long> ids = placed.stream().map(p -> p.indicator().id()).toList();
        Map<Long, Map<Integer, YearValue>> values = new HashMap<>();
        Map<Long, Map<Integer, Double>> interim = new HashMap<>();
        Map<Long, Map<Integer, IndicatorReview>> reviews = new HashMap<>();
        Map<Long, String> lineageOf = new HashMap<>();
        if (!ids.isEmpty()) {
            String in = " IN (" + String.join(",", java.util.Collections.nCopies(ids.size(), "?")) + ")";
            Object[] params = ids.toArray();
            for (YearValue v : Sql.query(c, "SELECT a.* FROM actual a WHERE a.indicator_id" + in
                    + " ORDER BY a.fiscal_year", IndicatorTable::toValue, params)) {
                values.computeIfAbsent(v.indicatorId(), k -> new LinkedHashMap<>()).put(v.fiscalYear(), v);
            }
            Sql.query(c, "SELECT t.indicator_id, t.fiscal_year, t.value FROM interim_target t WHERE t.indicator_id" + in
                    + " ORDER BY t.fiscal_year", rs -> {
                interim.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getInt(2), rs.getDouble(3));
                return null;
            }, params);
            for (IndicatorReview r : Sql.query(c, "SELECT r.* FROM indicator_review r WHERE r.indicator_id" + in,
                    IndicatorTable::toReview, params)) {
                reviews.computeIfAbsent(r.indicatorId(), k -> new HashMap<>()).put(r.fiscalYear(), r);
            }
            Sql.query(c, "SELECT id, lineage FROM indicator WHERE lineage <> '' AND id" + in, rs -> {
                lineageOf.put(rs.getLong(1), rs.getString(2));
                return null;
            }, params);
        }
        Map<String, List<IndicatorRow.OtherPeriod>> lineages = lineageOf.isEmpty() ? Map.of() : otherPeriods(c, ws.id());
        List<Group> result = new ArrayList<>();
        String current = null;
        for (Placed p : placed) {
            Indicator i = whole.get(p.indicator().id());
            if (!p.groupKey().equals(current)) {
                Group g = layout.groups().get(p.groupKey());
                result.add(new Group(g.code(), g.title(), g.levelLabel(), new ArrayList<>()));
                current = p.groupKey();
            }
            result.get(result.size() - 1).rows().add(new IndicatorRow(i, p.level(), values.getOrDefault(i.id(), Map.of()),
                    interim.getOrDefault(i.id(), Map.of()), reviews.getOrDefault(i.id(), Map.of()),
                    lineages.getOrDefault(lineageOf.getOrDefault(i.id(), ""), List.of())));
        }
        return result;
    }

    private static IndicatorReview toReview(ResultSet rs) throws SQLException {
        return new IndicatorReview(rs.getLong("id"), rs.getLong("version"), rs.getLong("indicator_id"),
                rs.getInt("fiscal_year"), rs.getString("grade_override"), rs.getString("override_reason"),
                rs.getString("panel_comment"), rs.getString("department_comment"),
                NextAction.fromStored(rs.getString("next_action")));
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

    static Map<Long, Map<Integer, YearValue>> values(Connection c, long ws) throws SQLException {
        Map<Long, Map<Integer, YearValue>> result = new HashMap<>();
        for (YearValue v : Sql.query(c, """
                SELECT a.* FROM actual a JOIN indicator i ON i.id = a.indicator_id WHERE i.workspace_id = ?
                ORDER BY a.fiscal_year""", IndicatorTable::toValue, ws)) {
            result.computeIfAbsent(v.indicatorId(), k -> new LinkedHashMap<>()).put(v.fiscalYear(), v);
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
                WHERE p.workspace_id = ? ORDER BY p.code""", IndicatorTable::toProjectLine, fiscalYear, workspaceId));
    }

    /** Projects in the review grid's section on one page: about as many as the grid's rows. */
    public static final int PROJECTS_PER_PAGE = 200;

    /** One page of the projects of a year's review, with its paging. */
    public record ProjectReviews(List<ReviewPage.ProjectLine> lines, kusari.core.Paging paging) {
    }

    /** The projects of {@code page} (from 1) in code order, with their reviews of {@code fiscalYear}. */
    public ProjectReviews projectReviews(long workspaceId, int fiscalYear, int page) {
        return database.read(c -> {
            int total = Sql.queryOne(c, "SELECT COUNT(*) FROM project WHERE workspace_id = ?", rs -> rs.getInt(1),
                    workspaceId).orElse(0);
            kusari.core.Paging paging = kusari.core.Paging.of(IndicatorController.PROJECT_PAGE, page, PROJECTS_PER_PAGE,
                    total);
            return new ProjectReviews(Sql.query(c, """
                    SELECT p.id, p.code, p.name, r.id AS review, r.next_action, r.panel_comment, r.department_comment
                    FROM project p LEFT JOIN project_review r ON r.project_id = p.id AND r.fiscal_year = ?
                    WHERE p.workspace_id = ? ORDER BY p.code LIMIT ? OFFSET ?""", IndicatorTable::toProjectLine,
                    fiscalYear, workspaceId, paging.size(), paging.from()), paging);
        });
    }

    private static ReviewPage.ProjectLine toProjectLine(ResultSet rs) throws SQLException {
        return new ReviewPage.ProjectLine(rs.getLong(1), rs.getString(2), rs.getString(3), Sql.getLong(rs, "review"),
                NextAction.fromStored(rs.getString("next_action")), rs.getString("panel_comment"),
                rs.getString("department_comment"));
    }
}
