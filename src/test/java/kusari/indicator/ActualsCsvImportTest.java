package kusari.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import kusari.ApiClient;
import kusari.FreshAppTest;
import kusari.TestApp;
import kusari.db.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CSV import of actuals as a planner meets it with files from spreadsheets: broken lines, decimal commas, rates
 * typed as fractions, UTF-16 and Shift_JIS files, and a file Kusari exported, re-saved and brought back.
 */
class ActualsCsvImportTest extends FreshAppTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    long birthRate;
    long childRearing;

    @BeforeEach
    void indicators() {
        birthRate = id("合計特殊出生率");
        childRearing = id("小美玉市で子育てをしていきたい");
    }

    private long id(String name) {
        return db.read(c -> Sql.queryLong(c, "SELECT id FROM indicator WHERE name = ?", name));
    }

    private long actuals() {
        return db.read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM actual"));
    }

    private record Sent(int status, JsonNode body, String text) {
    }

    private Sent send(String path, byte[] csv) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + app.port() + path))
                .header("Cookie", "kusari_csrf=" + ApiClient.CSRF + "; " + TestApp.adminCookie(db))
                .header("X-CSRF-Token", ApiClient.CSRF)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body;
        try {
            body = JSON.readTree(r.body());
        } catch (Exception e) {
            body = null;
        }
        return new Sent(r.statusCode(), body, r.body());
    }

    private Sent dryRun(String csv) throws Exception {
        return send("/api/v1/workspaces/omitama/reviews/2020/import", csv.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode row(Sent sent, long line) {
        for (JsonNode r : sent.body().get("rows")) {
            if (r.get("line").asLong() == line) {
                return r;
            }
        }
        throw new AssertionError("no row for line " + line + ": " + sent.text());
    }

    @Test
    void anUnterminatedQuoteNamesItsLineInJapaneseAndTheOtherLinesAreStillChecked() throws Exception {
        Sent sent = dryRun("指標ID,値,備考\n%d,1.55,ok\n%d,1.2.3,\"閉じていない\n%d,abc,x\n".formatted(birthRate,
                childRearing, birthRate));
        assertEquals(200, sent.status(), sent.text());
        JsonNode broken = row(sent, 3);
        assertEquals("ERROR", broken.get("action").asText());
        String message = broken.get("problems").get(0).asText();
        assertTrue(message.startsWith("3行目: 引用符（\"）が閉じられていません。"), message);
        assertFalse(sent.text().contains("Exception") || sent.text().contains("EOF reached"), sent.text());
        // The line after the broken one is read on its own, and its problem listed too.
        JsonNode after = row(sent, 4);
        assertEquals("ERROR", after.get("action").asText());
        assertTrue(after.get("problems").get(0).asText().contains("値「abc」は数値ではありません"), after.toString());
        assertEquals("ADD", row(sent, 2).get("action").asText());
        assertEquals(2, sent.body().get("errors").asInt());
    }

    @Test
    void aDecimalCommaIsRefusedNotStoredAsAHundredTimesTheNumber() throws Exception {
        Sent sent = send("/api/v1/workspaces/omitama/reviews/2020/import?apply=true",
                "指標ID,値\n%d,\"1,48\"\n".formatted(birthRate).getBytes(StandardCharsets.UTF_8));
        assertEquals(400, sent.status(), sent.text());
        assertTrue(row(sent, 2).get("problems").get(0).asText().contains("3桁ごとの区切り"), sent.text());
        assertEquals(0, actuals());
        // Thousands separators are still numbers.
        Sent grouped = dryRun("指標ID,値\n%d,\"1,480\"\n".formatted(birthRate));
        assertEquals("1,480", row(grouped, 2).get("stored").asText());
        assertEquals("ADD", row(grouped, 2).get("action").asText());
    }

    @Test
    void aRateTypedAsAFractionIsShownAsStoredAndTakenOnlyWhenConfirmed() throws Exception {
        String csv = "指標ID,値\n%d,0.635\n".formatted(childRearing);
        Sent dry = dryRun(csv);
        JsonNode r = row(dry, 2);
        assertEquals("0.635", r.get("value").asText());
        assertEquals("0.635%", r.get("stored").asText());
        assertTrue(r.get("far").asBoolean(), r.toString());
        String warnings = r.get("warnings").toString();
        assertTrue(warnings.contains("現況値 61.9%"), warnings);
        assertTrue(warnings.contains("0.635 → 63.5%"), warnings);
        assertEquals(1, dry.body().get("far").asInt());

        Sent refused = send("/api/v1/workspaces/omitama/reviews/2020/import?apply=true", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, refused.status(), refused.text());
        assertTrue(refused.body().get("message").asText().contains("大きく離れた値"), refused.text());
        assertEquals(0, actuals());

        Sent confirmed = send("/api/v1/workspaces/omitama/reviews/2020/import?apply=true&confirm=true",
                csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, confirmed.status(), confirmed.text());
        assertEquals(1, actuals());
        // A near value needs no confirmation.
        Sent near = dryRun("指標ID,値\n%d,63.5\n".formatted(childRearing));
        assertFalse(row(near, 2).get("far").asBoolean());
    }

    @Test
    void aFarValueFromTheFormIsNotAppliedWithoutTheTick() {
        String[] cell = {"cells[0].indicator", String.valueOf(childRearing), "cells[0].version", "0",
                "cells[0].state", "ACTUAL", "cells[0].value", "0.635", "cells[0].dataDate", "", "cells[0].source", "",
                "cells[0].note", ""};
        ApiClient.Answer refused = api.postForm("/w/omitama/review/2020/import/apply", cell);
        assertEquals(422, refused.status());
        assertTrue(kusari.Http.text(refused.text()).contains("大きく離れた値があります"), refused.text());
        assertEquals(0, actuals());
        String[] ticked = java.util.Arrays.copyOf(cell, cell.length + 2);
        ticked[cell.length] = "confirmFar";
        ticked[cell.length + 1] = "yes";
        assertEquals(303, api.postForm("/w/omitama/review/2020/import/apply", ticked).status());
        assertEquals(1, actuals());
    }

    @Test
    void theDryRunPageShowsTheStoredNumberAndAsksForTheTick() throws Exception {
        ApiClient.Answer page = upload("指標ID,値\n%d,0.635\n".formatted(childRearing).getBytes(StandardCharsets.UTF_8));
        assertEquals(200, page.status(), page.text());
        String text = kusari.Http.text(page.text());
        assertTrue(text.contains("0.635 0.635%"), text);
        assertTrue(text.contains("0.635 は現況値 61.9% の10倍以上か10分の1以下です。"), text);
        assertTrue(page.text().contains("name=\"confirmFar\" value=\"yes\" required"), page.text());
    }

    @Test
    void theDryRunPageNamesTheBrokenLineAndStillListsTheOthers() {
        ApiClient.Answer page = upload("指標ID,値\n%d,\"1,48\"\n%d,1.5,\"閉じていない\n%d,xyz\n".formatted(birthRate,
                birthRate, childRearing).getBytes(StandardCharsets.UTF_8));
        assertEquals(422, page.status());
        String text = kusari.Http.text(page.text());
        assertTrue(text.contains("3行目: 引用符（\"）が閉じられていません。"), text);
        assertTrue(text.contains("値「1,48」のカンマは3桁ごとの区切り（279,072）になっていません。"), text);
        assertTrue(text.contains("値「xyz」は数値ではありません。"), text);
        assertFalse(page.text().contains("data-testid=\"apply-import\""), "nothing to apply");
        assertEquals(0, actuals());
    }

    private ApiClient.Answer upload(byte[] file) {
        HttpResponse<String> r = kusari.Http.upload(app.port(), "/w/omitama/review/2020/import", TestApp.adminCookie(db),
                file);
        return new ApiClient.Answer(r.statusCode(), null, r.body(), null);
    }

    @Test
    void utf16WithAByteOrderMarkIsReadAndWithoutOneRefusedNamingTheEncoding() throws Exception {
        String csv = "指標名,値\r\n合計特殊出生率,1.55\r\n";
        byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, csv.getBytes(StandardCharsets.UTF_16LE));
        Sent read = send("/api/v1/workspaces/omitama/reviews/2020/import", le);
        assertEquals("UTF-16LE", read.body().get("encoding").asText(), read.text());
        assertEquals("ADD", row(read, 2).get("action").asText());
        byte[] be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, csv.getBytes(StandardCharsets.UTF_16BE));
        assertEquals("ADD", row(send("/api/v1/workspaces/omitama/reviews/2020/import", be), 2).get("action").asText());

        Sent bare = send("/api/v1/workspaces/omitama/reviews/2020/import", csv.getBytes(StandardCharsets.UTF_16LE));
        assertEquals(1, bare.body().get("errors").asInt(), bare.text());
        assertTrue(bare.body().get("problems").get(0).asText().contains("UTF-16 のファイルにBOM"), bare.text());
    }

    @Test
    void shiftJisIsReadAndNamedAndBytesOfNoKnownEncodingAreRefused() throws Exception {
        Sent sjis = send("/api/v1/workspaces/omitama/reviews/2020/import",
                "指標名,値\r\n合計特殊出生率,1.55\r\n".getBytes(Charset.forName("windows-31j")));
        assertEquals("Shift_JIS (CP932)", sjis.body().get("encoding").asText());
        assertEquals("ADD", row(sjis, 2).get("action").asText());
        Sent junk = send("/api/v1/workspaces/omitama/reviews/2020/import",
                new byte[] {'a', ',', 'b', '\n', (byte) 0x81, (byte) 0x7F, (byte) 0xFF, '\n'});
        assertTrue(junk.body().get("problems").get(0).asText().contains("文字コードが分かりません"), junk.text());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void anExportReSavedByASpreadsheetAndImportedChangesNothing() throws Exception {
        // Texts the export protects with an apostrophe: a formula-looking note and a date-looking data date.
        ApiClient.Answer saved = api.post("/api/v1/workspaces/omitama/reviews/2020/values", """
                {"cells": [{"indicator": %d, "value": "1.55", "dataDate": "2021-03", "note": "-0.1ポイント（前年比）"},
                           {"indicator": %d, "value": "63.5", "source": "=市民アンケート"}]}"""
                .formatted(birthRate, childRearing));
        assertEquals(200, saved.status(), saved.text());
        byte[] exported = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + app.port() + "/w/omitama/indicators.csv")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        String text = new String(exported, 3, exported.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.contains(",'2021-03,"), "the data date is kept from turning into a date");
        assertTrue(text.contains("'-0.1ポイント"), "the note is kept from running as a formula");
        // Re-saved by a spreadsheet on a Japanese Windows: Shift_JIS, no byte order mark, the apostrophes kept.
        byte[] resaved = text.getBytes(Charset.forName("windows-31j"));
        Sent sent = send("/api/v1/workspaces/omitama/reviews/2020/import?apply=true", resaved);
        assertEquals(200, sent.status(), sent.text());
        assertEquals(0, sent.body().get("errors").asInt(), sent.text());
        for (JsonNode r : sent.body().get("rows")) {
            assertFalse(r.get("action").asText().equals("CHANGE") || r.get("action").asText().equals("ADD"),
                    r.toString());
        }
        assertEquals(0, sent.body().get("result").get("changed").asInt(), sent.text());
        assertEquals("-0.1ポイント（前年比）", db.read(c -> Sql.queryOne(c,
                "SELECT note FROM actual WHERE indicator_id = ?", rs -> rs.getString(1), birthRate).orElseThrow()));
    }
}
