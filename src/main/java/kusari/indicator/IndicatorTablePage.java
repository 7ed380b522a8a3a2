package kusari.indicator;

import java.util.ArrayList;
import java.util.List;
import kusari.core.Workspace;
import kusari.core.Ui;

/** The indicator table: groups of rows, the plan period's fiscal years as columns, the review settings. */
public record IndicatorTablePage(Ui ui, Workspace workspace, ReviewSettings settings, List<IndicatorTable.Group> groups,
                                 int reviewYear) {

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
        return Sparkline.of(row, workspace.planFrom(), workspace.planTo(), ui.t("indicator.chartLabel", row.indicator().name()));
    }

    /** The fiscal year whose achievement the row shows: its newest actual's, or null. */
    public Integer latestYear(IndicatorRow row) {
        YearValue v = row.latestActual();
        return v == null ? null : v.fiscalYear();
    }

    public String number(Double value) {
        return Achievement.formatNumber(value);
    }

    public String percent(Double value) {
        return value == null ? "" : Achievement.formatNumber(value) + "%";
    }

    public int count() {
        return groups.stream().mapToInt(g -> g.rows().size()).sum();
    }
}
