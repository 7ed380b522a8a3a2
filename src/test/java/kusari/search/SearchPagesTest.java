package kusari.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import kusari.Http;
import kusari.TestApp;
import org.junit.jupiter.api.Test;

/** The search page and its JSON over HTTP, on the sample. */
class SearchPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void theApiAnswersRankedResultsWithKindKeyTitleSnippetAndLink() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            var res = client.get("/api/v1/workspaces/omitama/search?q=" + q("子育てアプリ"));
            assertEquals(200, res.code());
            JsonNode body = JSON.readTree(res.body().string());
            assertTrue(body.get("total").asInt() >= 1);
            JsonNode first = body.get("results").get(0);
            for (String field : new String[] {"kind", "key", "title", "snippet", "href"}) {
                assertTrue(first.has(field), field + " in " + first);
            }
            boolean challenge = false;
            for (JsonNode r : body.get("results")) {
                if (r.get("kind").asText().equals("challenge") && r.get("key").asText().equals("2")) {
                    challenge = true;
                    assertEquals("/w/omitama/challenges/2", r.get("href").asText());
                }
            }
            assertTrue(challenge, body.toString());
            // the link leads to the place
            assertEquals(200, client.get(first.get("href").asText()).code());
        });
    }

    @Test
    void oneCharacterIsEnoughAndLimitAndOffsetPage() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            JsonNode all = JSON.readTree(client.get("/api/v1/workspaces/omitama/search?q=" + q("課") + "&limit=100")
                    .body().string());
            int total = all.get("total").asInt();
            assertTrue(total > 10, all.toString());
            JsonNode second = JSON.readTree(client.get("/api/v1/workspaces/omitama/search?q=" + q("課")
                    + "&limit=5&offset=5").body().string());
            assertEquals(5, second.get("results").size());
            assertEquals(all.get("results").get(5).get("href"), second.get("results").get(0).get("href"));
        });
    }

    @Test
    void badQueriesGetAMessageNotAnError() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            var empty = client.get("/api/v1/workspaces/omitama/search?q=");
            assertEquals(400, empty.code());
            assertTrue(empty.body().string().contains("検索する言葉を入れてください"));
            var limit = client.get("/api/v1/workspaces/omitama/search?q=abc&limit=1000");
            assertEquals(400, limit.code());
            assertTrue(limit.body().string().contains("limit は1〜100の整数で指定してください（指定された値: 「1000」）"));
            var offset = client.get("/w/omitama/search?q=abc&offset=zwei");
            assertEquals(422, offset.code());
            assertTrue(Http.text(offset.body().string()).contains("offset は0以上の整数で指定してください（指定された値: 「zwei」）"),
                    "the page names the parameter and what was given");
            var tooLong = client.get("/w/omitama/search?q=" + q("あ".repeat(101)));
            assertEquals(422, tooLong.code());
            assertTrue(tooLong.body().string().contains("検索する言葉は100文字までです。"));
            // rawGet: the test client keeps cookies across tests, and ?lang=en would stay with it
            var english = Http.rawGet(server.port(), "/w/omitama/search?lang=en&q=" + q("あ".repeat(101)));
            assertTrue(english.body().contains("Search for at most 100 characters."));
        });
    }

    @Test
    void thePageGroupsByKindMarksTheMatchAndEscapes() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            String html = client.get("/w/omitama/search?q=" + q("民泊")).body().string();
            assertTrue(html.contains("<mark>民泊</mark>"), "the match is marked");
            assertTrue(Http.count(html, "data-testid=\"search-group\"") >= 2, "grouped by kind");
            assertTrue(html.contains("data-kind=\"step\""));
            assertTrue(html.contains("name=\"q\" value=\"民泊\""), "the query stays in the box");
            String script = client.get("/w/omitama/search?q=" + q("<script>x")).body().string();
            assertTrue(!script.contains("<script>x") && script.contains("&lt;script&gt;x"), "the query is escaped");
            String none = client.get("/w/omitama/search?q=" + q("存在しない言葉かささぎ")).body().string();
            assertTrue(none.contains("data-testid=\"search-none\""));
        });
    }

    @Test
    void everyPageOfAWorkspaceHasTheSearchBoxInItsHeader() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            String html = client.get("/w/omitama/challenges").body().string();
            assertTrue(html.contains("class=\"site-search\""));
            assertTrue(html.contains("action=\"/w/omitama/search\""));
        });
    }
}
