package kusari.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import kusari.ApiClient;
import kusari.Kusari;
import kusari.TestApp;
import kusari.core.AppConfig;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.edit.EditApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journey editor over HTTP on a fresh copy of the sample: every write names its history entry so that it can
 * be undone in place, a new actor needs its kind, an empty journey offers its first step, and the presentation view.
 */
class JourneyEditorPagesTest {

    private static final String API = "/api/v1/workspaces/omitama";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Database db;
    Javalin app;
    String cookie;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        db = TestApp.freshSampleDatabase(dir);
        app = Kusari.create(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false), db).start(0);
        cookie = "kusari_csrf=" + ApiClient.CSRF + "; " + TestApp.adminCookie(db);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private HttpResponse<String> send(String method, String path, String body, String type) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .header("Cookie", cookie).header("X-CSRF-Token", ApiClient.CSRF).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> json(String method, String path, String body) {
        return send(method, path, body, "application/json");
    }

    private HttpResponse<String> form(String path, String... namesAndValues) {
        StringBuilder form = new StringBuilder("_csrf=" + ApiClient.CSRF);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.append('&').append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return send("POST", path, form.toString(), "application/x-www-form-urlencoded");
    }

    private HttpResponse<String> page(String path) {
        return send("GET", path, null, null);
    }

    private static JsonNode body(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long number(String sql, Object... params) {
        return db.read(c -> Sql.queryLong(c, sql, params));
    }

    private long step(String journey, int position) {
        return number("SELECT s.id FROM step s JOIN journey j ON j.id = s.journey_id WHERE j.slug = ? AND s.position = ?",
                journey, position);
    }

    private String title(long step) {
        return db.read(c -> Sql.queryOne(c, "SELECT title FROM step WHERE id = ?", rs -> rs.getString(1), step)).orElseThrow();
    }

    @Test
    void anEditNamesItsHistoryEntryAndRevertingThatEntryUndoesIt() {
        long id = step("b", 2);
        long version = body(json("GET", API + "/steps/" + id, null)).get("version").asLong();
        HttpResponse<String> saved = json("PATCH", API + "/steps/" + id, "{\"version\": " + version + ", \"title\": \"両親学級\"}");
        assertEquals(200, saved.statusCode());
        String change = saved.headers().firstValue(EditApi.CHANGE_HEADER).orElse(null);
        assertNotNull(change, "the edit names its history entry");
        assertEquals("両親学級", body(saved).get("title").asText(), "the body is still the step's state");
        assertEquals(200, json("POST", API + "/history/" + change + "/revert", null).statusCode());
        assertEquals("ハローベビー教室", title(id));

        long now = body(json("GET", API + "/steps/" + id, null)).get("version").asLong();
        HttpResponse<String> same = json("PATCH", API + "/steps/" + id, "{\"version\": " + now + ", \"title\": \"ハローベビー教室\"}");
        assertEquals(200, same.statusCode());
        assertTrue(same.headers().firstValue(EditApi.CHANGE_HEADER).isEmpty(), "nothing changed, nothing to undo");
    }

    @Test
    void anInsertAndAMoveNameTheirHistoryEntriesToo() {
        long journey = number("SELECT id FROM journey WHERE slug = 'b'");
        long steps = number("SELECT COUNT(*) FROM step WHERE journey_id = ?", journey);
        HttpResponse<String> inserted = json("POST", API + "/steps", "{\"journey\": " + journey + ", \"title\": \"新しいステップ\", \"index\": 1}");
        assertEquals(201, inserted.statusCode());
        String created = inserted.headers().firstValue(EditApi.CHANGE_HEADER).orElseThrow();
        assertEquals(steps + 1, number("SELECT COUNT(*) FROM step WHERE journey_id = ?", journey));
        assertEquals(200, json("POST", API + "/history/" + created + "/revert", null).statusCode());
        assertEquals(steps, number("SELECT COUNT(*) FROM step WHERE journey_id = ?", journey));

        long first = step("b", 1);
        HttpResponse<String> moved = json("POST", API + "/steps/" + first + "/move", "{\"index\": 2}");
        assertEquals(200, moved.statusCode());
        String move = moved.headers().firstValue(EditApi.CHANGE_HEADER).orElseThrow();
        assertEquals(first, step("b", 3));
        assertEquals(200, json("POST", API + "/history/" + move + "/revert", null).statusCode());
        assertEquals(first, step("b", 1));
    }

    @Test
    void aNewActorIsFiledOnlyWithTheKindThePersonChose() {
        long id = step("b", 4);
        long actors = number("SELECT COUNT(*) FROM actor");
        HttpResponse<String> refused = form("/w/omitama/journeys/b/steps/" + id + "/actions",
                "actor", "子育てNPOひだまり", "text", "訪問の前に手紙を届ける");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("「子育てNPOひだまり」は登録されていない担当です。新しい担当として登録するなら、行政か行政以外かを選んでください。"),
                refused.body());
        assertEquals(actors, number("SELECT COUNT(*) FROM actor"), "no actor filed by default");

        HttpResponse<String> added = form("/w/omitama/journeys/b/steps/" + id + "/actions",
                "actor", "子育てNPOひだまり", "text", "訪問の前に手紙を届ける", "kind", "PARTNER");
        assertEquals(303, added.statusCode());
        String location = added.headers().firstValue("Location").orElseThrow();
        assertTrue(location.matches("/w/omitama/journeys/b/edit\\?newActor=\\d+&done=\\d+"), location);
        assertEquals("PARTNER", db.read(c -> Sql.queryOne(c, "SELECT kind FROM actor WHERE name = '子育てNPOひだまり'",
                rs -> rs.getString(1))).orElseThrow());

        // an actor already known needs no kind, and none is created
        HttpResponse<String> known = form("/w/omitama/journeys/b/steps/" + id + "/actions", "actor", "健康増進課", "text", "訪問日を前もって知らせる");
        assertEquals(303, known.statusCode());
        assertFalse(known.headers().firstValue("Location").orElseThrow().contains("newActor"));
        assertEquals(actors + 1, number("SELECT COUNT(*) FROM actor"));
    }

    @Test
    void anEmptyJourneyOffersItsFirstStepInsteadOfAnEmptyTable() {
        db.inTransaction(c -> Sql.update(c, "INSERT INTO journey (workspace_id, persona_id, slug, title)"
                + " SELECT p.workspace_id, p.id, 'b-new', '二人目の出産' FROM persona p JOIN workspace w ON w.id = p.workspace_id"
                + " WHERE w.slug = 'omitama' AND p.slug = 'b'"));
        HttpResponse<String> editor = page("/w/omitama/journeys/b-new/edit");
        assertEquals(200, editor.statusCode());
        assertTrue(editor.body().contains("data-testid=\"add-first-step\""));
        assertTrue(editor.body().contains("最初のステップを追加"));
        assertFalse(editor.body().contains("class=\"journey-map\""), "no table of zero columns");
        HttpResponse<String> view = page("/w/omitama/journeys/b-new");
        assertTrue(view.body().contains("data-testid=\"add-first-step-editor\""), "the reader who may edit is led to the editor");
        String visitor = new ApiClient(app.port()).get("/w/omitama/journeys/b-new").text();
        assertTrue(visitor.contains("まだステップがありません"));
        assertFalse(visitor.contains("add-first-step"), "a visitor is offered no form it may not use");
    }

    @Test
    void thePresentationViewIsAskedForByTheLinkAndKeptWhileEditing() {
        HttpResponse<String> map = page("/w/omitama/journeys/b");
        assertTrue(map.body().contains("href=\"/w/omitama/journeys/b?view=present\""), "the map links to its presentation view");
        assertFalse(map.body().contains("journey presentation"));
        HttpResponse<String> presenting = page("/w/omitama/journeys/b?view=present");
        assertTrue(presenting.body().contains("class=\"journey presentation\""));
        assertTrue(presenting.body().contains("data-testid=\"leave-presentation\""));
        HttpResponse<String> editing = page("/w/omitama/journeys/b/edit?view=present");
        assertTrue(editing.body().contains("class=\"journey editing presentation\""));
        assertTrue(editing.body().contains("data-editor=\"/w/omitama/journeys/b/edit?view=present\""),
                "a refreshed map stays in the presentation view");
    }
}
