package kusari.actor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import kusari.Http;
import kusari.TestApp;
import kusari.bench.SyntheticWorkspace;
import kusari.db.Database;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person sees of the actor pages when a workspace has more actors, personas and steps than a page holds:
 * one page of them, a sentence saying which part is shown, links to the rest, and a clear refusal of a page that
 * does not exist. Small synthetic workspaces: 120 actors × 60 personas, and 4 actors with over 50 steps each.
 */
class LargeWorkspacePagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static Database db;

    @BeforeAll
    static void generate() {
        db = TestApp.synthetic(dir.resolve("large.db"), "many", new SyntheticWorkspace.Size(60, 3, 10, 10, 10, 120, 2));
        SyntheticWorkspace.generate(db, "busy", new SyntheticWorkspace.Size(40, 5, 10, 10, 10, 4, 2));
    }

    private static Javalin app() {
        return TestApp.create(db);
    }

    @Test
    void theMatrixShowsOnePageOfActorsAndPersonasAndSaysSo() {
        JavalinTest.test(app(), (server, client) -> {
            String html = client.get("/w/many/matrix").body().string();
            assertEquals(100, Http.count(html, "data-testid=\"matrix-row\""));
            assertEquals(40, Http.all(html, "<th scope=\"col\" class=\"num\" data-persona=\"([^\"]+)\"").size());
            assertTrue(html.contains("担当 120 件のうち 1〜100 件目の行を表示しています（全 2 ページ中 1 ページ目）"), html);
            assertTrue(html.contains("ペルソナ 60 人のうち 1〜40 人目の列を表示しています"));
            assertTrue(html.contains("ペルソナが 60 人いて一度には表にできません。政策分野を選ぶと"),
                    "without a policy field the page asks for one");

            String next = Http.all(html, "href=\"([^\"]+)\" rel=\"next\" data-testid=\"matrix-next-actors\"").get(0)
                    .replace("&amp;", "&");
            String second = client.get(next).body().string();
            assertEquals(20, Http.count(second, "data-testid=\"matrix-row\""));
            assertTrue(second.contains("101〜120 件目"));

            String columns = client.get("/w/many/matrix?columnPage=2").body().string();
            assertEquals(20, Http.all(columns, "<th scope=\"col\" class=\"num\" data-persona=\"([^\"]+)\"").size());
            assertTrue(columns.contains("41〜60 人目"));
        });
    }

    @Test
    void aPageThatDoesNotExistIsRefusedNamingTheParameter() throws Exception {
        JavalinTest.test(app(), (server, client) -> {
            var beyond = client.get("/w/many/matrix?page=3");
            assertEquals(400, beyond.code());
            assertTrue(beyond.body().string().contains("page=3 のページはありません（全 2 ページ）"));
            assertEquals(400, client.get("/w/many/matrix?page=zero").code());
            var api = client.get("/api/v1/workspaces/many/matrix?columnPage=0");
            assertEquals(400, api.code());
            JsonNode body = JSON.readTree(api.body().string());
            assertEquals("columnPage", body.path("fields").path(0).path("field").asText(), body.toString());
        });
    }

    @Test
    void theMatrixApiAnswersOnePageWithTheCountsAndTheExportHoldsEveryActor() throws Exception {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode m = JSON.readTree(client.get("/api/v1/workspaces/many/matrix?page=2").body().string());
            assertEquals(120, m.path("actorPaging").path("total").asInt());
            assertEquals(2, m.path("actorPaging").path("page").asInt());
            assertEquals(20, m.path("rows").size());
            assertEquals(60, m.path("personaPaging").path("total").asInt());
            assertEquals(40, m.path("columns").size());

            String csv = client.get("/api/v1/workspaces/many/matrix.csv").body().string();
            String[] lines = csv.split("\r\n");
            assertEquals(121, lines.length, "the header and every actor, not one page");
            assertEquals(63, lines[0].split(",").length, "kind, actor, every persona and the total");
            assertTrue(client.get("/api/v1/workspaces/many/matrix.xlsx").body().string().startsWith("PK"));
        });
    }

    @Test
    void theDirectoryFindsNamesWhateverTheirWidth() {
        JavalinTest.test(app(), (server, client) -> {
            String html = client.get("/w/many/actors?q=" + java.net.URLEncoder.encode("担当１１",
                    java.nio.charset.StandardCharsets.UTF_8)).body().string();
            // 担当11 and 担当110 … 担当119
            assertEquals(11, Http.count(html, "data-testid=\"actor-row\""));
            assertTrue(html.contains("「担当１１」に一致する担当: 11 件"), html);
        });
    }

    @Test
    void aBusyActorsPageShowsFiftyStepsAPageAndCountsThemAll() throws Exception {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode actors = JSON.readTree(client.get("/api/v1/workspaces/busy/actors").body().string());
            JsonNode busiest = actors.get(0);
            for (JsonNode a : actors) {
                if (a.path("steps").asInt() > busiest.path("steps").asInt()) {
                    busiest = a;
                }
            }
            int steps = busiest.path("steps").asInt();
            assertTrue(steps > 50, "the synthetic actor has more steps than a page: " + steps);
            long id = busiest.path("id").asLong();
            String html = client.get("/w/busy/actors/" + id).body().string();
            assertEquals(50, Http.count(html, "data-testid=\"actor-step\""));
            assertTrue(html.contains("取り組むステップが " + steps + " か所あるため、50 か所ずつ表示しています。いまは 1〜50 か所目です"),
                    html);
            assertTrue(html.contains("data-testid=\"sum-steps\">" + steps + "<"), "the summary counts every step");
            int pages = (steps + 49) / 50;
            String last = client.get("/w/busy/actors/" + id + "?page=" + pages).body().string();
            assertEquals(steps - 50 * (pages - 1), Http.count(last, "data-testid=\"actor-step\""));
            assertEquals(400, client.get("/w/busy/actors/" + id + "?page=" + (pages + 1)).code());

            String csv = client.get("/api/v1/workspaces/busy/actors/" + id + "/steps.csv").body().string();
            assertTrue(csv.split("\r\n").length > 50, "the export holds every step, not one page");
        });
    }

    @Test
    void theDirectoryApiCountsActionsJourneysAndStepsOfEveryActor() throws Exception {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode actors = JSON.readTree(client.get("/api/v1/workspaces/busy/actors").body().string());
            assertEquals(4, actors.size());
            for (JsonNode a : actors) {
                long id = a.path("id").asLong();
                long actions = db.read(c -> kusari.db.Sql.queryLong(c,
                        "SELECT count(*) FROM action_actor WHERE actor_id = ?", id));
                long journeys = db.read(c -> kusari.db.Sql.queryLong(c, """
                        SELECT count(DISTINCT s.journey_id) FROM action_actor aa JOIN action x ON x.id = aa.action_id
                        JOIN step s ON s.id = x.step_id WHERE aa.actor_id = ?""", id));
                long steps = db.read(c -> kusari.db.Sql.queryLong(c, """
                        SELECT count(DISTINCT x.step_id) FROM action_actor aa JOIN action x ON x.id = aa.action_id
                        WHERE aa.actor_id = ?""", id));
                assertEquals(actions, a.path("actions").asLong(), a.toString());
                assertEquals(journeys, a.path("journeys").asLong(), a.toString());
                assertEquals(steps, a.path("steps").asLong(), a.toString());
            }
        });
    }

    @Test
    void theSampleShowsNoPaging() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            assertFalse(client.get("/w/omitama/matrix").body().string().contains("data-testid=\"matrix-pager\""));
            String list = client.get("/w/omitama/actors").body().string();
            long id = ActorSample.idOf(list, "健康増進課");
            assertFalse(client.get("/w/omitama/actors/" + id).body().string().contains("actor-steps-pager"));
        });
    }
}
