package kusari.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kusari.FreshAppTest;
import kusari.Http;
import kusari.db.Sql;
import org.junit.jupiter.api.Test;

/**
 * The timeline tells what happened in the reader's language: summaries are stored once (in Japanese, inside the
 * hash-chained history) and said again in English from the facts they hold.
 */
class HistorySummariesTest extends FreshAppTest {

    @Test
    void aDismissalASettingAndARenameReadInEnglishOnTheEnglishTimeline() {
        String key = api.get("/api/v1/workspaces/omitama/chain-check?kind=TROUBLED_STEP_NO_ACTOR&limit=1").body()
                .get("breaks").get(0).get("key").asText();
        var dismissed = api.post("/api/v1/workspaces/omitama/chain-check/dismissals",
                "{\"key\": \"" + key + "\", \"reason\": \"県の事業で対応済み\"}");
        assertEquals(201, dismissed.status(), dismissed.text());
        long actor = db.read(c -> Sql.queryLong(c, "SELECT id FROM actor WHERE name = '企画調整課'"));
        long version = db.read(c -> Sql.queryLong(c, "SELECT version FROM actor WHERE id = ?", actor));
        var renamed = api.post("/api/v1/workspaces/omitama/actors/" + actor + "/names",
                "{\"name\": \"政策企画課\", \"fromFiscalYear\": \"2022\", \"version\": \"" + version + "\"}");
        assertEquals(201, renamed.status(), renamed.text());

        String stored = db.read(c -> Sql.queryOne(c, "SELECT summary FROM change_log WHERE operation = 'DISMISS'",
                rs -> rs.getString(1)).orElseThrow());
        assertTrue(stored.startsWith("鎖の点検: 「困ったステップに担当がいない」"), "stored once, in Japanese: " + stored);

        String english = Http.text(api.get("/w/omitama/history?lang=en").text());
        assertTrue(english.contains("Chain check: dismissed \"Troubled step where nobody acts\""), english);
        assertTrue(english.contains("Reason: 県の事業で対応済み"), "the reason is the planner's own words");
        assertTrue(english.contains("Renamed the actor “企画調整課” to “政策企画課” from FY2022"), english);
        assertFalse(english.contains("鎖の点検"), "no Japanese sentence of the product's own");
        assertFalse(english.contains("の名称を"));

        String japanese = Http.text(api.get("/w/omitama/history?lang=ja").text());
        assertTrue(japanese.contains(stored));
        assertTrue(japanese.contains("担当「企画調整課」の名称を令和4年度から「政策企画課」に変更"));
    }
}
