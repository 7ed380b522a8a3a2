package kusari;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import kusari.bench.SyntheticWorkspace;
import kusari.db.Database;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lists of a workspace larger than a page holds: the budgets' roll-ups and project list, the framework, the challenge
 * and persona lists show one part and say which, a page that does not exist is refused naming its parameter, and the
 * API's lists answer a part with the whole count. A small synthetic workspace: 210 personas, 250 challenges, 2,100
 * projects, 1,100 indicators.
 */
class BoundedPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static Database db;

    @BeforeAll
    static void generate() {
        db = TestApp.synthetic(dir.resolve("bounded.db"), "big", new SyntheticWorkspace.Size(210, 2, 250, 2_100, 1_100, 4, 3));
    }

    private static Javalin app() {
        return TestApp.create(db);
    }

    @Test
    void theBudgetsShowOnePageOfProjectsAndOfEachRollUpWithTheTotalsWhole() {
        JavalinTest.test(app(), (server, client) -> {
            String html = client.get("/w/big/budgets").body().string();
            String text = Http.text(html);
            assertEquals(200, Http.count(html, "data-testid=\"project-budget\""));
            assertTrue(text.contains("事業が 2,100 件あるため、200 件ずつ表示しています。いまは 1〜200 件目です（全 11 ページ中 1 ページ目）"),
                    text);
            assertTrue(text.contains("250 行あるため、100 行ずつ表示しています。いまは 1〜100 行目です（全 3 ページ中 1 ページ目）"),
                    "the challenges' roll-up is paged");
            assertTrue(html.contains("data-testid=\"total-row\""), "the totals stay");
            String last = client.get("/w/big/budgets?page=11").body().string();
            assertEquals(100, Http.count(last, "data-testid=\"project-budget\""));
            String rows = Http.text(client.get("/w/big/budgets?challengePage=3").body().string());
            assertTrue(rows.contains("いまは 201〜250 行目です"), rows);
            var beyond = client.get("/w/big/budgets?page=12");
            assertEquals(400, beyond.code());
            assertTrue(Http.text(beyond.body().string()).contains("page=12 のページはありません（全 11 ページ）"));
            assertEquals(400, client.get("/w/big/budgets?personaPage=x").code());
        });
    }

    @Test
    void aLargeFrameworkIsShownOneTopLevelItemAtATime() {
        JavalinTest.test(app(), (server, client) -> {
            String html = client.get("/w/big/framework").body().string();
            assertTrue(html.contains("data-testid=\"framework-part\""), "it says that a part is shown");
            assertTrue(Http.text(html).contains("政策分野ごとに表示しています"), Http.text(html));
            java.util.List<String> fields = Http.all(html, "<section class=\"fw-node depth-1\"[^>]*data-code=\"([^\"]+)\"");
            assertEquals(1, fields.size(), "one policy field");
            java.util.List<String> others = Http.all(html, "href=\"/w/big/framework\\?field=([^\"]+)\"");
            assertEquals(2, others.size(), "the contents link to the two others");
            String second = client.get("/w/big/framework?field=" + others.get(0)).body().string();
            assertEquals(java.util.List.of(others.get(0)),
                    Http.all(second, "<section class=\"fw-node depth-1\"[^>]*data-code=\"([^\"]+)\""));
            String deep = Http.all(second, "<section class=\"fw-node depth-2\"[^>]*data-code=\"([^\"]+)\"").get(0);
            String linked = client.get("/w/big/framework?node=" + deep).body().string();
            assertEquals(java.util.List.of(others.get(0)),
                    Http.all(linked, "<section class=\"fw-node depth-1\"[^>]*data-code=\"([^\"]+)\""),
                    "a link to a deeper item opens the policy field holding it");
            var unknown = client.get("/w/big/framework?field=nowhere");
            assertEquals(400, unknown.code());
            assertTrue(Http.text(unknown.body().string()).contains("政策分野「nowhere」はありません"));
        });
    }

    @Test
    void theChallengeAndPersonaListsArePagedAndSaySo() {
        JavalinTest.test(app(), (server, client) -> {
            String challenges = client.get("/w/big/challenges").body().string();
            assertEquals(200, Http.count(challenges, "data-testid=\"challenge-row\""));
            assertTrue(Http.text(challenges).contains("課題が 250 件あるため、200 件ずつ表示しています。いまは 1〜200 件目です"));
            assertEquals(50, Http.count(client.get("/w/big/challenges?page=2").body().string(),
                    "data-testid=\"challenge-row\""));
            assertEquals(400, client.get("/w/big/challenges?page=3").code());

            String personas = client.get("/w/big/personas").body().string();
            assertEquals(200, Http.count(personas, "data-testid=\"persona-card\""));
            assertTrue(Http.text(personas).contains("ペルソナが 210 人いるため、200 人ずつ表示しています。いまは 1〜200 人目です"));
            assertEquals(10, Http.count(client.get("/w/big/personas?page=2").body().string(),
                    "data-testid=\"persona-card\""));
            assertEquals(400, client.get("/w/big/personas?page=0").code());
        });
    }

    private static String header(io.javalin.testtools.Response answer, String name) {
        java.util.List<String> values = answer.headers().get(name);
        return values == null ? null : values.stream().findFirst().orElse(null);
    }

    @Test
    void theApiListsAnswerAPartWithTheWholeCount() {
        JavalinTest.test(app(), (server, client) -> {
            var first = client.get("/api/v1/workspaces/big/indicators");
            assertEquals("1100", header(first, "X-Total-Count"));
            assertEquals(1000, JSON.readTree(first.body().string()).size(), "the default limit");
            assertEquals("</api/v1/workspaces/big/indicators?limit=1000&offset=1000>; rel=\"next\"", header(first, "Link"));
            var rest = client.get("/api/v1/workspaces/big/indicators?limit=1000&offset=1000");
            assertEquals(100, JSON.readTree(rest.body().string()).size());
            assertNull(header(rest, "Link"), "no part after the last");

            var projects = client.get("/api/v1/workspaces/big/projects?limit=5&offset=10");
            JsonNode p = JSON.readTree(projects.body().string());
            assertEquals(5, p.size());
            assertEquals("2100", header(projects, "X-Total-Count"));
            assertTrue(p.get(0).path("parentCode").isTextual(), "each project names its measure: " + p);
            assertEquals(3, JSON.readTree(client.get("/api/v1/workspaces/big/challenges?limit=3").body().string()).size());
            assertEquals("210", header(client.get("/api/v1/workspaces/big/personas?limit=1"), "X-Total-Count"));
            for (String list : java.util.List.of("actors")) {
                var whole = client.get("/api/v1/workspaces/big/" + list + "?limit=5000");
                int all = JSON.readTree(whole.body().string()).size();
                assertTrue(all > 2, list + ": " + all);
                assertEquals(String.valueOf(all), header(whole, "X-Total-Count"), list);
                var part = client.get("/api/v1/workspaces/big/" + list + "?limit=1&offset=1");
                assertEquals(1, JSON.readTree(part.body().string()).size(), list);
                assertEquals("</api/v1/workspaces/big/" + list + "?limit=1&offset=2>; rel=\"next\"", header(part, "Link"), list);
            }

            var tree = client.get("/api/v1/workspaces/big/framework");
            JsonNode fields = JSON.readTree(tree.body().string());
            assertEquals(1, fields.size(), "a large framework: one policy field at a time");
            assertEquals("3", header(tree, "X-Total-Count"));
            String next = header(tree, "Link");
            assertTrue(next != null && next.startsWith("</api/v1/workspaces/big/framework?field="), next);
            String nextField = next.substring(next.indexOf("field=") + 6, next.indexOf('>'));
            JsonNode second = JSON.readTree(client.get("/api/v1/workspaces/big/framework?field=" + nextField).body().string());
            assertEquals(nextField, second.get(0).path("code").asText());
            assertEquals(400, client.get("/api/v1/workspaces/big/framework?field=nowhere").code());

            var bad = client.get("/api/v1/workspaces/big/indicators?limit=0");
            assertEquals(400, bad.code());
            JsonNode body = JSON.readTree(bad.body().string());
            assertEquals("limit", body.path("fields").path(0).path("field").asText(), body.toString());
            assertTrue(body.path("fields").path(0).path("message").asText().contains("1〜5,000の整数"), body.toString());
            assertEquals(400, client.get("/api/v1/workspaces/big/personas?offset=-1").code());
            assertEquals(400, client.get("/api/v1/workspaces/big/projects?limit=many").code());
        });
    }
}
