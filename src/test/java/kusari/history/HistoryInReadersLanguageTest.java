package kusari.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kusari.ApiClient;
import kusari.FreshAppTest;
import kusari.Http;
import kusari.TestApp;
import kusari.change.HistoryChain;
import kusari.db.Sql;
import kusari.files.ImportReport;
import kusari.files.ImportService;
import kusari.files.MiniWorkspace;
import kusari.files.WorkspaceExporter;
import org.junit.jupiter.api.Test;

/**
 * Every kind of change the product summarises in its own words reads in the reader's language on the history
 * pages and in the API: the data file import (a new workspace, an import over one and its undo), the yearly review
 * (grid and CSV), a workshop's opening, its cards becoming a pain point, an action of a new actor and a 課題, and its
 * closing. What is left in Japanese on the English page is only the data's own words (a step's or an indicator's
 * name); the Japanese page shows each summary as stored. The hash chain still verifies after all of it.
 */
class HistoryInReadersLanguageTest extends FreshAppTest {

    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}「」（）・]");

    /** Each change's summary on a history page, by change id. */
    private static Map<Long, String> summaries(String html) {
        Map<Long, String> found = new LinkedHashMap<>();
        Matcher m = Pattern.compile("data-change=\"(\\d+)\".*?class=\"change-summary\">(.*?)</(?:a|span)>",
                Pattern.DOTALL).matcher(html);
        while (m.find()) {
            found.put(Long.parseLong(m.group(1)), Http.text(m.group(2)));
        }
        return found;
    }

    private Map<Long, String> page(String path, String lang) {
        ApiClient.Answer a = api.get(path + "?lang=" + lang);
        assertEquals(200, a.status(), path);
        return summaries(a.text());
    }

    private String stored(long id) {
        return db.read(c -> Sql.queryOne(c, "SELECT summary FROM change_log WHERE id = ?", rs -> rs.getString(1), id))
                .orElseThrow();
    }

    private long latest() {
        return db.read(c -> Sql.queryLong(c, "SELECT MAX(id) FROM change_log"));
    }

    /** The text with the data's own words taken out: what the product itself said. */
    private static String ownWords(String text, List<String> dataWords) {
        String left = text;
        for (String w : dataWords) {
            left = left.replace(w, "");
        }
        return left;
    }

    private HttpResponse<String> csv(String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .header("Cookie", "kusari_csrf=" + ApiClient.CSRF + "; " + TestApp.adminCookie(db))
                .header("X-CSRF-Token", ApiClient.CSRF).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyKindOfChangeReadsInEnglishOnTheEnglishHistoryAndAsStoredOnTheJapaneseOne() throws Exception {
        Map<Long, String> expectedEnglish = new LinkedHashMap<>();
        List<String> dataWords = new ArrayList<>();

        // a new workspace from files
        Path files = dir.resolve("mini-files");
        MiniWorkspace.write(files);
        ImportService imports = new ImportService(db);
        ImportReport miniReport = imports.dryRun(files);
        assertTrue(imports.apply(files, miniReport.fingerprint()).applied());
        long newWorkspace = latest();
        assertEquals("ファイルから新しいワークスペース「ミニ戦略」を取り込み", stored(newWorkspace));
        Map<Long, String> miniEn = page("/w/mini/history", "en");
        assertEquals("Imported the new workspace “ミニ戦略” from files", miniEn.get(newWorkspace));
        assertEquals(stored(newWorkspace), page("/w/mini/history", "ja").get(newWorkspace));

        // an import over the sample: one actor more, and its undo
        Path export = dir.resolve("export");
        WorkspaceExporter.writeTo(export, new WorkspaceExporter(db).find("omitama").orElseThrow());
        MiniWorkspace.edit(export, "journeys/omitama/actors.json", "  \"actors\": [\n",
                "  \"actors\": [\n    {\n      \"name\": \"Night bus co-op\",\n      \"kind\": \"PARTNER\"\n    },\n");
        ImportReport report = imports.dryRun(export);
        assertTrue(report.ok(), report.problems().toString());
        assertTrue(imports.apply(export, report.fingerprint()).applied());
        long imported = latest();
        assertTrue(stored(imported).startsWith("ファイルから取り込み: 追加 "), stored(imported));
        String counts = stored(imported).replaceAll("\\D+", " ").strip();
        String[] n = counts.split(" ");
        expectedEnglish.put(imported, "Imported from files: " + n[0] + " added, " + n[1] + " changed, " + n[2] + " removed");
        var undone = api.post("/api/v1/workspaces/omitama/history/" + imported + "/revert", "{}");
        assertTrue(undone.status() < 300, undone.text());
        long undoImport = latest();
        expectedEnglish.put(undoImport, expectedEnglish.get(imported));

        // the yearly review: the grid and a CSV of actuals
        long birthRate = db.read(c -> Sql.queryLong(c, "SELECT id FROM indicator WHERE name = '合計特殊出生率'"
                + " AND workspace_id = (SELECT id FROM workspace WHERE slug = 'omitama')"));
        var grid = api.post("/api/v1/workspaces/omitama/reviews/2020/values",
                "{\"cells\": [{\"indicator\": " + birthRate + ", \"value\": \"1.55\"}]}");
        assertEquals(200, grid.status(), grid.text());
        long gridChange = latest();
        HttpResponse<String> fromCsv = csv("/api/v1/workspaces/omitama/reviews/2021/import?apply=true&confirm=true",
                "指標ID,値\n" + birthRate + ",1.49\n");
        assertEquals(200, fromCsv.statusCode(), fromCsv.body());
        long csvChange = latest();
        assertTrue(csvChange > gridChange);
        dataWords.add("合計特殊出生率");
        expectedEnglish.put(gridChange, "合計特殊出生率 2020");
        expectedEnglish.put(csvChange, "合計特殊出生率 2021");

        // a workshop: opened, three cards promoted, closed
        var opened = api.post("/api/v1/workspaces/omitama/workshops", "{\"journey\": \"b\", \"title\": \"Evening talk\"}");
        assertEquals(201, opened.status(), opened.text());
        long workshop = opened.body().get("id").asLong();
        long openedChange = latest();
        expectedEnglish.put(openedChange, "Evening talk");
        long[] cards = db.read(c -> {
            long participant = Sql.insert(c, "INSERT INTO workshop_participant (workshop_id, token_hash, name, joined_at)"
                    + " VALUES (?, 'hash-1', 'Hana', '2026-11-20T01:01:00Z')", workshop);
            long[] ids = new long[3];
            String[] texts = {"Buses stop at seven", "Drives people home", "No way home at night"};
            for (int i = 0; i < 3; i++) {
                ids[i] = Sql.insert(c, "INSERT INTO workshop_card (workshop_id, participant_id, step_position, kind, text,"
                        + " created_at) VALUES (?, ?, 2, 'TROUBLE', ?, '2026-11-20T01:05:00Z')", workshop, participant, texts[i]);
            }
            return ids;
        });
        String promote = "/api/v1/workspaces/omitama/workshops/" + workshop + "/cards/";
        var pain = api.post(promote + cards[0] + "/promote", "{\"to\": \"painPoint\"}");
        assertEquals(200, pain.status(), pain.text());
        long painChange = pain.body().get("changeId").asLong();
        String stepTitle = db.read(c -> Sql.queryOne(c, "SELECT s.title FROM step s JOIN journey j ON j.id = s.journey_id"
                + " WHERE j.slug = 'b' AND s.position = 2", rs -> rs.getString(1)).orElseThrow());
        dataWords.add(stepTitle);
        expectedEnglish.put(painChange, stepTitle + " (from card #" + cards[0] + " of the workshop “Evening talk”)");
        long beforeAction = latest();
        var action = api.post(promote + cards[1] + "/promote",
                "{\"to\": \"action\", \"actor\": \"Night bus co-op\", \"kind\": \"PARTNER\", \"text\": \"Drives people home\"}");
        assertEquals(200, action.status(), action.text());
        // the new actor and the action, both from the card
        for (long id = beforeAction + 1; id <= latest(); id++) {
            String label = stored(id).substring(0, stored(id).indexOf('（'));
            expectedEnglish.put(id, label + " (from card #" + cards[1] + " of the workshop “Evening talk”)");
        }
        long beforeChallenge = latest();
        var challenge = api.post(promote + cards[2] + "/promote", "{\"to\": \"challenge\", \"title\": \"Late buses\"}");
        assertEquals(200, challenge.status(), challenge.text());
        for (long id = beforeChallenge + 1; id <= latest(); id++) {
            String label = stored(id).substring(0, stored(id).lastIndexOf('（'));
            expectedEnglish.put(id, label + " (from card #" + cards[2] + " of the workshop “Evening talk”)");
        }
        long version = db.read(c -> Sql.queryLong(c, "SELECT version FROM workshop WHERE id = ?", workshop));
        var closed = api.patch("/api/v1/workspaces/omitama/workshops/" + workshop,
                "{\"status\": \"CLOSED\", \"version\": " + version + "}");
        assertEquals(200, closed.status(), closed.text());
        expectedEnglish.put(latest(), "Evening talk");

        Map<Long, String> english = page("/w/omitama/history", "en");
        Map<Long, String> japanese = page("/w/omitama/history", "ja");
        for (var e : expectedEnglish.entrySet()) {
            long id = e.getKey();
            assertEquals(e.getValue(), english.get(id), "change #" + id + " on the English timeline");
            String own = ownWords(english.get(id), dataWords);
            assertFalse(JAPANESE.matcher(own).find(), "Japanese of the product's own on the English page: " + english.get(id));
            assertEquals(stored(id), japanese.get(id), "change #" + id + " on the Japanese timeline, as stored");
        }
        assertTrue(JAPANESE.matcher(japanese.get(imported)).find(), japanese.get(imported));
        assertTrue(japanese.get(painChange).endsWith("（ワークショップ「Evening talk」のカード #" + cards[0] + " から）"),
                japanese.get(painChange));

        // the entity history of the promoted step says the same
        long stepId = db.read(c -> Sql.queryLong(c, "SELECT entity_id FROM change_log WHERE id = ?", painChange));
        assertEquals(expectedEnglish.get(painChange), page("/w/omitama/history/steps/" + stepId, "en").get(painChange));

        // the API gives the summary as stored and as the request's language says it
        JsonNode en = api.get("/api/v1/workspaces/omitama/history?lang=en").body();
        JsonNode ja = api.get("/api/v1/workspaces/omitama/history?lang=ja").body();
        int checked = 0;
        for (int i = 0; i < en.size(); i++) {
            long id = en.get(i).get("id").asLong();
            if (expectedEnglish.containsKey(id)) {
                assertEquals(stored(id), en.get(i).get("summary").asText());
                assertEquals(expectedEnglish.get(id), en.get(i).get("summaryShown").asText());
                assertEquals(stored(id), ja.get(i).get("summaryShown").asText());
                checked++;
            }
        }
        assertEquals(expectedEnglish.size(), checked);

        // the administrator's list of changes by person and date
        String changes = Http.text(api.get("/admin/changes?lang=en").text());
        assertTrue(changes.contains(expectedEnglish.get(imported)), changes);
        assertFalse(changes.contains("ファイルから取り込み"), changes);

        // nothing stored was rewritten: the chain holds
        assertTrue(db.read(HistoryChain::verify).intact());
    }

    @Test
    void aSummaryNoMessageWroteReadsAsStored() {
        // an entry from before its message existed, or the data's own words that merely look like a note
        db.inTransaction(c -> {
            long ws = Sql.queryLong(c, "SELECT id FROM workspace WHERE slug = 'omitama'");
            kusari.change.ChangeLog.record(c, "someone", new kusari.change.Change(ws, "workshop", 1L,
                    kusari.change.Operation.UPDATE, "古い形の要約（メモ）", null, null));
            return null;
        });
        long id = latest();
        assertEquals("古い形の要約（メモ）", page("/w/omitama/history", "en").get(id));
        assertEquals("古い形の要約（メモ）", page("/w/omitama/history", "ja").get(id));
    }
}
