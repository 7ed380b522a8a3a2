package kusari.workshop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import kusari.ApiClient;
import kusari.FreshAppTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Afterwards: a workshop's record page, the list of workshops, and the cards as CSV and .xlsx. */
class WorkshopRecordTest extends FreshAppTest {

    RoomSession room;
    long joy;
    long trouble;
    long formula;
    long hidden;

    @BeforeEach
    void holdAWorkshop() throws Exception {
        room = new RoomSession(app.port(), api, "Bさんの<体験>を聞く会", "\"date\": \"2026-11-20\"");
        String one = room.join();
        String two = room.join();
        joy = room.card(one, 1, "JOY", "市報で<b>知った</b>", 2).get("id").asLong();
        trouble = room.card(two, 2, "TROUBLE", "窓口で3回説明した", -2).get("id").asLong();
        formula = room.card(two, 2, "IDEA", "=1+1", null).get("id").asLong();
        hidden = room.card(one, 3, "IDEA", "関係ない話", null).get("id").asLong();
        long withdrawn = room.card(one, 3, "IDEA", "やっぱりやめた", null).get("id").asLong();
        assertEquals(200, room.raw("DELETE", "/api/v1/join/" + room.code() + "/cards/" + withdrawn, one, null)
                .statusCode());
        room.hide(hidden);
        room.patch("\"phase\": \"VOTE\"");
        room.vote(one, trouble);
        room.vote(two, trouble);
        room.vote(one, joy);
        room.promote(trouble, "{\"to\": \"painPoint\"}");
    }

    @Test
    void theRecordShowsTheCardsByStepWithVotesAndWhatBecameOfThem() {
        ApiClient.Answer page = api.get("/w/omitama/workshops/" + room.id());
        assertEquals(200, page.status());
        String html = page.text();
        assertTrue(html.contains("Bさんの&lt;体験&gt;を聞く会"), "the title, escaped");
        assertTrue(html.contains("2026-11-20"));
        assertTrue(html.contains("data-testid=\"record-participants\">2<"), "two phones joined");
        assertTrue(html.contains("data-testid=\"record-cards\">4<"), "the withdrawn card is not on the record");
        assertFalse(html.contains("やっぱりやめた"));
        assertTrue(html.contains("市報で&lt;b&gt;知った&lt;/b&gt;"), "markup shown as text");
        String step2 = section(html, "record-step-2");
        assertTrue(step2.contains("窓口で3回説明した") && step2.contains("2票"), step2);
        assertTrue(step2.contains("場面の課題"), "it became the step's pain point");
        assertTrue(step2.contains("href=\"/w/omitama/journeys/b"), "linking to where it went: " + step2);
        String step3 = section(html, "record-step-3");
        assertTrue(step3.contains("関係ない話") && step3.contains("非表示にしたカード"), "hidden, marked: " + step3);
        assertTrue(html.contains("id=\"card-" + joy + "\""), "each card has its anchor");
        assertFalse(html.contains("record-card-author"), "an anonymous workshop shows no names");
    }

    @Test
    void aVisitorSeesNeitherHiddenCardsNorNames() throws Exception {
        RoomSession named = new RoomSession(app.port(), api, "名前ありの会", "\"named\": true");
        String hanako = named.join();
        assertEquals(200, named.raw("PUT", "/api/v1/join/" + named.code() + "/name", hanako,
                "{\"name\": \"山田花子\"}").statusCode());
        named.card(hanako, 1, "JOY", "駅で迷わなかった", null);
        named.hide(named.card(hanako, 2, "IDEA", "隣の家の話", null).get("id").asLong());
        String path = "/w/omitama/workshops/" + named.id();
        String editor = api.get(path).text();
        assertTrue(editor.contains("山田花子") && editor.contains("隣の家の話"), "the facilitators see the whole record");
        java.net.http.HttpResponse<String> visitor = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + app.port() + path))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, visitor.statusCode(), "the sample workspace is public");
        assertTrue(visitor.body().contains("駅で迷わなかった"), "a visitor reads the cards");
        assertFalse(visitor.body().contains("山田花子"), "but not the residents' names");
        assertFalse(visitor.body().contains("隣の家の話"), "nor the card the facilitator hid");
        java.net.http.HttpResponse<String> csv = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + app.port() + path
                        + "/cards.csv")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, csv.statusCode());
        assertFalse(csv.body().contains("山田花子") || csv.body().contains("隣の家の話"), "nor in the export: " + csv.body());
    }

    @Test
    void theListLinksToEachRecordAndTheJourneyPageToTheList() {
        String list = api.get("/w/omitama/workshops").text();
        assertTrue(list.contains("href=\"/w/omitama/workshops/" + room.id() + "\""), list);
        assertTrue(list.contains("Bさんの&lt;体験&gt;を聞く会"));
        String journey = api.get("/w/omitama/journeys/b").text();
        assertTrue(journey.contains("href=\"/w/omitama/workshops?journey=b\""), "the journey page links to its workshops");
        RoomSession elsewhere = new RoomSession(app.port(), api, "Cさんの会", null);
        db.inTransaction(c -> kusari.db.Sql.update(c, "UPDATE workshop SET journey_id = (SELECT id FROM journey"
                + " WHERE slug = 'c') WHERE id = ?", elsewhere.id()));
        String ofB = api.get("/w/omitama/workshops?journey=b").text();
        assertTrue(ofB.contains("Bさんの&lt;体験&gt;を聞く会") && !ofB.contains("Cさんの会"), "only journey b's: " + ofB);
        assertTrue(api.get("/w/omitama/workshops").text().contains("Cさんの会"), "the whole list has both");
        assertTrue(api.get("/w/omitama/workshops/" + room.id()).text()
                .contains("href=\"/w/omitama/workshops/" + room.id() + "/board\""), "an editor reaches the open board");
        assertEquals(404, api.get("/w/omitama/workshops/999999").status());
        assertEquals(404, api.get("/w/omitama/workshops/abc").status());
    }

    @Test
    void theCardsExportAsCsvWithBomHeaderInJapaneseAndNoFormulas() throws Exception {
        HttpResponse<byte[]> res = bytes("/w/omitama/workshops/" + room.id() + "/cards.csv");
        assertEquals(200, res.statusCode());
        assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(res.headers().firstValue("Content-Disposition").orElse("").contains(".csv"));
        byte[] body = res.body();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(body, 3), "UTF-8 BOM");
        List<CSVRecord> rows = CSVFormat.EXCEL.parse(new StringReader(
                new String(body, 3, body.length - 3, StandardCharsets.UTF_8))).getRecords();
        assertEquals(List.of("場面の番号", "場面", "種類", "カード", "気持ち", "票", "非表示", "体験鎖での行き先", "投稿日時"),
                rows.get(0).toList());
        assertEquals(5, rows.size(), "four cards: the withdrawn one is left out");
        CSVRecord first = rows.get(1);
        assertEquals("1", first.get(0));
        assertEquals("うれしい", first.get(2));
        assertEquals("市報で<b>知った</b>", first.get(3));
        assertEquals("2", first.get(4));
        assertEquals("1", first.get(5));
        CSVRecord troubled = rows.get(2);
        assertEquals("困った", troubled.get(2));
        assertEquals("-2", troubled.get(4), "a negative feeling is a number, not a neutralised formula");
        assertEquals("2", troubled.get(5));
        assertEquals("場面の課題", troubled.get(7));
        assertTrue(troubled.get(8).matches("\\d{4}-\\d{2}-\\d{2}T.*"), troubled.get(8));
        assertEquals("'=1+1", rows.get(3).get(3), "a card that looks like a formula is neutralised");
        assertEquals("はい", rows.get(4).get(6), "the hidden card is marked");
    }

    @Test
    void theHeaderFollowsTheUsersLanguage() throws Exception {
        byte[] body = bytes("/w/omitama/workshops/" + room.id() + "/cards.csv?lang=en").body();
        CSVRecord header = CSVFormat.EXCEL.parse(new StringReader(
                new String(body, 3, body.length - 3, StandardCharsets.UTF_8))).getRecords().get(0);
        assertEquals(List.of("Step no.", "Step", "Kind", "Card", "Emotion", "Votes", "Hidden", "Became", "Posted at"),
                header.toList());
        assertTrue(api.get("/w/omitama/workshops/" + room.id() + "?lang=en").text().contains("Pain point of the step"));
    }

    @Test
    void theCardsExportAsAWorkbook() throws Exception {
        HttpResponse<byte[]> res = bytes("/w/omitama/workshops/" + room.id() + "/cards.xlsx");
        assertEquals(200, res.statusCode());
        assertTrue(res.headers().firstValue("Content-Type").orElse("").contains("spreadsheetml"));
        String text = kusari.Http.xlsxText(res.body());
        assertTrue(text.contains("窓口で3回説明した"), "the card's text is in the workbook");
        assertTrue(text.contains("体験鎖での行き先"), "with the headings");
        assertFalse(text.contains("<f>"), "no cell is a formula");
    }

    private HttpResponse<byte[]> bytes(String path) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("Cookie", "kusari_csrf=" + ApiClient.CSRF + "; " + kusari.TestApp.adminCookie(db)).build();
        return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The HTML of one step's section on the record. */
    static String section(String html, String testId) {
        int start = html.indexOf("data-testid=\"" + testId + "\"");
        assertTrue(start >= 0, testId);
        int end = html.indexOf("</section>", start);
        return html.substring(start, end);
    }
}
