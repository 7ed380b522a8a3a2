package kusari.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kusari.TestApp;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.EditKinds;
import kusari.core.ConflictException;
import kusari.change.EditService;
import kusari.core.ValidationException;
import kusari.core.Ui;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving a fiscal year's values in one step, and reading them from CSV, on a fresh copy of the sample. */
class ReviewServiceTest {

    @TempDir
    Path dir;
    Database db;
    EditService edits;
    ReviewService reviews;
    long ws;
    long birthRate;
    long marriageAge;

    @BeforeEach
    void setUp() {
        db = TestApp.freshSampleDatabase(dir);
        edits = new EditService(db, EditKinds.all());
        reviews = new ReviewService(db, edits);
        ws = db.read(c -> Sql.queryLong(c, "SELECT id FROM workspace WHERE slug = 'omitama'"));
        birthRate = indicator("合計特殊出生率");
        marriageAge = indicator("平均初婚年齢 (男)");
    }

    private long indicator(String name) {
        return db.read(c -> Sql.queryLong(c, "SELECT id FROM indicator WHERE name = ? AND workspace_id = ?", name, ws));
    }

    private static ReviewService.Cell cell(long id, long version, String state, String value, String note) {
        return new ReviewService.Cell(id, version, state, value, "", "", note, null);
    }

    private long count(String sql, Object... params) {
        return db.read(c -> Sql.queryLong(c, sql, params));
    }

    @Test
    void valuesOfAYearAreSavedTogetherAndEachIsInTheHistory() {
        long before = count("SELECT COUNT(*) FROM change_log");
        ReviewService.Result result = reviews.save(ws, 2020, List.of(cell(birthRate, 0, "ACTUAL", "1.55", ""),
                cell(marriageAge, 0, "FORECAST", "29.8", "")));
        assertEquals(2, result.added());
        assertEquals(2, count("SELECT COUNT(*) FROM change_log") - before);
        assertEquals(1.55, db.read(c -> Sql.queryOne(c, "SELECT value FROM actual WHERE indicator_id = ? AND fiscal_year = 2020",
                rs -> rs.getDouble(1), birthRate)).orElseThrow());
        assertEquals("FORECAST", db.read(c -> Sql.queryOne(c, "SELECT state FROM actual WHERE indicator_id = ?",
                rs -> rs.getString(1), marriageAge)).orElseThrow());
    }

    @Test
    void oneWrongCellSavesNothingAndNamesTheCell() {
        ValidationException e = assertThrows(ValidationException.class, () -> reviews.save(ws, 2020, List.of(
                cell(birthRate, 0, "ACTUAL", "1.55", ""), cell(marriageAge, 0, "ACTUAL", "二十九", ""),
                cell(indicator("結婚を希望しない若者の割合"), 0, "NOT_ASSESSABLE", "", ""))));
        assertEquals(List.of("cells[1].value", "cells[2].note"), e.errors().stream().map(f -> f.field()).toList());
        assertEquals(0, count("SELECT COUNT(*) FROM actual"));
    }

    @Test
    void aValueChangedMeanwhileIsAConflictAndNothingIsWritten() {
        reviews.save(ws, 2021, List.of(cell(birthRate, 0, "ACTUAL", "1.4", "")));
        // Someone else's page was opened before that save (version 0) and enters another value.
        assertThrows(ConflictException.class, () -> reviews.save(ws, 2021, List.of(
                cell(marriageAge, 0, "ACTUAL", "29", ""), cell(birthRate, 0, "ACTUAL", "1.6", ""))));
        assertEquals(1, count("SELECT COUNT(*) FROM actual"));
        long version = count("SELECT version FROM actual WHERE indicator_id = ?", birthRate);
        ReviewService.Result ok = reviews.save(ws, 2021, List.of(cell(birthRate, version, "ACTUAL", "1.6", "")));
        assertEquals(1, ok.changed());
    }

    @Test
    void untouchedCellsOfAStalePageDoNotConflictOrOverwrite() {
        YearValue none = null;
        String seenEmpty = ReviewService.seenOf(none);
        reviews.save(ws, 2022, List.of(cell(birthRate, 0, "ACTUAL", "1.5", "")));
        ReviewService.Result r = reviews.save(ws, 2022, List.of(
                new ReviewService.Cell(birthRate, 0, "ACTUAL", "", "", "", "", seenEmpty),
                new ReviewService.Cell(marriageAge, 0, "ACTUAL", "29.1", "", "", "", seenEmpty)));
        assertEquals(1, r.added());
        assertEquals(1.5, db.read(c -> Sql.queryOne(c, "SELECT value FROM actual WHERE indicator_id = ?",
                rs -> rs.getDouble(1), birthRate)).orElseThrow());
    }

    @Test
    void clearingACellDeletesTheValueAndTheHistoryCanUndoIt() {
        reviews.save(ws, 2020, List.of(cell(birthRate, 0, "ACTUAL", "1.55", "")));
        long version = count("SELECT version FROM actual WHERE indicator_id = ?", birthRate);
        assertEquals(1, reviews.save(ws, 2020, List.of(cell(birthRate, version, "ACTUAL", "", ""))).cleared());
        assertEquals(0, count("SELECT COUNT(*) FROM actual"));
        long delete = count("SELECT MAX(id) FROM change_log WHERE entity = 'actual' AND operation = 'DELETE'");
        edits.revert(ws, delete);
        assertEquals(1, count("SELECT COUNT(*) FROM actual WHERE indicator_id = ? AND value = 1.55", birthRate));
        long update = count("SELECT MAX(id) FROM change_log WHERE entity = 'actual' AND operation = 'RESTORE'");
        assertTrue(update > delete);
    }

    @Test
    void aChangedValueIsUndoneThroughTheHistory() {
        reviews.save(ws, 2020, List.of(cell(birthRate, 0, "ACTUAL", "1.55", "")));
        reviews.save(ws, 2020, List.of(cell(birthRate, 1, "ACTUAL", "1.60", "")));
        long change = count("SELECT MAX(id) FROM change_log WHERE entity = 'actual' AND operation = 'UPDATE'");
        edits.revert(ws, change);
        assertEquals(1, count("SELECT COUNT(*) FROM actual WHERE value = 1.55"));
    }

    @Test
    void numbersAreReadAsPeopleTypeThem() {
        assertEquals(1234.5, ReviewService.parseNumber("１，２３４．５"));
        assertEquals(-0.3, ReviewService.parseNumber("△0.3"));
        assertEquals(61.9, ReviewService.parseNumber("61.9%"));
        assertThrows(NumberFormatException.class, () -> ReviewService.parseNumber("約60"));
    }

    // ------------------------------------------------------------------ CSV import

    private ActualsCsv.Report read(String csv, Charset charset, int year) {
        List<Indicator> all = new IndicatorRepository(db).findAll(ws);
        return ActualsCsv.read(csv.getBytes(charset), year, all, reviews.year(ws, year),
                new Ui(Ui.Lang.JA, "/", ""));
    }

    @Test
    void aShiftJisFileFromExcelIsDetectedAndRead() {
        String csv = "指標名,年度,値,状態,備考\r\n合計特殊出生率,令和2年度,1.55,実績,\r\n平均初婚年齢 (男),2020,29.8,見込,推計\r\n";
        ActualsCsv.Report report = read(csv, Charset.forName("windows-31j"), 2020);
        assertEquals("Shift_JIS (CP932)", report.encoding());
        assertEquals(0, report.errors());
        assertEquals(2, report.count("ADD"));
        assertEquals(2, report.cells().size());
        assertEquals(2, reviews.save(ws, 2020, report.cells()).added());
    }

    @Test
    void aUtf8FileWithBomIsReadByIdAndOtherYearsArePassedOver() {
        String csv = "\uFEFF指標ID,年度,値\n" + birthRate + ",R2,1.55\n" + birthRate + ",R3,1.4\n";
        ActualsCsv.Report report = read(csv, StandardCharsets.UTF_8, 2020);
        assertEquals("UTF-8", report.encoding());
        assertEquals(1, report.count("ADD"));
        assertEquals(1, report.count("OTHER_YEAR"));
        assertEquals(1, report.cells().size());
    }

    @Test
    void aMalformedRowIsReportedWithItsLineAndNothingCanBeApplied() {
        String csv = "指標名,値\n合計特殊出生率,1.55\n存在しない指標,3\n平均初婚年齢 (男),abc\n";
        ActualsCsv.Report report = read(csv, StandardCharsets.UTF_8, 2020);
        assertEquals(2, report.count("ERROR"));
        assertEquals(List.of(3L, 4L), report.rows().stream().filter(ActualsCsv.Row::error).map(ActualsCsv.Row::line).toList());
        assertTrue(report.rows().get(1).problems().get(0).contains("存在しない指標"));
        assertTrue(!report.applicable());
        assertEquals(0, count("SELECT COUNT(*) FROM actual"));
    }

    @Test
    void aFileWithoutTheNeededColumnsSaysSo() {
        ActualsCsv.Report report = read("a,b\n1,2\n", StandardCharsets.UTF_8, 2020);
        assertEquals(1, report.problems().size());
        assertTrue(report.problems().get(0).contains("指標ID"));
    }

    @Test
    void theExportedCsvReadsBackAsUnchanged() throws Exception {
        reviews.save(ws, 2020, List.of(cell(birthRate, 0, "ACTUAL", "1.55", "")));
        Ui ui = new Ui(Ui.Lang.JA, "/", "");
        var workspace = new kusari.core.WorkspaceRepository(db).findBySlug("omitama").orElseThrow();
        IndicatorTable table = new IndicatorTable(db, new IndicatorRepository(db));
        var export = new IndicatorExport(ui, workspace, table.settings(ws), table.groups(workspace, "課題", "課題"));
        var out = new java.io.ByteArrayOutputStream();
        kusari.web.Exports.writeCsv(export.table(), out);
        byte[] bytes = out.toByteArray();
        assertEquals(0xEF, bytes[0] & 0xff);
        ActualsCsv.Report report = ActualsCsv.read(bytes, 2020, new IndicatorRepository(db).findAll(ws),
                reviews.year(ws, 2020), ui);
        assertEquals(0, report.errors(), report.rows().toString());
        assertEquals(1, report.count("SAME"));
        assertTrue(report.cells().isEmpty());
    }

    @Test
    void gradesCanBeOverriddenWithAReasonOnlyFromTheScale() {
        var kind = IndicatorKinds.INDICATOR_REVIEW;
        var json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        ValidationException noReason = assertThrows(ValidationException.class, () -> edits.create(ws, kind, Map.of(
                "indicator", json.numberNode(birthRate), "fiscalYear", json.textNode("R2"),
                "gradeOverride", json.textNode("B")), null));
        assertEquals("overrideReason", noReason.errors().get(0).field());
        ValidationException notInScale = assertThrows(ValidationException.class, () -> edits.create(ws, kind, Map.of(
                "indicator", json.numberNode(birthRate), "fiscalYear", json.textNode("R2"),
                "gradeOverride", json.textNode("S"), "overrideReason", json.textNode("x")), null));
        assertEquals("gradeOverride", notInScale.errors().get(0).field());
        edits.create(ws, kind, Map.of("indicator", json.numberNode(birthRate), "fiscalYear", json.textNode("令和2年度"),
                "gradeOverride", json.textNode("A"), "overrideReason", json.textNode("調査方法の変更で前年より低く出るため")), null);
        reviews.save(ws, 2020, List.of(cell(birthRate, 0, "ACTUAL", "1.55", "")));
        var workspace = new kusari.core.WorkspaceRepository(db).findBySlug("omitama").orElseThrow();
        IndicatorTable table = new IndicatorTable(db, new IndicatorRepository(db));
        IndicatorRow row = table.groups(workspace, "課題", "課題").stream().flatMap(g -> g.rows().stream())
                .filter(r -> r.indicator().id() == birthRate).findFirst().orElseThrow();
        IndicatorRow.Grade grade = row.grade(2020, table.settings(ws));
        assertEquals("A", grade.grade());
        assertEquals("B", grade.computed());
        assertTrue(grade.overridden());
        assertEquals(1, count("SELECT COUNT(*) FROM change_log WHERE entity = 'indicator_review'"));
    }
}
