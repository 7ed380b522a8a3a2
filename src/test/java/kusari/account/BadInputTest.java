package kusari.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kusari.ApiClient;
import kusari.Http;
import kusari.core.AppConfig;
import kusari.TestApp;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.Kusari;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and careless input against the real server, signed in as a planner: each case gets a 4xx with a clear
 * message (JSON {status, error, message} for the API), never a 500, and changes nothing (the history does not
 * move). Zip-slip and hostile archives are in ImportArchiveTest/FilesPagesTest, the sign-in form's cases in
 * AccountsTest.
 */
class BadInputTest {

    @TempDir
    static Path dir;
    static Database db;
    static Javalin app;
    static String cookie;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CSRF = ApiClient.CSRF;

    @BeforeAll
    static void start() {
        db = TestApp.freshSampleDatabase(dir);
        app = Kusari.create(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false), db).start("127.0.0.1", 0);
        cookie = TestApp.sessionCookie(db, "careless", "PLANNER");
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    record Case(String name, String method, String path, String type, byte[] body, boolean csrf, String cookie) {
    }

    static Case json(String name, String method, String path, String body) {
        return new Case(name, method, path, "application/json", body.getBytes(StandardCharsets.UTF_8), true, cookie);
    }

    static long step() {
        return db.read(c -> Sql.queryLong(c, "SELECT MIN(id) FROM step"));
    }

    static long version() {
        return db.read(c -> Sql.queryLong(c, "SELECT version FROM step WHERE id = ?", step()));
    }

    static long history() {
        return db.read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM change_log"));
    }

    @Test
    void everyHostileRequestGetsAClear4xxAndChangesNothing() throws Exception {
        String steps = "/api/v1/workspaces/omitama/steps/" + step();
        List<Case> cases = new ArrayList<>(List.of(
                json("malformed JSON", "PATCH", steps, "{\"version\": " + version() + ", \"title\": "),
                json("JSON that is not an object", "PATCH", steps, "[1, 2, 3]"),
                json("wrong type: object for text", "PATCH", steps, "{\"version\": " + version() + ", \"title\": {\"a\": 1}}"),
                json("wrong type: text for a score", "PATCH", steps, "{\"version\": " + version() + ", \"emotionScore\": \"とても\"}"),
                json("score out of range", "PATCH", steps, "{\"version\": " + version() + ", \"emotionScore\": 99}"),
                json("text over its maximum length", "PATCH", steps, "{\"version\": " + version() + ", \"title\": \""
                        + "長".repeat(101) + "\"}"),
                json("unknown field", "PATCH", steps, "{\"version\": " + version() + ", \"is_admin\": true}"),
                json("missing version", "PATCH", steps, "{\"title\": \"版なし\"}"),
                json("oversized body", "POST", "/api/v1/workspaces/omitama/personas", "{\"name\": \""
                        + "x".repeat(1_100_000) + "\"}"),
                json("SQL metacharacters in the path", "GET", "/api/v1/workspaces/omitama/personas/a'%20OR%20'1'='1", ""),
                json("path traversal in the path", "GET", "/api/v1/workspaces/omitama/personas/..%2F..%2F..%2Fetc%2Fpasswd", ""),
                json("unknown workspace", "PATCH", "/api/v1/workspaces/nowhere/steps/1", "{\"version\": 1}"),
                new Case("invalid UTF-8 in JSON", "PATCH", steps, "application/json",
                        Http.concat("{\"version\": " + version() + ", \"title\": \"", new byte[] {(byte) 0xC3, (byte) 0x28},
                                "\"}"), true, cookie),
                new Case("missing CSRF token", "PATCH", steps, "application/json",
                        ("{\"version\": " + version() + ", \"title\": \"偽\"}").getBytes(StandardCharsets.UTF_8), false, cookie),
                new Case("forged session cookie", "PATCH", steps, "application/json",
                        ("{\"version\": " + version() + ", \"title\": \"偽\"}").getBytes(StandardCharsets.UTF_8), true,
                        "kusari_session=forged-forged-forged-forged"),
                new Case("garbage bearer token", "PATCH", steps, "application/json",
                        ("{\"version\": " + version() + ", \"title\": \"偽\"}").getBytes(StandardCharsets.UTF_8), true,
                        null)));
        long before = history();
        String title = db.read(c -> Sql.queryOne(c, "SELECT title FROM step WHERE id = ?", rs -> rs.getString(1), step()))
                .orElseThrow();
        List<String> wrong = new ArrayList<>();
        for (Case k : cases) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + k.path()))
                    .method(k.method(), k.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(k.body()))
                    .header("Content-Type", k.type())
                    .header("Cookie", "kusari_csrf=" + CSRF + (k.cookie() == null ? "" : "; " + k.cookie()));
            if (k.csrf()) {
                b.header("X-CSRF-Token", CSRF);
            }
            if (k.name().equals("garbage bearer token")) {
                b.header("Authorization", "Bearer '; DROP TABLE account; --");
            }
            HttpResponse<String> res = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body = null;
            try {
                body = JSON.readTree(res.body());
            } catch (Exception e) {
                // checked below
            }
            boolean clear = body != null && body.path("status").asInt() == res.statusCode()
                    && !body.path("message").asText().isBlank() && !res.body().contains("Exception");
            if (res.statusCode() < 400 || res.statusCode() >= 500 || !clear) {
                wrong.add(k.name() + ": " + res.statusCode() + " " + res.body().substring(0, Math.min(200, res.body().length())));
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(before, history(), "nothing was written");
        assertEquals(title, db.read(c -> Sql.queryOne(c, "SELECT title FROM step WHERE id = ?", rs -> rs.getString(1),
                step())).orElseThrow());
        assertEquals(16, cases.size(), "the README counts these cases");
    }

    @Test
    void markupAndSqlInTextAreKeptAsTextAndShownEscaped() throws Exception {
        String payload = "<script>alert('x')</script><img src=x onerror=alert(1)> '); DROP TABLE step; --";
        HttpResponse<String> saved = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                        + "/api/v1/workspaces/omitama/steps/" + step()))
                .header("Content-Type", "application/json").header("X-CSRF-Token", CSRF)
                .header("Cookie", "kusari_csrf=" + CSRF + "; " + cookie)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"version\": " + version() + ", \"painPoint\": "
                        + ApiClient.quote(payload) + "}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals(payload, db.read(c -> Sql.queryOne(c, "SELECT pain_point FROM step WHERE id = ?",
                rs -> rs.getString(1), step())).orElseThrow(), "stored verbatim; the table is still there");
        String slug = db.read(c -> Sql.queryOne(c, "SELECT j.slug FROM step s JOIN journey j ON j.id = s.journey_id WHERE s.id = ?",
                rs -> rs.getString(1), step())).orElseThrow();
        String page = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/w/omitama/journeys/"
                + slug)).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(page.contains("&lt;script&gt;alert('x')&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"), "shown as text");
        assertFalse(page.contains("<script>alert"));
        assertFalse(page.contains("<img src=x"));
    }
}
