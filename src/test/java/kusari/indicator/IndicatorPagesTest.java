package kusari.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import kusari.ApiClient;
import kusari.ApiClient.Answer;
import kusari.core.AppConfig;
import kusari.Http;
import kusari.TestApp;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.Kusari;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The indicator table, its exports, the review grid and the CSV import over HTTP, on a fresh sample. */
class IndicatorPagesTest {

    @TempDir
    Path dir;
    Database db;
    Javalin app;
    ApiClient api;
    long birthRate;
    long marriageAge;

    @BeforeEach
    void start() {
        db = TestApp.freshSampleDatabase(dir);
        app = Kusari.create(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false), db).start(0);
        api = ApiClient.signedIn(app.port(), db);
        birthRate = count("SELECT id FROM indicator WHERE name = '合計特殊出生率'");
        marriageAge = count("SELECT id FROM indicator WHERE name = '平均初婚年齢 (男)'");
    }

    private long count(String sql) {
        return db.read(c -> Sql.queryLong(c, sql));
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private byte[] bytes(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    private void saveActuals() {
        Answer a = api.post("/api/v1/workspaces/omitama/reviews/2020/values", """
                {"cells": [{"indicator": %d, "value": "1.55", "source": "人口動態統計"},
                           {"indicator": %d, "value": "29", "dataDate": "2021-03"}]}""".formatted(birthRate, marriageAge));
        assertEquals(200, a.status(), a.text());
    }

    @Test
    void theTableIsGroupedByPolicyFieldWithGradesAsTextAndAChartPerRow() {
        saveActuals();
        Answer a = api.get("/w/omitama/indicators");
        assertEquals(200, a.status());
        String html = a.text();
        String text = Http.text(html);
        assertTrue(text.contains("政策分野 1 恋も子育てもしたくなるまちになる"), text);
        // 1.51 → 1.8, 1.55 in FY2020: 86.1% of the target (B on A:100/B:80/C:50/D), 13.8% of the way.
        assertTrue(text.contains("合計特殊出生率"), text);
        assertTrue(text.contains("86.1% 13.8% B 令和2年度（2020）"), text);
        // 30 → 28 (decrease), 29 in FY2020: 28/29 = 96.6%, halfway.
        assertTrue(text.contains("96.6% 50% B"), text);
        assertTrue(Http.count(html, "<svg class=\"sparkline\"") >= 2);
        assertTrue(html.contains("aria-label=\"合計特殊出生率の推移"), "the chart says what it shows");
        assertTrue(text.contains("課題の行動指標"), "action indicators come last, in their own group");
    }

    @Test
    void theCsvIsUtf8WithBomInAFlatLayout() throws Exception {
        saveActuals();
        byte[] csv = bytes("/w/omitama/indicators.csv");
        assertEquals(0xEF, csv[0] & 0xff);
        assertEquals(0xBB, csv[1] & 0xff);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertTrue(lines[0].startsWith("指標名,指標ID,年度,年度（表示）,値,状態,データの時点,出典,備考,単位"), lines[0]);
        String row = java.util.Arrays.stream(lines).filter(l -> l.startsWith("合計特殊出生率," + birthRate + ",2020,"))
                .findFirst().orElseThrow();
        assertTrue(row.startsWith("合計特殊出生率," + birthRate + ",2020,令和2年度（2020）,1.55,実績,,人口動態統計,,,数値目標,増やす,"),
                row);
        assertTrue(row.contains(",86.1,13.8,B,B,"), row);
        assertTrue(row.contains(",2024,令和6年度（2024）,"), "the target year in the workspace's style too: " + row);
        assertEquals(1, java.util.Arrays.stream(lines).filter(l -> l.startsWith("平均初婚年齢 (男)," + marriageAge + ",")).count());
    }

    @Test
    void aFormulaLookingTextComesOutOfTheCsvNeutralisedAndNegativeNumbersStayNumbers() throws Exception {
        Answer saved = api.post("/api/v1/workspaces/omitama/actuals", "{\"indicator\": " + birthRate
                + ", \"fiscalYear\": 2021, \"value\": -0.5, \"note\": \"=HYPERLINK(\\\"http://x\\\")\"}");
        assertEquals(201, saved.status(), saved.text());
        String text = new String(bytes("/w/omitama/indicators.csv"), StandardCharsets.UTF_8);
        String row = java.util.Arrays.stream(text.split("\r\n")).filter(l -> l.startsWith("合計特殊出生率," + birthRate + ",2021,"))
                .findFirst().orElseThrow();
        assertTrue(row.startsWith("合計特殊出生率," + birthRate + ",2021,令和3年度（2021）,-0.5,"), row);
        assertTrue(row.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), row);
    }

    @Test
    void theXlsxHasOneValuePerCellAndNumbersAsNumbers() throws Exception {
        saveActuals();
        byte[] xlsx = bytes("/w/omitama/indicators.xlsx");
        // Read through the central directory, as Excel does (the entries carry their sizes only there).
        Path file = dir.resolve("indicators.xlsx");
        java.nio.file.Files.write(file, xlsx);
        String sheet = null;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (e.getName().startsWith("xl/worksheets/sheet")) {
                    sheet = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertTrue(sheet != null, "a worksheet");
        assertTrue(!sheet.contains("<mergeCell"), "no merged cells");
        assertTrue(sheet.contains("<v>1.55</v>"), "the actual as a number");
        assertTrue(sheet.contains("<v>86.1</v>"), "the achievement as a number");
    }

    @Test
    void theReviewGridSavesInOneStepAndRedirects() {
        String grid = api.get("/w/omitama/review/2020").text();
        assertTrue(grid.contains("令和2年度（2020）の評価"), "the year in the workspace's style");
        int index = indexOf(grid, birthRate);
        Answer saved = api.postForm("/w/omitama/review/R2",
                "cells[" + index + "].indicator", String.valueOf(birthRate), "cells[" + index + "].version", "0",
                "cells[" + index + "].state", "ACTUAL", "cells[" + index + "].value", "1.6",
                "cells[" + index + "].dataDate", "", "cells[" + index + "].source", "", "cells[" + index + "].note", "");
        assertEquals(303, saved.status());
        assertEquals("/w/omitama/review/2020?saved=1", saved.location());
        String after = Http.text(api.get(saved.location()).text());
        assertTrue(after.contains("1件の値を保存しました"), after);
        assertEquals(1L, count("SELECT COUNT(*) FROM actual WHERE value = 1.6"));
    }

    /** The grid's row index of an indicator, read from its hidden field. */
    private static int indexOf(String html, long indicator) {
        var m = java.util.regex.Pattern.compile("name=\"cells\\[(\\d+)]\\.indicator\" value=\"" + indicator + "\"")
                .matcher(html);
        assertTrue(m.find());
        return Integer.parseInt(m.group(1));
    }

    @Test
    void aWrongCellIsShownNextToItWithTheTypedValuesAndNothingIsSaved() {
        String grid = api.get("/w/omitama/review/2020").text();
        int a = indexOf(grid, birthRate);
        int b = indexOf(grid, marriageAge);
        Answer refused = api.postForm("/w/omitama/review/2020",
                "cells[" + a + "].indicator", String.valueOf(birthRate), "cells[" + a + "].version", "0",
                "cells[" + a + "].state", "ACTUAL", "cells[" + a + "].value", "1.6",
                "cells[" + b + "].indicator", String.valueOf(marriageAge), "cells[" + b + "].version", "0",
                "cells[" + b + "].state", "NOT_ASSESSABLE", "cells[" + b + "].value", "",
                "cells[" + b + "].note", "");
        assertEquals(422, refused.status());
        String text = Http.text(refused.text());
        assertTrue(text.contains("1か所を直してください。何も保存していません。"), text);
        assertTrue(refused.text().contains("value=\"1.6\""), "typed values stay");
        String row = refused.text().substring(refused.text().indexOf("data-indicator=\"" + marriageAge + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertTrue(Http.text(row).contains("理由を入力してください。"), row);
        assertEquals(0L, count("SELECT COUNT(*) FROM actual"));
    }

    @Test
    void anUnreadableYearIsA404() {
        Answer a = api.get("/w/omitama/review/someday");
        assertEquals(404, a.status());
        assertTrue(Http.text(a.text()).contains("年度「someday」を読めません"));
    }

    private Answer upload(String path, byte[] file) {
        HttpResponse<String> r = Http.upload(app.port(), path, TestApp.adminCookie(db), file);
        return new Answer(r.statusCode(), null, r.body(), r.headers().firstValue("Location").orElse(null));
    }

    @Test
    void aShiftJisCsvIsCheckedFirstThenAppliedFromTheReport() throws Exception {
        byte[] csv = ("指標名,値,状態\r\n合計特殊出生率,1.55,実績\r\n平均初婚年齢 (男),29.8,見込\r\n")
                .getBytes(Charset.forName("windows-31j"));
        Answer report = upload("/w/omitama/review/2020/import", csv);
        assertEquals(200, report.status(), report.text());
        String text = Http.text(report.text());
        assertTrue(text.contains("文字コード: Shift_JIS (CP932)。追加 2件"), text);
        assertEquals(0L, count("SELECT COUNT(*) FROM actual"), "a dry run writes nothing");
        // Apply exactly what the report carried.
        var fields = new java.util.ArrayList<String>();
        var m = java.util.regex.Pattern.compile("<input type=\"hidden\" name=\"(cells\\[\\d+]\\.\\w+)\" value=\"([^\"]*)\">")
                .matcher(report.text());
        while (m.find()) {
            fields.add(m.group(1));
            fields.add(m.group(2));
        }
        Answer applied = api.postForm("/w/omitama/review/2020/import/apply", fields.toArray(String[]::new));
        assertEquals(303, applied.status(), applied.text());
        assertEquals(2L, count("SELECT COUNT(*) FROM actual WHERE fiscal_year = 2020"));
    }

    @Test
    void aCsvWithAMalformedRowIsReportedAndOffersNoApply() throws Exception {
        byte[] csv = "指標ID,値\n%d,1.55\n%d,1.2.3\n".formatted(birthRate, marriageAge).getBytes(StandardCharsets.UTF_8);
        Answer report = upload("/w/omitama/review/2020/import", csv);
        assertEquals(422, report.status());
        String text = Http.text(report.text());
        assertTrue(text.contains("値「1.2.3」は数値ではありません。"), text);
        assertTrue(text.contains("問題のある行があるため、何も取り込みません"), text);
        assertTrue(!report.text().contains("data-testid=\"apply-import\""));
        Answer api2 = api.send("POST", "/api/v1/workspaces/omitama/reviews/2020/import?apply=true",
                "指標ID,値\n%d,1.55\n%d,1.2.3\n".formatted(birthRate, marriageAge));
        assertEquals(400, api2.status());
        assertEquals(0L, count("SELECT COUNT(*) FROM actual"), "not half-applied");
    }

    @Test
    void anIndicatorIsFollowedIntoTheNextStrategyByItsLineageKey() {
        saveActuals();
        Answer copy = api.post("/api/v1/workspaces/omitama/copy", """
                {"slug": "omitama-3", "name": "第3期 ダイヤモンドシティ・プロジェクト"}""");
        assertEquals(201, copy.status(), copy.text());
        long next = api.get("/api/v1/workspaces/omitama-3/indicators").body().findValues("id").stream()
                .map(n -> n.longValue()).filter(id -> id != birthRate).filter(id -> {
                    var all = api.get("/api/v1/workspaces/omitama-3/indicators").body();
                    for (var n : all) {
                        if (n.get("id").longValue() == id) {
                            return n.get("name").asText().equals("合計特殊出生率");
                        }
                    }
                    return false;
                }).findFirst().orElseThrow();
        for (String path : new String[] {"/api/v1/workspaces/omitama/indicators/" + birthRate,
                "/api/v1/workspaces/omitama-3/indicators/" + next}) {
            Answer patched = api.patch(path, "{\"lineage\": \"tfr\", \"version\": 1}");
            assertEquals(200, patched.status(), patched.text());
        }
        String text = Http.text(api.get("/w/omitama-3/indicators").text());
        assertTrue(text.contains("ほかの期「ダイヤモンドシティ・プロジェクト」（令和2年度〜令和6年度（2020〜2024年度））: 合計特殊出生率 R2 1.55"),
                text);
    }

    @Test
    void theReviewOfAYearListsEveryProjectWithItsPanelCommentAndNextAction() {
        long project = count("SELECT id FROM project WHERE code = '1-03-4'");
        Answer created = api.post("/api/v1/workspaces/omitama/project-reviews", """
                {"project": %d, "fiscalYear": "令和2年度", "panelComment": "登録率の把握方法を明確に",
                 "departmentComment": "母子手帳交付時に案内を始めた", "nextAction": "REVISE"}""".formatted(project));
        assertEquals(201, created.status(), created.text());
        String text = Http.text(api.get("/w/omitama/review/2020").text());
        assertTrue(text.contains("令和2年度（2020）の事業の評価"), text);
        assertTrue(text.contains("1-03-4 出産子育て情報アプリ利用促進事業 見直し 登録率の把握方法を明確に 母子手帳交付時に案内を始めた"), text);
        assertTrue(Http.text(api.get("/w/omitama/review/2021").text()).contains("1-03-4 出産子育て情報アプリ利用促進事業 ＋ 評価・意見"));
        String projectPage = Http.text(api.get("/w/omitama/projects/1-03-4").text());
        assertTrue(projectPage.contains("年度ごとの評価 令和2年度（2020） 見直し"), projectPage);
    }

    @Test
    void aValueSavedBySomeoneElseSinceThePageWasOpenedIsShownAndNothingIsOverwritten() {
        String grid = api.get("/w/omitama/review/2020").text();
        int a = indexOf(grid, birthRate);
        int b = indexOf(grid, marriageAge);
        String seen = ReviewService.seenOf(null);
        // Meanwhile a colleague enters the birth rate.
        saveActuals();
        Answer refused = api.postForm("/w/omitama/review/2020",
                "cells[" + a + "].indicator", String.valueOf(birthRate), "cells[" + a + "].version", "0",
                "cells[" + a + "].seen", seen, "cells[" + a + "].state", "ACTUAL", "cells[" + a + "].value", "1.7",
                "cells[" + b + "].indicator", String.valueOf(marriageAge), "cells[" + b + "].version", "0",
                "cells[" + b + "].seen", seen, "cells[" + b + "].state", "ACTUAL", "cells[" + b + "].value", "");
        assertEquals(409, refused.status());
        String text = Http.text(refused.text());
        assertTrue(text.contains("ほかの人がこの年度の値を変えました"), text);
        assertTrue(text.contains("いま保存されている値: 1.55"), text);
        assertTrue(refused.text().contains("value=\"1.7\""), "the person's input stays in the cell");
        assertEquals(1L, count("SELECT COUNT(*) FROM actual WHERE value = 1.55"));
        // The marriage age cell was left as shown (empty): it neither conflicts nor clears the colleague's 29.
        assertEquals(1L, count("SELECT COUNT(*) FROM actual WHERE value = 29"));
        String untouchedRow = refused.text().substring(refused.text().indexOf("name=\"cells[" + b + "].value\""));
        assertTrue(untouchedRow.startsWith("name=\"cells[" + b + "].value\" value=\"29\""),
                "the untouched cell now shows the colleague's value: " + untouchedRow.substring(0, 60));
        // Saving again from the refreshed form applies the person's value on top of the current version.
        String again = refused.text();
        var version = java.util.regex.Pattern.compile("name=\"cells\\[" + a + "]\\.version\" value=\"(\\d+)\"").matcher(again);
        assertTrue(version.find());
        Answer saved = api.postForm("/w/omitama/review/2020",
                "cells[" + a + "].indicator", String.valueOf(birthRate), "cells[" + a + "].version", version.group(1),
                "cells[" + a + "].state", "ACTUAL", "cells[" + a + "].value", "1.7", "cells[" + a + "].source", "人口動態統計");
        assertEquals(303, saved.status(), saved.text());
        assertEquals(1L, count("SELECT COUNT(*) FROM actual WHERE value = 1.7"));
    }
}
