package kusari.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kusari.core.AppConfig;
import kusari.Http;
import kusari.TestApp;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.Kusari;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trace pages, the chain check and the budget roll-ups over HTTP. */
class TracePagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "test-csrf-token-0123456789abcdef";

    @TempDir
    Path dir;

    private static Set<String> matches(String html, String regex) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile(regex).matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void theTraceFromChallenge2DrawsTheSameNodesInTheDiagramAndTheTable() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            var res = client.get("/w/omitama/trace/challenge/2");
            assertEquals(200, res.code());
            String html = res.body().string();
            String svg = html.substring(html.indexOf("<svg class=\"trace-diagram\""), html.indexOf("</svg>", html.indexOf("trace-diagram")));
            String table = html.substring(html.indexOf("data-testid=\"trace-table\""));
            Set<String> drawn = matches(svg, "<a href=\"[^\"]*\" class=\"node-link\" data-node=\"([^\"]+)\"");
            Set<String> listed = matches(table, "<tr data-node=\"([^\"]+)\"");
            assertFalse(drawn.isEmpty());
            assertEquals(listed, drawn, "the table lists exactly what the diagram draws");
            assertTrue(svg.contains("href=\"/w/omitama/trace/project/1-03-4\""), "each node links to its own trace");
            assertTrue(svg.contains("1-03-4"));
            assertTrue(Http.text(table).contains("出産子育て情報アプリ利用促進事業"));
            assertTrue(Http.text(table).contains("合計特殊出生率"), "a goal indicator of policy field 1");
            assertTrue(html.contains("href=\"/api/v1/workspaces/omitama/trace/challenge/2\""), "the same trace as JSON");
            assertEquals(Http.count(svg, "class=\"edge\""), Http.count(svg, "<path "), "edges are paths");
        });
    }

    @Test
    void theJsonApiReturnsTheSameTraceAsThePage() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            String html = client.get("/w/omitama/trace/project/1-03-4").body().string();
            JsonNode json = JSON.readTree(client.get("/api/v1/workspaces/omitama/trace/project/1-03-4").body().string());
            assertEquals("project", json.get("kind").asText());
            assertEquals("1-03-4", json.get("id").asText());
            Set<String> keys = new TreeSet<>();
            List<String> personas = new ArrayList<>();
            for (JsonNode column : json.get("columns")) {
                for (JsonNode n : column.get("nodes")) {
                    keys.add(n.get("key").asText());
                    if (n.get("layer").asText().equals("PERSONA")) {
                        personas.add(n.get("title").asText());
                    }
                }
            }
            assertEquals(matches(html, "<tr data-node=\"([^\"]+)\""), keys);
            assertEquals(List.of("Bさん"), personas);
            assertTrue(json.get("reach").get("troubledSteps").size() > 0);
            assertTrue(json.get("edges").size() >= keys.size() - 1, "a connected trace");
        });
    }

    @Test
    void anUnknownKindOrStartIsA404InTheUsersLanguage() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            var kind = client.get("/w/omitama/trace/persona/b");
            assertEquals(404, kind.code());
            assertTrue(kind.body().string().contains("「persona」からは追跡できません"));
            var step = client.get("/w/omitama/trace/step/b-99");
            assertEquals(404, step.code());
            assertTrue(step.body().string().contains("ステップ「b-99」は見つかりません。"));
            var api = client.get("/api/v1/workspaces/omitama/trace/challenge/99");
            assertEquals(404, api.code());
            JsonNode body = JSON.readTree(api.body().string());
            assertEquals(404, body.get("status").asInt());
            assertTrue(body.get("message").asText().contains("課題「99」は見つかりません"));
        });
    }

    @Test
    void existingPagesLinkToTraces() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            assertTrue(client.get("/w/omitama/challenges/2").body().string()
                    .contains("href=\"/w/omitama/trace/challenge/2\""));
            assertTrue(client.get("/w/omitama/projects/1-03-4").body().string()
                    .contains("href=\"/w/omitama/trace/project/1-03-4\""));
            String map = client.get("/w/omitama/journeys/b").body().string();
            assertTrue(map.contains("href=\"/w/omitama/trace/step/b-1\""));
            assertTrue(map.contains("href=\"/w/omitama/trace/step/b-7\""));
            assertTrue(map.contains("href=\"/w/omitama/chain-check?journey=b\""), "the journey's breaks and score");
            String framework = client.get("/w/omitama/framework").body().string();
            assertTrue(framework.contains("href=\"/w/omitama/trace/policy-field/1\""));
            assertTrue(framework.contains("href=\"/w/omitama/trace/measure/1-03\""));
            assertTrue(framework.contains("href=\"/w/omitama/trace/indicator/"), "goal indicators link to their trace");
        });
    }

    @Test
    void theChainCheckPageAndApiReportTheSamplesBreaks() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            String html = client.get("/w/omitama/chain-check").body().string();
            JsonNode api = JSON.readTree(client.get("/api/v1/workspaces/omitama/chain-check").body().string());
            int open = api.get("breaks").size();
            assertTrue(open > 0);
            assertTrue(html.contains("data-testid=\"open-breaks\">" + open + "<"), "the page counts what the API lists");
            assertEquals(8, api.get("journeys").size(), "a score for each of the eight journeys");
            JsonNode first = api.get("breaks").get(0);
            assertFalse(first.get("message").asText().isBlank());
            assertFalse(first.get("mend").asText().isBlank());
            assertTrue(first.get("href").asText().startsWith("/w/omitama/"));
            assertTrue(api.get("journeys").get(0).get("explanation").asText().contains("件の点検のうち"));

            String b = client.get("/w/omitama/chain-check?journey=b").body().string();
            assertTrue(b.contains("妊娠から子育て広場まで"));
            assertEquals(404, client.get("/w/omitama/chain-check?journey=zz").code());

            String home = client.get("/w/omitama").body().string();
            String glance = home.substring(home.indexOf("data-testid=\"home-chain\""));
            assertTrue(Http.text(glance).contains("未対応の切れ目 " + open + " 件"), Http.text(glance).substring(0, 80));
            assertTrue(glance.contains("href=\"/w/omitama/chain-check\""));
        });
    }

    // --- writes, on a database of their own ---

    /** The signed-in planner's session cookie of the fresh app. */
    private static String session;

    private Javalin freshApp() {
        Database db = TestApp.freshSampleDatabase(dir);
        session = TestApp.adminCookie(db);
        return Kusari.create(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false), db);
    }

    private static HttpResponse<String> post(int port, String path, String contentType, String body, boolean withToken) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (withToken) {
                b.header("Cookie", "kusari_csrf=" + TOKEN + (session == null ? "" : "; " + session));
                if (contentType.startsWith("application/json")) {
                    b.header("X-CSRF-Token", TOKEN);
                }
            }
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(String... pairs) {
        StringBuilder s = new StringBuilder("_csrf=" + TOKEN);
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            s.append('&').append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return s.toString();
    }

    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void aPlannerDismissesABreakWithAReasonAndUndoesIt() {
        JavalinTest.test(freshApp(), (server, client) -> {
            int port = server.port();
            JsonNode before = JSON.readTree(client.get("/api/v1/workspaces/omitama/chain-check").body().string());
            String key = before.get("breaks").get(0).get("key").asText();

            var refused = post(port, "/w/omitama/chain-check/dismissals", FORM, form("key", key, "reason", "  "), true);
            assertEquals(422, refused.statusCode());
            String anchor = "break-" + key.replace(':', '-');
            String item = refused.body().substring(refused.body().indexOf("id=\"" + anchor + "\""));
            item = item.substring(0, item.indexOf("</li>"));
            assertTrue(item.contains("data-testid=\"field-error\">見送る理由を書いてください。<"), "the message sits with that break");

            assertEquals(403, post(port, "/w/omitama/chain-check/dismissals", FORM,
                    "key=" + key + "&reason=x", false).statusCode(), "no CSRF token, no change");

            var done = post(port, "/w/omitama/chain-check/dismissals", FORM,
                    form("key", key, "reason", "県の事業で対応済み <b>"), true);
            assertEquals(303, done.statusCode());
            assertEquals("/w/omitama/chain-check#dismissed-heading", done.headers().firstValue("Location").orElse(""),
                    "back to the report, where the dismissal is listed");

            String page = client.get("/w/omitama/chain-check").body().string();
            String dismissed = page.substring(page.indexOf("data-testid=\"chain-dismissed\""));
            assertTrue(dismissed.contains("県の事業で対応済み &lt;b&gt;"), "the reason is shown, escaped");
            JsonNode after = JSON.readTree(client.get("/api/v1/workspaces/omitama/chain-check").body().string());
            assertEquals(before.get("breaks").size() - 1, after.get("breaks").size());
            long id = after.get("dismissed").get(0).get("dismissal").get("id").asLong();

            var undo = post(port, "/w/omitama/chain-check/dismissals/" + id + "/undo", FORM, form(), true);
            assertEquals(303, undo.statusCode());
            JsonNode undone = JSON.readTree(client.get("/api/v1/workspaces/omitama/chain-check").body().string());
            assertEquals(before.get("breaks").size(), undone.get("breaks").size());
            String history = client.get("/w/omitama/chain-check").body().string();
            assertTrue(history.contains("取り消し済み"), "the undone dismissal stays in the history");
            assertEquals(404, post(port, "/w/omitama/chain-check/dismissals/" + id + "/undo", FORM, form(), true).statusCode());
        });
    }

    @Test
    void theApiRefusesADismissalWithoutAReasonWithA400() {
        JavalinTest.test(freshApp(), (server, client) -> {
            int port = server.port();
            JsonNode report = JSON.readTree(client.get("/api/v1/workspaces/omitama/chain-check").body().string());
            String key = report.get("breaks").get(0).get("key").asText();
            String path = "/api/v1/workspaces/omitama/chain-check/dismissals";

            var blank = post(port, path, "application/json", "{\"key\": \"" + key + "\", \"reason\": \"\"}", true);
            assertEquals(400, blank.statusCode());
            JsonNode err = JSON.readTree(blank.body());
            assertEquals(400, err.get("status").asInt());
            assertEquals("reason", err.get("fields").get(0).get("field").asText());
            assertTrue(err.get("message").asText().contains("見送る理由を書いてください"));

            assertEquals(400, post(port, path, "application/json", "not json", true).statusCode());
            assertEquals(400, post(port, path, "application/json", "{\"key\": \"NOPE\", \"reason\": \"r\"}", true).statusCode());

            var ok = post(port, path, "application/json", "{\"key\": \"" + key + "\", \"reason\": \"理由\"}", true);
            assertEquals(201, ok.statusCode());
            assertTrue(JSON.readTree(ok.body()).get("id").asLong() > 0);
        });
    }

    @Test
    void checksSwitchedOffInTheSettingsDisappearFromTheReport() {
        JavalinTest.test(freshApp(), (server, client) -> {
            StringBuilder body = new StringBuilder(form());
            for (BreakKind k : BreakKind.values()) {
                if (k != BreakKind.INDICATOR_NO_ACTUAL) {
                    body.append("&check=").append(k.name());
                }
            }
            var res = post(server.port(), "/w/omitama/chain-check/settings", FORM, body.toString(), true);
            assertEquals(303, res.statusCode());
            JsonNode report = JSON.readTree(client.get("/api/v1/workspaces/omitama/chain-check").body().string());
            for (JsonNode b : report.get("breaks")) {
                assertFalse(b.get("kind").asText().equals("INDICATOR_NO_ACTUAL"));
            }
            String page = client.get("/w/omitama/chain-check").body().string();
            assertTrue(page.contains("value=\"INDICATOR_NO_ACTUAL\">"), "unchecked");
            assertTrue(page.contains("value=\"HANDOFF_GAP\" checked>"), "still checked");
        });
    }

    @Test
    void budgetRollupsCountASharedProjectOnceAndSaySo() {
        Database db = TestApp.freshSampleDatabase(dir);
        // 1-03-4 answers 課題2 only; 2-01-1 answers 課題4 and 課題5 (shared).
        db.inTransaction(c -> {
            for (String code : List.of("1-03-4", "2-01-1")) {
                long id = Sql.queryLong(c, "SELECT id FROM project WHERE code = ?", code);
                Sql.update(c, "INSERT INTO budget (project_id, fiscal_year, thousand_yen) VALUES (?, 2020, ?)", id,
                        code.equals("1-03-4") ? 1200 : 3000);
            }
            return null;
        });
        JavalinTest.test(Kusari.create(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false), db), (server, client) -> {
            JsonNode rollups = JSON.readTree(client.get("/api/v1/workspaces/omitama/budgets").body().string());
            JsonNode byChallenge = rollups.get(0);
            assertEquals("CHALLENGE", byChallenge.get("by").asText());
            long rows = 0;
            for (JsonNode row : byChallenge.get("rows")) {
                rows += row.get("total").asLong();
                if (row.get("code").asText().equals("2")) {
                    assertEquals(1200, row.get("total").asLong());
                }
                if (row.get("code").asText().equals("4")) {
                    assertEquals(0, row.get("total").asLong(), "2-01-1 is shared, so not in 課題4's own row");
                    assertTrue(row.get("sharedProjects").asInt() >= 1);
                }
            }
            long shared = byChallenge.get("shared").get("total").asLong();
            long unassigned = byChallenge.get("unassigned") == null || byChallenge.get("unassigned").isNull() ? 0
                    : byChallenge.get("unassigned").get("total").asLong();
            assertTrue(shared >= 3000);
            assertEquals(4200, byChallenge.get("total").get("total").asLong(), "each project once");
            assertEquals(4200, rows + shared + unassigned, "the rows add up to the total");
            JsonNode byField = rollups.get(2);
            assertEquals(4200, byField.get("total").get("total").asLong());

            String html = client.get("/w/omitama/budgets").body().string();
            assertTrue(html.contains("二重に数えません"), "the page says how shared projects were treated");
            assertTrue(Http.text(html).contains("4,200"));
        });
    }
}
