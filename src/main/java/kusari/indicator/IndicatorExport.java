package kusari.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import kusari.core.Workspace;
import kusari.core.Ui;
import kusari.web.Exports;

/**
 * The indicator table as a file for spreadsheets, in a flat layout: one row per indicator and fiscal year (an
 * indicator without values gets one row with the year empty), one value per cell, the unit in its own column,
 * numbers as numbers, no merged cells. The same columns in CSV (UTF-8 with BOM, so Excel reads it as UTF-8)
 * and .xlsx, written by {@link Exports} like every other table. The CSV's first columns are what {@link ActualsCsv}
 * reads back.
 */
public final class IndicatorExport {

    private final Ui ui;
    private final Workspace workspace;
    private final ReviewSettings settings;
    /** Hands the table's groups over chunk by chunk, in order (a chunk's last group may go on in the next). */
    private final Consumer<Consumer<List<IndicatorTable.Group>>> chunks;

    public IndicatorExport(Ui ui, Workspace workspace, ReviewSettings settings, List<IndicatorTable.Group> groups) {
        this(ui, workspace, settings, each -> each.accept(groups));
    }

    /** An export written as the table is read: {@code chunks} gives the groups a few hundred rows at a time. */
    public IndicatorExport(Ui ui, Workspace workspace, ReviewSettings settings,
                           Consumer<Consumer<List<IndicatorTable.Group>>> chunks) {
        this.ui = ui;
        this.workspace = workspace;
        this.settings = settings;
        this.chunks = chunks;
    }

    /**
     * The name first (what a person reads a row by), then what the CSV import reads back. Fiscal years come as the
     * western number (for formulas and the import) with the workspace's own style beside them (令和2年度（2020）).
     */
    static final List<String> COLUMNS = List.of("name", "id", "fiscalYear", "fiscalYearShown", "value", "state",
            "dataDate", "source", "note", "unit", "kind", "direction", "group", "ownerLevel", "ownerCode", "ownerTitle",
            "baselineValue", "baselineText", "baselineYear", "baselineSource", "targetValue", "targetText",
            "targetFiscalYear", "targetFiscalYearShown", "interimTarget", "againstTarget", "progress", "grade", "gradeComputed", "overrideReason", "panelComment",
            "departmentComment", "nextAction");

    public List<String> headers() {
        return COLUMNS.stream().map(c -> ui.t("indicator.column." + c)).toList();
    }

    /** The rows of one chunk of groups; numbers as Double or Integer, text as String, nothing as null. */
    private List<List<Object>> rows(List<IndicatorTable.Group> groups) {
        List<List<Object>> rows = new ArrayList<>();
        for (IndicatorTable.Group g : groups) {
            for (IndicatorRow r : g.rows()) {
                List<Integer> years = r.years();
                if (years.isEmpty()) {
                    rows.add(row(g, r, null));
                }
                for (int y : years) {
                    rows.add(row(g, r, y));
                }
            }
        }
        return rows;
    }

    private List<Object> row(IndicatorTable.Group g, IndicatorRow r, Integer year) {
        Indicator i = r.indicator();
        YearValue v = year == null ? null : r.value(year);
        Achievement a = year == null ? null : r.achievement(year);
        IndicatorRow.Grade grade = year == null ? null : r.grade(year, settings);
        IndicatorReview review = year == null ? null : r.review(year);
        List<Object> row = new ArrayList<>();
        row.add(i.name());
        row.add(i.id());
        row.add(year);
        row.add(year == null ? null : settings.year(year, ui.japanese()));
        row.add(v == null ? null : v.value());
        row.add(v == null ? null : ui.t(v.state().messageKey()));
        row.add(v == null ? null : v.dataDate());
        row.add(v == null ? null : v.source());
        row.add(v == null ? null : v.note());
        row.add(i.unit());
        row.add(ui.t(i.kind().messageKey()));
        row.add(ui.t("choice." + i.direction().code()));
        row.add(g.code() == null ? g.title() : g.code() + " " + g.title());
        row.add(r.ownerLevel());
        row.add(i.ownerKey());
        row.add(i.ownerTitle());
        row.add(i.baselineValue());
        row.add(i.baselineText());
        // The baseline's year as typed (H26, 2014) in the workspace's style; a date (2020年10月1日) stays as typed.
        row.add(settings.yearStyle().text(i.baselineYear(), ui.japanese()));
        row.add(i.baselineSource());
        row.add(i.targetValue());
        row.add(i.targetText());
        row.add(i.targetFiscalYear());
        row.add(i.targetFiscalYear() == null ? null : settings.year(i.targetFiscalYear(), ui.japanese()));
        row.add(year == null ? null : r.interimTargets().get(year));
        row.add(a == null ? null : a.againstTarget());
        row.add(a == null ? null : a.progress());
        row.add(grade == null ? null : grade.grade());
        row.add(grade == null ? null : grade.computed());
        row.add(review == null ? null : review.overrideReason());
        row.add(review == null ? null : review.panelComment());
        row.add(review == null ? null : review.departmentComment());
        row.add(review == null || !review.nextAction().decided() ? null : ui.t(review.nextAction().messageKey()));
        return row;
    }

    /**
     * The table for {@link Exports}: CSV (UTF-8 with a byte order mark) or .xlsx, each chunk's rows written to the
     * answer before the next chunk is read.
     */
    public Exports.Table table() {
        return new Exports.Table(ui.t("indicator.sheet"), headers(),
                (Exports.Rows) row -> chunks.accept(groups -> rows(groups).forEach(row)));
    }

    /** The file's name without its ending. */
    public String fileName() {
        return workspace.slug() + "-indicators";
    }
}
