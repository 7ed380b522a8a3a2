package kusari.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kusari.ApiClient;
import kusari.FreshAppTest;
import kusari.Http;
import org.junit.jupiter.api.Test;

/**
 * Level names are the workspace's Japanese data: English pages never splice them into English sentences ("事業 led",
 * "Per 政策分野"). They use the English labels the workspace gives its levels, else generic terms.
 */
class EnglishLevelNamesTest extends FreshAppTest {

    private static final List<String> LEVELS = List.of("政策分野", "基本的方向", "施策", "事業");

    /** Every page of the sample whose English messages take a level's name. */
    private static final List<String> PAGES = List.of(
            "/w/omitama", "/w/omitama/personas", "/w/omitama/personas/b", "/w/omitama/challenges",
            "/w/omitama/challenges/2", "/w/omitama/challenges/13", "/w/omitama/framework", "/w/omitama/projects/1-03-4",
            "/w/omitama/actors", "/w/omitama/actors/1", "/w/omitama/actors/3", "/w/omitama/matrix",
            "/w/omitama/indicators", "/w/omitama/chain-check", "/w/omitama/budgets", "/w/omitama/about",
            "/w/omitama/trace/challenge/2", "/w/omitama/trace/project/1-03-4", "/w/omitama/trace/policy-field/1",
            "/w/omitama/trace/measure/1-03", "/w/omitama/trace/step/b-3");

    private String english(ApiClient client, String path) {
        ApiClient.Answer page = client.get(path + (path.contains("?") ? "&" : "?") + "lang=en");
        assertEquals(200, page.status(), path);
        return Http.text(page.text());
    }

    /**
     * The English messages that take an argument, each as a pattern over a page's text: its words as they stand,
     * each argument one token. A message whose argument comes out as a bare level name has spliced it into English.
     */
    private static final List<Pattern> PHRASES = phrases();

    private static List<Pattern> phrases() {
        java.util.Properties en = new java.util.Properties();
        try (var in = EnglishLevelNamesTest.class.getResourceAsStream("/messages_en.properties")) {
            en.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        List<Pattern> phrases = new ArrayList<>();
        for (String key : en.stringPropertyNames()) {
            String message = en.getProperty(key).replace("''", "'");
            String[] parts = message.split("\\{\\d+(,[^}]*)?\\}", -1);
            if (parts.length < 2 || !String.join(" ", parts).matches("(?s).*[A-Za-z]{2,}.*")) {
                continue;
            }
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    regex.append("(\\S+)");
                }
                String literal = parts[i].replaceAll("\\s+", " ");
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal));
                }
            }
            phrases.add(Pattern.compile(regex.toString()));
        }
        return phrases;
    }

    /** The phrases of {@code text} where a message got a Japanese level name for an argument. */
    private static List<String> spliced(String text) {
        List<String> found = new ArrayList<>();
        for (Pattern phrase : PHRASES) {
            Matcher m = phrase.matcher(text);
            while (m.find()) {
                for (int g = 1; g <= m.groupCount(); g++) {
                    if (LEVELS.contains(m.group(g))) {
                        found.add(m.group() + "  [" + phrase.pattern() + "]");
                    }
                }
            }
        }
        return found;
    }

    @Test
    void englishPagesOfTheSampleSpliceNoJapaneseLevelNameIntoAnEnglishPhrase() {
        List<String> found = new ArrayList<>();
        for (String path : PAGES) {
            spliced(english(api, path)).forEach(s -> found.add(path + ": …" + s + "…"));
        }
        assertEquals(List.of(), found);
        // the sample's workspace file gives its levels English labels, and they stand in their place
        String trace = english(api, "/w/omitama/trace/policy-field/1");
        assertTrue(trace.contains("Trace from Policy field 1"), "the trace names its start by the sample's label");
        assertFalse(trace.contains("level 1 item"));
        String budgets = english(api, "/w/omitama/budgets");
        assertTrue(budgets.contains("Per Policy field"));
        assertTrue(english(api, "/w/omitama/framework")
                .contains("Levels: Policy field → Basic direction → Measure → Project"));
        // and the Japanese pages keep the workspace's names
        String japanese = Http.text(api.get("/w/omitama/budgets?lang=ja").text());
        assertTrue(japanese.contains("政策分野"));
    }

    @Test
    void aLevelWithoutAnEnglishLabelIsCalledGenerically() {
        long version = db.read(c -> kusari.db.Sql.queryLong(c, "SELECT version FROM workspace WHERE slug = 'omitama'"));
        var saved = api.patch("/api/v1/workspaces/omitama", "{\"version\": " + version + ", \"levelsEn\": []}");
        assertEquals(200, saved.status(), saved.text());
        List<String> found = new ArrayList<>();
        for (String path : PAGES) {
            spliced(english(api, path)).forEach(s -> found.add(path + ": …" + s + "…"));
        }
        assertEquals(List.of(), found);
        assertTrue(english(api, "/w/omitama/trace/policy-field/1").contains("level 1 item 1"));
        assertTrue(english(api, "/w/omitama/budgets").contains("Per level 1 item"));
    }

    @Test
    void moreEnglishLabelsThanLevelsAreRefusedInWords() {
        long version = db.read(c -> kusari.db.Sql.queryLong(c, "SELECT version FROM workspace WHERE slug = 'omitama'"));
        var refused = api.patch("/api/v1/workspaces/omitama?lang=en", "{\"version\": " + version
                + ", \"levelsEn\": [\"a\", \"b\", \"c\", \"d\", \"e\"]}");
        assertEquals(400, refused.status(), refused.text());
        assertEquals("levelsEn", refused.body().get("fields").get(0).get("field").asText());
        assertEquals("Give at most one English label per level (4).",
                refused.body().get("fields").get(0).get("message").asText());
        assertEquals(List.of("Policy field", "Basic direction", "Measure", "Project"), db.read(c -> kusari.db.Sql.query(c,
                "SELECT label FROM framework_level_en ORDER BY depth", rs -> rs.getString(1))), "nothing was written");
    }

    @Test
    void aWorkspaceGivesItsLevelsEnglishLabelsThroughTheWritePath() {
        long version = db.read(c -> kusari.db.Sql.queryLong(c, "SELECT version FROM workspace WHERE slug = 'omitama'"));
        var saved = api.patch("/api/v1/workspaces/omitama", "{\"version\": " + version
                + ", \"levelsEn\": [\"strand\", \"direction\", \"measure\", \"project\"]}");
        assertEquals(200, saved.status(), saved.text());

        String trace = english(api, "/w/omitama/trace/policy-field/1");
        assertTrue(trace.contains("Trace from strand 1"), trace.substring(0, 300));
        String framework = english(api, "/w/omitama/framework");
        assertTrue(framework.contains("Levels: strand → direction → measure → project"));
        assertTrue(english(api, "/w/omitama/budgets").contains("Per strand"));
        assertEquals(List.of(), spliced(framework));
        // Japanese pages and the API still answer the workspace's own names
        assertTrue(Http.text(api.get("/w/omitama/framework?lang=ja").text()).contains("政策分野 → 基本的方向 → 施策 → 事業"));
        var api2 = api.get("/api/v1/workspaces/omitama");
        assertEquals("政策分野", api2.body().get("levels").get(0).asText());
        // the change is in the history, like every write
        String history = Http.text(api.get("/w/omitama/history?lang=ja").text());
        assertFalse(history.isBlank());
        long logged = db.read(c -> kusari.db.Sql.queryLong(c,
                "SELECT COUNT(*) FROM change_log WHERE entity = 'workspace' AND after_json LIKE '%\"strand\"%'"));
        assertEquals(1, logged, "one audit row holds the new labels");
    }
}
