package kusari.indicator;

import java.util.List;
import kusari.core.Ui;
import kusari.core.Workspace;

/**
 * The review report of one fiscal year, the 効果検証 document a city publishes after its 有識者会議: every
 * indicator with baseline, target, the year's value, achievement and grade, and the panel's comment, the
 * department's comment and the next action; then every project's review. Printed on A4/A3 as it stands.
 */
public record ReviewReportPage(Ui ui, Workspace workspace, ReviewSettings settings, int year,
                               List<IndicatorTable.Group> groups, List<ReviewPage.ProjectLine> projects,
                               IndicatorTable.Slice slice, kusari.core.Paging projectPaging) {

    /** Only part of the year's indicators is in this report (a large strategy's is printed by group or page). */
    public boolean partial() {
        return slice.partial();
    }

    /** The sentence saying which part the report holds. */
    public String notice() {
        return slice.notice(ui, "indicator.report.paged", "indicator.report.groupShown",
                "indicator.report.countsShown");
    }

    public String groupLink(String group) {
        return link(group, 1, projectPaging.page());
    }

    public String pageLink(int page) {
        return link(slice.group(), page, projectPaging.page());
    }

    public String projectPageLink(int page) {
        return link(slice.group(), slice.paging().page(), page);
    }

    private String link(String group, int page, int projectPage) {
        return kusari.web.Links.withQuery(kusari.web.Links.reviewReport(workspace.slug(), year), "group", group,
                "page", page == 1 ? null : page, IndicatorController.PROJECT_PAGE, projectPage == 1 ? null : projectPage);
    }

    public String yearLabel(int fiscalYear) {
        return settings.year(fiscalYear, ui.japanese());
    }

    public String number(Double value) {
        return settings.number(value);
    }

    public String percent(Double value) {
        return value == null ? "" : settings.number(value) + "%";
    }

    /** How many indicators got each grade this year, best first, for the report's summary line. */
    public String gradeSummary() {
        StringBuilder out = new StringBuilder();
        for (String g : settings.scale().grades()) {
            long n = groups.stream().flatMap(gr -> gr.rows().stream()).map(r -> r.grade(year, settings))
                    .filter(x -> x != null && g.equals(x.grade())).count();
            if (out.length() > 0) {
                out.append(ui.japanese() ? "　" : ", ");
            }
            out.append(g).append(ui.japanese() ? "：" : ": ").append(n);
        }
        return out.toString();
    }

    public int indicatorCount() {
        return groups.stream().mapToInt(g -> g.rows().size()).sum();
    }
}
