package kusari.strategy;

import kusari.core.Workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.indicator.NextAction;

/**
 * What a project's page shows beyond its place and description : the budget estimate split by funding
 * source with totals per year and per source, the roadmap per fiscal year of the plan period, the partner
 * municipalities of a joint strategy with role and share, and the yearly reviews.
 */
public record ProjectPlan(List<Integer> years, List<SourceLine> sources, Map<Integer, Long> estimate,
                          List<RoadmapLine> roadmap, List<Partner> partners, List<ReviewLine> reviews) {

    /** One funding source's amounts by fiscal year (thousand yen), with the ids for editing. */
    public record SourceLine(FundingSource source, Map<Integer, Long> amounts, Map<Integer, Long> ids) {
        public long total() {
            return amounts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** One cell of the roadmap: a row ({@code track}, '' for a roadmap of one row) in one fiscal year. */
    public record RoadmapLine(long id, int fiscalYear, String text, String track) {
    }

    /** The roadmap's rows (取組) in the order they first appear, each row's cells by fiscal year. */
    public List<String> roadmapTracks() {
        return roadmap.stream().map(RoadmapLine::track).distinct().toList();
    }

    /** The roadmap's columns: the plan years, and any other year an entry has. */
    public List<Integer> roadmapYears() {
        TreeSet<Integer> all = new TreeSet<>(years);
        roadmap.forEach(r -> all.add(r.fiscalYear()));
        return List.copyOf(all);
    }

    /** The cell of a row and a year, or null when nothing is planned there. */
    public RoadmapLine roadmapCell(String track, int year) {
        return roadmap.stream().filter(r -> r.track().equals(track) && r.fiscalYear() == year).findFirst().orElse(null);
    }

    public record Partner(long id, String municipality, String role, Double sharePercent) {
    }

    public record ReviewLine(long id, int fiscalYear, String panelComment, String departmentComment, NextAction nextAction) {
    }

    public boolean hasSources() {
        return !sources.isEmpty();
    }

    /** The sum of the sources for a year. */
    public long sourceTotal(int year) {
        return sources.stream().mapToLong(s -> s.amounts().getOrDefault(year, 0L)).sum();
    }

    public long sourceTotal() {
        return sources.stream().mapToLong(SourceLine::total).sum();
    }

    /** Whether the split of a year adds up to that year's estimate (a difference is shown, in words). */
    public boolean mismatch(int year) {
        Long e = estimate.get(year);
        long split = sourceTotal(year);
        return split > 0 && (e == null || e != split);
    }

    public Double shareTotal() {
        double total = partners.stream().filter(p -> p.sharePercent() != null).mapToDouble(Partner::sharePercent).sum();
        return partners.stream().anyMatch(p -> p.sharePercent() != null) ? total : null;
    }

    public static ProjectPlan load(Database database, Workspace ws, long projectId) {
        return database.read(c -> {
            Map<FundingSource, Map<Integer, Long>> amounts = new LinkedHashMap<>();
            Map<FundingSource, Map<Integer, Long>> ids = new LinkedHashMap<>();
            for (FundingSource s : FundingSource.values()) {
                amounts.put(s, new LinkedHashMap<>());
                ids.put(s, new LinkedHashMap<>());
            }
            TreeSet<Integer> years = new TreeSet<>();
            for (int y = ws.planFrom(); y <= ws.planTo(); y++) {
                years.add(y);
            }
            Sql.query(c, "SELECT id, fiscal_year, source, thousand_yen FROM budget_source WHERE project_id = ?", rs -> {
                FundingSource source = FundingSource.fromStored(rs.getString(3));
                amounts.get(source).put(rs.getInt(2), rs.getLong(4));
                ids.get(source).put(rs.getInt(2), rs.getLong(1));
                years.add(rs.getInt(2));
                return null;
            }, projectId);
            Map<Integer, Long> estimate = new LinkedHashMap<>();
            Sql.query(c, "SELECT fiscal_year, thousand_yen FROM budget WHERE project_id = ?", rs -> {
                estimate.put(rs.getInt(1), rs.getLong(2));
                return null;
            }, projectId);
            List<SourceLine> sources = new ArrayList<>();
            amounts.forEach((source, byYear) -> {
                if (!byYear.isEmpty()) {
                    sources.add(new SourceLine(source, byYear, ids.get(source)));
                }
            });
            List<RoadmapLine> roadmap = Sql.query(c,
                    "SELECT id, fiscal_year, text, track FROM roadmap_entry WHERE project_id = ? ORDER BY fiscal_year, id",
                    rs -> new RoadmapLine(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4)), projectId);
            List<Partner> partners = Sql.query(c,
                    "SELECT id, municipality, role, share_percent FROM project_role WHERE project_id = ? ORDER BY id",
                    rs -> new Partner(rs.getLong(1), rs.getString(2), rs.getString(3), Sql.getDouble(rs, "share_percent")),
                    projectId);
            List<ReviewLine> reviews = Sql.query(c, """
                    SELECT id, fiscal_year, panel_comment, department_comment, next_action FROM project_review
                    WHERE project_id = ? ORDER BY fiscal_year""",
                    rs -> new ReviewLine(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            NextAction.fromStored(rs.getString(5))),
                    projectId);
            return new ProjectPlan(List.copyOf(years), sources, estimate, roadmap, partners, reviews);
        });
    }
}
