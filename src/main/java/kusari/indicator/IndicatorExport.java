package kusari.indicator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import kusari.core.Workspace;
import kusari.core.Ui;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The indicator table as a file for spreadsheets, in a flat layout: one row per indicator and fiscal year (an
 * indicator without values gets one row with the year empty), one value per cell, the unit in its own column,
 * numbers as numbers, no merged cells. The same columns in CSV (UTF-8 with BOM, so Excel reads it as UTF-8)
 * and .xlsx. The CSV's first columns are what {@link ActualsCsv} reads back.
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

    static final List<String> COLUMNS = List.of("id", "fiscalYear", "value", "state", "dataDate", "source", "note",
            "name", "unit", "kind", "direction", "group", "ownerLevel", "ownerCode", "ownerTitle", "baselineValue",
            "baselineText", "baselineYear", "baselineSource", "targetValue", "targetText", "targetFiscalYear",
            "interimTarget", "againstTarget", "progress", "grade", "gradeComputed", "overrideReason", "panelComment",
            "departmentComment", "nextAction");

    public List<String> headers() {
        return COLUMNS.stream().map(c -> ui.t("indicator.column." + c)).toList();
    }

    /** Every cell of every row; numbers as Double or Integer, text as String, nothing as null. */
    public List<List<Object>> rows() {
        List<List<Object>> rows = new ArrayList<>();
        chunks.accept(groups -> rows.addAll(rows(groups)));
        return rows;
    }

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
        row.add(i.id());
        row.add(year);
        row.add(v == null ? null : v.value());
        row.add(v == null ? null : ui.t(v.state().messageKey()));
        row.add(v == null ? null : v.dataDate());
        row.add(v == null ? null : v.source());
        row.add(v == null ? null : v.note());
        row.add(i.name());
        row.add(i.unit());
        row.add(ui.t(i.kind().messageKey()));
        row.add(ui.t("choice." + i.direction().code()));
        row.add(g.code() == null ? g.title() : g.code() + " " + g.title());
        row.add(r.ownerLevel());
        row.add(i.ownerKey());
        row.add(i.ownerTitle());
        row.add(i.baselineValue());
        row.add(i.baselineText());
        row.add(i.baselineYear());
        row.add(i.baselineSource());
        row.add(i.targetValue());
        row.add(i.targetText());
        row.add(i.targetFiscalYear());
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

    /** UTF-8 with a byte order mark: Excel on Windows opens it as UTF-8 only then. */
    public void writeCsv(OutputStream out) throws IOException {
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL)) {
            csv.printRecord(headers());
            // Each chunk's rows are written before the next chunk is read.
            chunks.accept(groups -> {
                try {
                    for (List<Object> row : rows(groups)) {
                        csv.printRecord(row.stream().map(IndicatorExport::csvText).toList());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static String csvText(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return Achievement.formatNumber(d);
        }
        if (value instanceof Number n) {
            return String.valueOf(n);
        }
        return kusari.web.CellText.neutralise(String.valueOf(value));
    }

    public void writeXlsx(OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Kusari", "1.0");
        Worksheet sheet = wb.newWorksheet(ui.t("indicator.sheet"));
        List<String> headers = headers();
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
            sheet.style(0, c).bold().set();
        }
        sheet.freezePane(0, 1);
        int[] next = {1};
        // Each chunk's rows are written and flushed to the answer before the next chunk is read.
        chunks.accept(groups -> {
            for (List<Object> row : rows(groups)) {
                int r = next[0]++;
                for (int c = 0; c < row.size(); c++) {
                    Object v = row.get(c);
                    if (v instanceof Number n) {
                        sheet.value(r, c, n);
                    } else if (v != null && !String.valueOf(v).isEmpty()) {
                        sheet.value(r, c, kusari.web.CellText.neutralise(String.valueOf(v)));
                    }
                }
            }
            try {
                sheet.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        wb.finish();
    }

    public String fileName(String extension) {
        return workspace.slug() + "-indicators." + extension;
    }
}
