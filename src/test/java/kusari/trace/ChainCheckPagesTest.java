package kusari.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import kusari.Http;
import kusari.Kusari;
import kusari.TestApp;
import kusari.bench.SyntheticWorkspace;
import kusari.core.AppConfig;
import kusari.db.Database;
import kusari.db.Migrations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain check of a workspace too large to list on one page, over HTTP: the page says how many breaks there are
 * and that the list is paged, filters by kind and journey, and the API pages with limit and offset.
 */
class ChainCheckPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** 60 personas with a journey of 20 steps each: some 1,500 open breaks, 60 journeys. */
    private Javalin app() {
        Database db = Database.open(dir.resolve("large.db"));
        Migrations.apply(db);
        SyntheticWorkspace.generate(db, "bench", SyntheticWorkspace.Size.scaled(0.06));
        return Kusari.create(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false), db);
    }

    @Test
    void theChainCheckPageSaysHowManyBreaksThereAreAndPagesThem() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode api = JSON.readTree(client.get("/api/v1/workspaces/bench/chain-check?limit=1").body().string());
            long total = api.get("total").asLong();
            assertTrue(total > 400, "more than two pages: " + total);
            long pages = (total + 199) / 200;

            String first = client.get("/w/bench/chain-check").body().string();
            assertTrue(first.contains("data-testid=\"open-breaks\">" + total + "<"));
            String notice = Http.all(first, "data-testid=\"page-notice\">(.*?)</p>").get(0);
            assertTrue(notice.startsWith("未対応の切れ目 " + String.format(java.util.Locale.ROOT, "%,d", total) + " 件のうち 1〜200 件目を表示しています"),
                    notice);
            assertTrue(notice.contains("ページ 1/" + pages), notice);
            assertEquals(200, Http.count(first, "data-testid=\"break\""));
            assertTrue(first.contains("rel=\"next\" href=\"/w/bench/chain-check?page=2\""));
            assertFalse(first.contains("rel=\"prev\""));

            String second = client.get("/w/bench/chain-check?page=2").body().string();
            assertTrue(Http.text(second).contains("201〜400 件目"));
            assertTrue(second.contains("rel=\"prev\" href=\"/w/bench/chain-check\""));

            String past = client.get("/w/bench/chain-check?page=" + (pages + 1)).body().string();
            assertTrue(Http.text(past).contains("ページ " + (pages + 1) + " はありません（全" + pages + "ページ"));
            assertEquals(0, Http.count(past, "data-testid=\"break\""));

            var bad = client.get("/w/bench/chain-check?page=zwei");
            assertEquals(400, bad.code());
            assertTrue(Http.text(bad.body().string()).contains("page は1以上の整数で指定してください（指定された値: 「zwei」）"));
            assertEquals(400, client.get("/w/bench/chain-check?page=0").code());
        });
    }

    @Test
    void theListNarrowsToOneKindOrOneJourney() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode api = JSON.readTree(client.get("/api/v1/workspaces/bench/chain-check?limit=1").body().string());
            long gaps = api.get("counts").get("HANDOFF_GAP").asLong();

            String html = client.get("/w/bench/chain-check?kind=HANDOFF_GAP").body().string();
            assertTrue(Http.text(html).contains("「担当の引き継ぎが途切れる」の切れ目だけを表示しています。"));
            assertEquals(Math.min(200, gaps), Http.count(html, "data-testid=\"break\""));
            assertEquals(Math.min(200, gaps), Http.count(html, "data-kind=\"HANDOFF_GAP\" data-key="));
            assertTrue(html.contains("href=\"/w/bench/chain-check\">すべての点検項目を表示"));

            var unknown = client.get("/w/bench/chain-check?kind=NOPE");
            assertEquals(400, unknown.code());
            assertTrue(Http.text(unknown.body().string()).contains("点検項目「NOPE」はありません"));

            // 60 journeys: a drop-down instead of 60 chips, and only the 50 lowest scores
            assertTrue(html.contains("data-testid=\"journey-menu\""));
            assertEquals(60, Http.count(html, "<option value=\"j"));
            assertTrue(Http.text(html).contains("体験鎖 60 本のうち、スコアの低い 50 本を表示しています。"));
            assertEquals(50, Http.count(html, "data-testid=\"chain-score\""));

            String journey = client.get("/w/bench/chain-check?journey=j3").body().string();
            assertEquals(1, Http.count(journey, "data-testid=\"chain-score\""));
            assertFalse(journey.contains("data-testid=\"page-notice\""), "one journey's breaks fit on a page");
        });
    }

    @Test
    void theApiAnswersCountsAndAPageOfBreaks() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode all = JSON.readTree(client.get("/api/v1/workspaces/bench/chain-check").body().string());
            long total = all.get("total").asLong();
            assertEquals(0, all.get("offset").asInt());
            assertEquals(500, all.get("limit").asInt());
            assertEquals(Math.min(500, total), all.get("breaks").size());
            long summed = 0;
            for (JsonNode n : all.get("counts")) {
                summed += n.asLong();
            }
            assertEquals(total, summed, "the counts per kind add up to the total");

            JsonNode page = JSON.readTree(client.get("/api/v1/workspaces/bench/chain-check?limit=10&offset=5")
                    .body().string());
            assertEquals(10, page.get("breaks").size());
            assertEquals(total, page.get("total").asLong());
            for (int i = 0; i < 10; i++) {
                assertEquals(all.get("breaks").get(5 + i).get("key"), page.get("breaks").get(i).get("key"));
            }
            JsonNode end = JSON.readTree(client.get("/api/v1/workspaces/bench/chain-check?offset=" + total)
                    .body().string());
            assertEquals(0, end.get("breaks").size(), "past the end: an empty page, the total unchanged");
            assertEquals(total, end.get("total").asLong());

            JsonNode kind = JSON.readTree(client.get("/api/v1/workspaces/bench/chain-check?kind=PROJECT_NO_LEAD")
                    .body().string());
            assertEquals("PROJECT_NO_LEAD", kind.get("kind").asText());
            assertEquals(kind.get("counts").get("PROJECT_NO_LEAD").asLong(), kind.get("total").asLong());
            for (JsonNode b : kind.get("breaks")) {
                assertEquals("PROJECT_NO_LEAD", b.get("kind").asText());
            }

            for (String wrong : new String[] {"limit=0", "limit=1001", "limit=ten", "offset=-1", "offset=x", "kind=NOPE"}) {
                var res = client.get("/api/v1/workspaces/bench/chain-check?" + wrong);
                assertEquals(400, res.code(), wrong);
                JsonNode err = JSON.readTree(res.body().string());
                assertEquals(wrong.substring(0, wrong.indexOf('=')), err.get("fields").get(0).get("field").asText(),
                        "the error names the parameter: " + wrong);
            }
            String limitMessage = JSON.readTree(client.get("/api/v1/workspaces/bench/chain-check?limit=5000")
                    .body().string()).get("message").asText();
            assertTrue(limitMessage.contains("limit は1〜1,000の整数で指定してください"), limitMessage);
        });
    }

    @Test
    void theHomePageCountsTheBreaksAndShowsTheFirstPersonas() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode api = JSON.readTree(client.get("/api/v1/workspaces/bench/chain-check?limit=1").body().string());
            String home = client.get("/w/bench").body().string();
            String glance = Http.text(home.substring(home.indexOf("data-testid=\"home-chain\"")));
            assertTrue(glance.contains("未対応の切れ目 " + String.format(java.util.Locale.ROOT, "%,d", api.get("total").asLong()) + " 件"), glance);
            assertTrue(home.contains("href=\"/w/bench/chain-check?kind=HANDOFF_GAP#kind-HANDOFF_GAP\""));
            assertTrue(glance.contains("60本のうちスコアの低い8本"), glance);

            assertTrue(Http.text(home).contains("ペルソナ 60 人のうち、最初の 48 人を表示しています。"));
            assertEquals(48, Http.count(home, "data-testid=\"persona-card\""));
        });
    }
}
