package kusari.trace;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.core.Workspace;
import kusari.web.Links;

/** Budget roll-ups per challenge, per persona and per policy field; four queries per workspace. */
public final class BudgetRollups {

    private final Database database;

    public BudgetRollups(Database database) {
        this.database = database;
    }

    record Group(long id, String code, String title, String href) {
    }

    public List<BudgetRollup> all(Workspace ws) {
        return database.read(c -> {
            Map<Long, Map<Integer, Long>> budgets = new HashMap<>();
            for (var row : Sql.query(c, """
                    SELECT b.project_id, b.fiscal_year, b.thousand_yen FROM budget b
                    JOIN project p ON p.id = b.project_id WHERE p.workspace_id = ?""",
                    rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, ws.id())) {
                budgets.computeIfAbsent(row[0], k -> new HashMap<>()).merge((int) row[1], row[2], Long::sum);
            }
            List<Long> projects = Sql.query(c, "SELECT id FROM project WHERE workspace_id = ? ORDER BY code",
                    rs -> rs.getLong(1), ws.id());
            List<Integer> years = new ArrayList<>();
            for (int y = ws.planFrom(); y <= ws.planTo(); y++) {
                years.add(y);
            }
            String w = ws.slug();
            List<BudgetRollup> out = new ArrayList<>();
            out.add(rollup("CHALLENGE", years, projects, budgets, groups(c, """
                    SELECT ch.id, CAST(ch.number AS TEXT), ch.title FROM challenge ch
                    WHERE ch.workspace_id = ? ORDER BY ch.number""", ws.id(),
                    g -> Links.challenge(w, Integer.parseInt(g))), links(c, """
                    SELECT cp.challenge_id, cp.project_id FROM challenge_project cp
                    JOIN challenge ch ON ch.id = cp.challenge_id WHERE ch.workspace_id = ?""", ws.id())));
            out.add(rollup("PERSONA", years, projects, budgets, groups(c, """
                    SELECT id, slug, label FROM persona WHERE workspace_id = ? ORDER BY position""", ws.id(),
                    g -> Links.persona(w, g)), links(c, """
                    SELECT DISTINCT j.persona_id, cp.project_id FROM journey j
                    JOIN step s ON s.journey_id = j.id
                    JOIN step_challenge sc ON sc.step_id = s.id
                    JOIN challenge_project cp ON cp.challenge_id = sc.challenge_id
                    WHERE j.workspace_id = ?""", ws.id())));
            out.add(rollup("POLICY_FIELD", years, projects, budgets, groups(c, """
                    SELECT id, code, title FROM framework_node WHERE workspace_id = ? AND depth = 1
                    ORDER BY position""", ws.id(), g -> Links.frameworkNode(ws, 1, g)), links(c, """
                    WITH RECURSIVE up(project_id, node_id) AS (
                        SELECT id, node_id FROM project WHERE workspace_id = ?
                        UNION ALL
                        SELECT up.project_id, n.parent_id FROM up JOIN framework_node n ON n.id = up.node_id
                        WHERE n.parent_id IS NOT NULL)
                    SELECT up.node_id, up.project_id FROM up
                    JOIN framework_node n ON n.id = up.node_id WHERE n.depth = 1""", ws.id())));
            return out;
        });
    }

    /**
     * Every project with its estimate per plan year and total, in code order: the list a planner checks the
     * roll-ups against. A year with no estimate entered is null (shown as such, not as 0); the total is null when
     * no year of the plan has one.
     */
    public record ProjectBudget(String code, String name, String href, List<Long> byYear, Long total) {
    }

    /** Projects of the list on one page: a planner checks a few hundred against the roll-ups at a time. */
    public static final int PROJECTS_PER_PAGE = 200;

    /** One page of the project list, with its paging over every project. */
    public record ProjectBudgets(List<ProjectBudget> projects, kusari.core.Paging paging) {
    }

    /** The projects of {@code page} (from 1, parameter {@code page}), their estimates read for those only. */
    public ProjectBudgets projects(Workspace ws, int page) {
        return database.read(c -> {
            int total = (int) Sql.queryLong(c, "SELECT COUNT(*) FROM project WHERE workspace_id = ?", ws.id());
            kusari.core.Paging paging = kusari.core.Paging.of("page", page, PROJECTS_PER_PAGE, total);
            List<Object[]> shown = Sql.query(c, """
                    SELECT id, code, name FROM project WHERE workspace_id = ? ORDER BY code LIMIT ? OFFSET ?""",
                    rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}, ws.id(), paging.size(),
                    paging.from());
            Map<Long, Map<Integer, Long>> budgets = new HashMap<>();
            String ids = shown.stream().map(p -> String.valueOf(p[0])).collect(java.util.stream.Collectors.joining(",", "[", "]"));
            for (var row : Sql.query(c, """
                    SELECT b.project_id, b.fiscal_year, b.thousand_yen FROM budget b
                    WHERE b.project_id IN (SELECT value FROM json_each(?))""",
                    rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, ids)) {
                budgets.computeIfAbsent(row[0], k -> new HashMap<>()).merge((int) row[1], row[2], Long::sum);
            }
            List<ProjectBudget> out = new ArrayList<>();
            for (var p : shown) {
                Map<Integer, Long> own = budgets.getOrDefault((Long) p[0], Map.of());
                List<Long> byYear = new ArrayList<>();
                Long sum = null;
                for (int y = ws.planFrom(); y <= ws.planTo(); y++) {
                    Long v = own.get(y);
                    byYear.add(v);
                    if (v != null) {
                        sum = (sum == null ? 0 : sum) + v;
                    }
                }
                out.add(new ProjectBudget((String) p[1], (String) p[2], Links.project(ws.slug(), (String) p[1]),
                        byYear, sum));
            }
            return new ProjectBudgets(out, paging);
        });
    }

    private static List<Group> groups(Connection c, String sql, long ws, java.util.function.Function<String, String> href)
            throws SQLException {
        return Sql.query(c, sql, rs -> new Group(rs.getLong(1), rs.getString(2), rs.getString(3),
                href.apply(rs.getString(2))), ws);
    }

    private static Map<Long, Set<Long>> links(Connection c, String sql, long ws) throws SQLException {
        Map<Long, Set<Long>> byProject = new LinkedHashMap<>();
        for (long[] l : Sql.query(c, sql, rs -> new long[] {rs.getLong(1), rs.getLong(2)}, ws)) {
            byProject.computeIfAbsent(l[1], k -> new LinkedHashSet<>()).add(l[0]);
        }
        return byProject;
    }

    /** Splits the projects into own (one group), shared (several) and unassigned (none), each counted once. */
    static BudgetRollup rollup(String by, List<Integer> years, List<Long> projects, Map<Long, Map<Integer, Long>> budgets,
                               List<Group> groups, Map<Long, Set<Long>> groupsOfProject) {
        Map<Long, List<Long>> own = new HashMap<>();
        Map<Long, Integer> sharedCount = new HashMap<>();
        List<Long> shared = new ArrayList<>();
        List<Long> unassigned = new ArrayList<>();
        for (long p : projects) {
            Set<Long> gs = groupsOfProject.getOrDefault(p, Set.of());
            if (gs.isEmpty()) {
                unassigned.add(p);
            } else if (gs.size() == 1) {
                own.computeIfAbsent(gs.iterator().next(), k -> new ArrayList<>()).add(p);
            } else {
                shared.add(p);
                gs.forEach(g -> sharedCount.merge(g, 1, Integer::sum));
            }
        }
        List<BudgetRollup.Row> rows = new ArrayList<>();
        for (Group g : groups) {
            rows.add(row(g.code(), g.title(), g.href(), own.getOrDefault(g.id(), List.of()),
                    sharedCount.getOrDefault(g.id(), 0), years, budgets));
        }
        return new BudgetRollup(by, years, rows,
                shared.isEmpty() ? null : row("", "", null, shared, 0, years, budgets),
                unassigned.isEmpty() ? null : row("", "", null, unassigned, 0, years, budgets),
                row("", "", null, projects, 0, years, budgets));
    }

    private static BudgetRollup.Row row(String code, String title, String href, List<Long> projects, int shared,
                                        List<Integer> years, Map<Long, Map<Integer, Long>> budgets) {
        List<Long> byYear = new ArrayList<>();
        long total = 0;
        for (int y : years) {
            long sum = 0;
            for (long p : projects) {
                sum += budgets.getOrDefault(p, Map.of()).getOrDefault(y, 0L);
            }
            byYear.add(sum);
            total += sum;
        }
        return new BudgetRollup.Row(code, title, href, projects.size(), shared, byYear, total);
    }
}
