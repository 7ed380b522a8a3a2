package kusari.indicator;

import java.util.ArrayList;
import java.util.List;
import kusari.core.Workspace;
import kusari.core.Ui;

/** The indicator table: groups of rows, the plan period's fiscal years as columns, the review settings. */
public record IndicatorTablePage(Ui ui, Workspace workspace, ReviewSettings settings, List<IndicatorTable.Group> groups,
                                 int reviewYear, IndicatorTable.Slice slice) {

    /** The whole table on one page. */
    public IndicatorTablePage(Ui ui, Workspace workspace, ReviewSettings settings, List<IndicatorTable.Group> groups,
                              int reviewYear) {
        this(ui, workspace, settings, groups, reviewYear, null);
    }

    /** Only part of the table is shown (one group, or one page): the page says which and links to the rest. */
    public boolean partial() {
        return slice != null && (slice.group() != null || slice.paging().paged());
    }

    /** How many indicators the whole table has. */
    public int total() {
        return slice == null ? count() : slice.counts().stream().mapToInt(IndicatorTable.GroupCount::count).sum();
    }

    /** The table of one group (null: all groups), from its first page. */
    public String groupLink(String group) {
        return kusari.web.Links.withQuery(kusari.web.Links.indicators(workspace.slug()), "group", group);
    }

    /** Another page of the same choice. */
    public String pageLink(int page) {
        return kusari.web.Links.withQuery(kusari.web.Links.indicators(workspace.slug()), "group", slice.group(),
                "page", page == 1 ? null : page);
    }

    public List<Integer> years() {
        List<Integer> years = new ArrayList<>();
        for (int y = workspace.planFrom(); y <= workspace.planTo(); y++) {
            years.add(y);
        }
        return years;
    }

    public String year(int fiscalYear) {
        return settings.year(fiscalYear, ui.japanese());
    }

    public String shortYear(int fiscalYear) {
        return settings.yearStyle().shortFormat(fiscalYear);
    }

    public Sparkline chart(IndicatorRow row) {
        return Sparkline.of(row, workspace.planFrom(), workspace.planTo(), ui.t("indicator.chartLabel", row.indicator().name()),
                settings);
    }

    /** The fiscal year whose achievement the row shows: its newest actual's, or null. */
    public Integer latestYear(IndicatorRow row) {
        YearValue v = row.latestActual();
        return v == null ? null : v.fiscalYear();
    }

    public String number(Double value) {
        return settings.number(value);
    }

    public String percent(Double value) {
        return value == null ? "" : settings.number(value) + "%";
    }

    public int count() {
        return groups.stream().mapToInt(g -> g.rows().size()).sum();
    }
}
