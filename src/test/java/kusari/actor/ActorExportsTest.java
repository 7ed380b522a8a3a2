package kusari.actor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kusari.core.AppConfig;
import kusari.TestApp;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.web.Exports;
import kusari.Kusari;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV and .xlsx exports: BOM, documented columns, neutralised formulas, the same data as the JSON API. */
class ActorExportsTest {

    /** The columns README documents for steps.csv, in order. */
    static final List<String> STEP_COLUMNS_JA = List.of("ペルソナ", "体験鎖", "ステップ番号", "ステップ", "感情", "感情スコア",
            "課題（ペインポイント）", "取組", "共同の担当", "課題", "事業", "主担当の事業", "指標（最新の実績／目標値）",
            "前のステップの担当", "次のステップの担当");

    @TempDir
    Path dir;

    private Database db;
    private Javalin app;
    private Browserless browser;
    private long kenko;

    @BeforeEach
    void start() {
        db = TestApp.freshSampleDatabase(dir);
        app = Kusari.create(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false), db).start("127.0.0.1", 0);
        browser = new Browserless(app.port());
        kenko = ActorSample.idOf(browser.get("/w/omitama/actors").body(), "健康増進課");
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private static List<CSVRecord> parse(byte[] body) throws IOException {
        String text = new String(body, StandardCharsets.UTF_8);
        return CSVFormat.EXCEL.parse(new StringReader(text.substring(1))).getRecords();
    }

    @Test
    void theStepsCsvStartsWithABomAndHasTheDocumentedColumnsAndOneRowPerAction() throws IOException {
        var res = browser.getBytes("/api/v1/workspaces/omitama/actors/" + kenko + "/steps.csv");
        assertEquals(200, res.statusCode());
        assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(res.headers().firstValue("Content-Disposition").orElse("").contains(".csv"));
        byte[] body = res.body();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(body, 3), "UTF-8 BOM first");
        List<CSVRecord> records = parse(body);
        assertEquals(STEP_COLUMNS_JA, records.get(0).toList());
        List<String> actions = new ArrayList<>();
        for (CSVRecord r : records.subList(1, records.size())) {
            assertEquals("Bさん", r.get(0));
            actions.add(r.get(2) + ":" + r.get(7));
        }
        assertEquals(List.of("2:開催時に一言案内する", "4:訪問時に一言添える", "5:案内通知にQRコードを印刷する"), actions);
        assertEquals("-1", records.get(1).get(5), "a negative emotion score stays a number");
    }

    @Test
    void aFormulaLookingTextComesOutNeutralised() throws IOException {
        db.inTransaction(c -> Sql.update(c, "UPDATE action SET text = ? WHERE text = ?",
                "=HYPERLINK(\"http://example.com\",\"開く\")", "訪問時に一言添える"));
        db.inTransaction(c -> Sql.update(c, "UPDATE step SET pain_point = ? WHERE title = ?",
                "@SUM(1+1)", "ハローベビー教室"));
        List<CSVRecord> records = parse(browser.getBytes("/api/v1/workspaces/omitama/actors/" + kenko + "/steps.csv").body());
        List<String> actionCells = records.stream().skip(1).map(r -> r.get(7)).toList();
        assertTrue(actionCells.contains("'=HYPERLINK(\"http://example.com\",\"開く\")"), actionCells.toString());
        assertTrue(records.stream().skip(1).anyMatch(r -> r.get(6).equals("'@SUM(1+1)")));
        for (CSVRecord r : records) {
            for (String cell : r) {
                assertTrue(cell.isEmpty() || "=+@".indexOf(cell.charAt(0)) < 0, "unneutralised cell: " + cell);
            }
        }
    }

    @Test
    void theMatrixCsvHasAColumnPerPersonaAndTheSameCountsAsTheJsonApi() throws IOException {
        byte[] body = browser.getBytes("/api/v1/workspaces/omitama/matrix.csv").body();
        assertEquals((byte) 0xEF, body[0]);
        List<CSVRecord> records = parse(body);
        assertEquals(List.of("担当", "区分", "Aさん", "Bさん", "Cさん", "Dさん", "Eさん", "Fさん", "Gさん", "Hさん", "合計"),
                records.get(0).toList());
        CSVRecord kikaku = records.stream().filter(r -> r.get(0).equals("企画調整課")).findFirst().orElseThrow();
        assertEquals("行政", kikaku.get(1));
        assertEquals(String.valueOf(ActorSample.stepsOf("f", "企画調整課").size()), kikaku.get(7));
        int total = 0;
        for (String slug : List.of("a", "b", "c", "d", "e", "f", "g", "h")) {
            total += ActorSample.stepsOf(slug, "企画調整課").size();
        }
        assertEquals(String.valueOf(total), kikaku.get(10));

        JsonNode json = new ObjectMapper().readTree(browser.get("/api/v1/workspaces/omitama/matrix").body());
        for (JsonNode row : json.get("rows")) {
            if (row.get("actor").get("name").asText().equals("企画調整課")) {
                assertEquals(kikaku.get(7), row.get("counts").get(5).asText());
            }
        }
        List<CSVRecord> partners = parse(browser.getBytes("/api/v1/workspaces/omitama/matrix.csv?kind=PARTNER").body());
        assertTrue(partners.stream().skip(1).allMatch(r -> r.get(1).equals("行政以外")));
    }

    @Test
    void theStepsJsonCarriesTheSameRowsAsTheCsv() throws IOException {
        JsonNode rows = new ObjectMapper().readTree(browser.get("/api/v1/workspaces/omitama/actors/" + kenko + "/steps").body());
        List<CSVRecord> csv = parse(browser.getBytes("/api/v1/workspaces/omitama/actors/" + kenko + "/steps.csv").body());
        assertEquals(csv.size() - 1, rows.size());
        assertEquals(csv.get(1).get(7), rows.get(0).get("action").asText());
        assertEquals(csv.get(1).get(3), rows.get(0).get("step").asText());
    }

    @Test
    void theXlsxIsAWorkbookHoldingTheSameText() throws IOException {
        var res = browser.getBytes("/api/v1/workspaces/omitama/actors/" + kenko + "/steps.xlsx");
        assertEquals(200, res.statusCode());
        assertTrue(res.headers().firstValue("Content-Type").orElse("").contains("spreadsheetml"));
        String text = kusari.Http.xlsxText(res.body());
        assertTrue(text.contains("訪問時に一言添える"), "the action text is in the workbook");
        assertTrue(text.contains("ステップ番号"), "with the same headings");
        var matrix = browser.getBytes("/api/v1/workspaces/omitama/matrix.xlsx");
        assertEquals(200, matrix.statusCode());
        assertEquals('P', (char) matrix.body()[0], "a zip file");
    }

    @Test
    void neutraliseLeavesOrdinaryTextAlone() {
        assertEquals("'=1+1", Exports.neutralise("=1+1"));
        assertEquals("'+81 299", Exports.neutralise("+81 299"));
        assertEquals("'-x", Exports.neutralise("-x"));
        assertEquals("'@A1", Exports.neutralise("@A1"));
        assertEquals("発行時に一言添える", Exports.neutralise("発行時に一言添える"));
        assertEquals("a=b", Exports.neutralise("a=b"));
        assertEquals("", Exports.neutralise(""));
    }
}
