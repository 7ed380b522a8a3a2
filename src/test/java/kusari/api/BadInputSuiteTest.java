package kusari.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import kusari.ApiClient;
import kusari.Http;
import kusari.Kusari;
import kusari.TestApp;
import kusari.core.AppConfig;
import kusari.db.Database;
import kusari.db.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input suite: hostile and careless requests against the real server (one server for the class, plain
 * HTTP). Every case asserts its status, that its message is in the user's language (Japanese unless the case
 * asks for English) and names the field where there is one, that no Java class name shows, and that the content
 * of the database is unchanged: a hash over every content table (accounts and sessions left out) before and
 * after. A new route joins with one line in {@link #targets()} (a changeable thing) or {@link #cases()}.
 * docs/testing.md states the count.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputSuiteTest {

    /** The number of cases docs/testing.md and the README state. */
    static final int COUNT = 233;

    @TempDir
    static Path dir;
    static Database db;
    static Javalin app;
    static String admin;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CSRF = ApiClient.CSRF;
    static final String WS = "/api/v1/workspaces/omitama";

    /** Tables of who may sign in, not of what a workspace plans: a refused request may touch a session. */
    static final Set<String> NOT_CONTENT = Set.of("account", "account_session", "api_token", "recovery_code",
            "setup_token", "flyway_schema_history");

    @BeforeAll
    static void start() {
        db = TestApp.freshSampleDatabase(dir);
        app = Kusari.create(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false), db).start("127.0.0.1", 0);
        admin = TestApp.adminCookie(db);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    // ------------------------------------------------------------------ the cases

    /**
     * One bad request and what it must get: {@code field} is the field the message names (null: none), {@code
     * english} asks in English.
     */
    record Case(String name, String method, String path, Map<String, String> headers, byte[] body, int status,
                String field, boolean english) {

        Case en() {
            return new Case(name + " (English)", method, path, headers, body, status, field, true);
        }
    }

    static Map<String, String> json() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        return h;
    }

    static Case bad(String name, String method, String path, String body, int status, String field) {
        return new Case(name, method, path, json(), body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8),
                status, field, false);
    }

    static Case typed(String name, String method, String path, String type, String body, String field) {
        Map<String, String> h = new LinkedHashMap<>();
        if (type != null) {
            h.put("Content-Type", type);
        }
        return new Case(name, method, path, h, body.getBytes(StandardCharsets.UTF_8), 400, field, false);
    }

    static Case header(String name, String method, String path, String header, String value, int status) {
        Map<String, String> h = json();
        h.put(header, value);
        return new Case(name, method, path, h, new byte[0], status, null, false);
    }

    /** A thing the API changes: its collection, its table, its key column, and one text field. */
    record Target(String collection, String table, String keyColumn, String field) {
        String key() {
            return db.read(c -> Sql.queryOne(c, "SELECT " + keyColumn + " FROM " + table + " ORDER BY id LIMIT 1",
                    rs -> rs.getString(1))).orElseThrow();
        }

        long version() {
            return db.read(c -> Sql.queryLong(c, "SELECT version FROM " + table + " ORDER BY id LIMIT 1"));
        }

        String path() {
            return WS + "/" + collection + "/" + key();
        }
    }

    /** Every changeable thing the suite refuses bad changes to; one line per route. */
    static List<Target> targets() {
        return List.of(
                new Target("steps", "step", "id", "title"),
                new Target("personas", "persona", "slug", "label"),
                new Target("challenges", "challenge", "number", "title"),
                new Target("projects", "project", "code", "name"),
                new Target("journeys", "journey", "slug", "title"),
                new Target("actors", "actor", "id", "name"),
                new Target("indicators", "indicator", "id", "name"),
                new Target("actions", "action", "id", "text"));
    }

    /** The bad changes tried on every target (item 3 of the bad-input list). */
    static List<Case> changes(Target t) {
        String p = t.path();
        String v = "\"version\": " + t.version() + ", ";
        String f = "\"" + t.field() + "\"";
        String c = t.collection();
        return List.of(
                bad(c + ": a list, not an object", "PATCH", p, "[]", 400, "body"),
                bad(c + ": broken JSON", "PATCH", p, "{", 400, "body"),
                bad(c + ": a number for text", "PATCH", p, "{" + v + f + ": 123}", 400, t.field()),
                bad(c + ": a boolean for text", "PATCH", p, "{" + v + f + ": false}", 400, t.field()),
                bad(c + ": an object for text", "PATCH", p, "{" + v + f + ": {\"a\": 1}}", 400, t.field()),
                bad(c + ": NUL in text", "PATCH", p, "{" + v + f + ": \"a\\u0000b\"}", 400, t.field()),
                bad(c + ": BEL in text", "PATCH", p, "{" + v + f + ": \"a\\u0007b\"}", 400, t.field()),
                bad(c + ": ESC in text", "PATCH", p, "{" + v + f + ": \"a\\u001b[31mb\"}", 400, t.field()),
                bad(c + ": DEL in text", "PATCH", p, "{" + v + f + ": \"a\u007fb\"}", 400, t.field()),
                bad(c + ": lone high surrogate", "PATCH", p, "{" + v + f + ": \"a\\ud800b\"}", 400, t.field()),
                bad(c + ": lone low surrogate", "PATCH", p, "{" + v + f + ": \"\\udc00\"}", 400, t.field()),
                bad(c + ": a key given twice", "PATCH", p, "{" + v + f + ": \"a\", " + f + ": \"b\"}", 400, t.field()),
                bad(c + ": a second object after the first", "PATCH", p, "{" + v + f + ": \"a\"} {}", 400, "body"),
                bad(c + ": garbage after the object", "PATCH", p, "{" + v + f + ": \"a\"}x", 400, "body"),
                typed(c + ": text/plain read as JSON", "PATCH", p, "text/plain", "{" + v + f + ": \"a\"}", "Content-Type"),
                typed(c + ": no Content-Type", "PATCH", p, null, "{" + v + f + ": \"a\"}", "Content-Type"),
                bad(c + ": longer than allowed (characters)", "PATCH", p, "{" + v + f + ": \"" + "𠮷".repeat(20_000)
                        + "\"}", 400, t.field()),
                bad(c + ": no version", "PATCH", p, "{" + f + ": \"a\"}", 400, "version"),
                bad(c + ": version as text", "PATCH", p, "{\"version\": \"x\", " + f + ": \"a\"}", 400, "version"),
                bad(c + ": a field that does not exist", "PATCH", p, "{" + v + "\"isAdmin\": true}", 400, "isAdmin"),
                bad(c + ": a number for text", "PATCH", p, "{" + v + f + ": 123}", 400, t.field()).en());
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Target t : targets()) {
            cases.addAll(changes(t));
        }
        long step = db.read(c -> Sql.queryLong(c, "SELECT MIN(id) FROM step"));
        long stepVersion = db.read(c -> Sql.queryLong(c, "SELECT version FROM step WHERE id = ?", step));
        String steps = WS + "/steps/" + step;
        String values = WS + "/reviews/2024/values";
        String persona = db.read(c -> Sql.queryOne(c, "SELECT slug FROM persona ORDER BY id LIMIT 1",
                rs -> rs.getString(1))).orElseThrow();
        long actor = db.read(c -> Sql.queryLong(c, "SELECT MIN(id) FROM actor"));
        cases.addAll(List.of(
                // 1. a method override never turns a GET or a POST into a delete
                header("GET with X-HTTP-Method-Override: DELETE", "GET", steps, "X-HTTP-Method-Override", "DELETE", 400),
                header("POST with X-HTTP-Method-Override: DELETE", "POST", steps, "X-HTTP-Method-Override", "DELETE", 400),
                header("GET with X-HTTP-Method: DELETE", "GET", steps, "X-HTTP-Method", "DELETE", 400),
                header("GET with X-Method-Override: PATCH", "GET", steps, "X-Method-Override", "PATCH", 400),
                header("page GET with X-HTTP-Method-Override: POST", "GET", "/w/omitama", "X-HTTP-Method-Override",
                        "POST", 400),
                // 2. bad JSON to the review values
                bad("values: a list", "POST", values, "[]", 400, "body"),
                bad("values: broken JSON", "POST", values, "{", 400, "body"),
                bad("values: cells as text", "POST", values, "{\"cells\": \"x\"}", 400, "cells"),
                bad("values: cells as a number", "POST", values, "{\"cells\": 3}", 400, "cells"),
                bad("values: indicator as text", "POST", values, "{\"cells\": [{\"indicator\": \"x\"}]}", 400, null),
                bad("values: value as a number", "POST", values, "{\"cells\": [{\"indicator\": 1, \"value\": 12}]}",
                        400, null),
                bad("values: a key twice", "POST", values, "{\"cells\": [], \"cells\": []}", 400, "cells"),
                bad("values: content after the object", "POST", values, "{\"cells\": []}]", 400, "body"),
                bad("values: NUL in a note", "POST", values, "{\"cells\": [{\"indicator\": 1, \"note\": \"\\u0000\"}]}",
                        400, "cells"),
                typed("values: text/plain", "POST", values, "text/plain", "{\"cells\": []}", "Content-Type"),
                bad("values: a year that is no year", "POST", WS + "/reviews/xx/values", "{\"cells\": []}", 400,
                        "fiscalYear"),
                // a move to a place that does not exist is refused, not clamped
                bad("move to index -5", "POST", steps + "/move", "{\"index\": -5}", 400, "index"),
                bad("move to index 1000000000", "POST", steps + "/move", "{\"index\": 1000000000}", 400, "index"),
                bad("move to index 1e9", "POST", steps + "/move", "{\"index\": 1e9}", 400, "index"),
                bad("move to index 2.5", "POST", steps + "/move", "{\"index\": 2.5}", 400, "index"),
                bad("move to index \"2\"", "POST", steps + "/move", "{\"index\": \"2\"}", 400, "index"),
                bad("move without index", "POST", steps + "/move", "{}", 400, "index"),
                bad("move to index -5", "POST", steps + "/move", "{\"index\": -5}", 400, "index").en(),
                // If-Match that names no version
                header("If-Match that is no version", "PATCH", steps, "If-Match", "\"abc\"", 400),
                // creating with bad bodies
                bad("create a persona from a list", "POST", WS + "/personas", "[1]", 400, "body"),
                bad("create a persona with a numeric label", "POST", WS + "/personas",
                        "{\"slug\": \"x-new\", \"label\": 5}", 400, "label"),
                bad("create a persona with ESC in its label", "POST", WS + "/personas",
                        "{\"slug\": \"x-new\", \"label\": \"\\u001b\"}", 400, "label"),
                bad("create a step at index -1", "POST", WS + "/steps", "{\"journey\": 1, \"title\": \"x\", \"index\": -1}",
                        400, null),
                // links
                bad("link with a broken body", "POST", WS + "/step-challenges", "{\"step\": ", 400, "body"),
                bad("link twice the same key", "POST", WS + "/step-challenges", "{\"step\": 1, \"step\": 2}", 400, "step"),
                // chain dismissals
                bad("dismiss: a list", "POST", WS + "/chain-check/dismissals", "[]", 400, "body"),
                bad("dismiss: trailing content", "POST", WS + "/chain-check/dismissals", "{\"key\": \"a\"} 1", 400, "body"),
                // actor names
                bad("actor rename: number for name", "POST", WS + "/actors/" + actor + "/names",
                        "{\"name\": 5, \"fromFiscalYear\": \"2024\"}", 400, "name"),
                typed("actor rename: text/plain", "POST", WS + "/actors/" + actor + "/names", "text/plain",
                        "{\"name\": \"x\"}", "Content-Type"),
                bad("actor rename: BEL in the name", "POST", WS + "/actors/" + actor + "/names",
                        "{\"name\": \"a\\u0007\"}", 400, "name"),
                // 4. query parameters
                bad("history API before=abc", "GET", WS + "/history?before=abc", null, 400, null),
                bad("history page before=abc", "GET", "/w/omitama/history?before=abc", null, 400, null),
                bad("history API before=-1", "GET", WS + "/history?before=-1", null, 400, null),
                bad("matrix API unknown sort", "GET", WS + "/matrix?sort=shoe-size", null, 400, null),
                bad("matrix page unknown sort", "GET", "/w/omitama/matrix?sort=shoe-size", null, 400, null),
                bad("matrix API sort by a persona that does not exist", "GET", WS + "/matrix?sort=persona:nobody", null,
                        400, null),
                bad("actors API fy=abc", "GET", WS + "/actors?fy=abc", null, 400, null),
                bad("actor API fy=abc", "GET", WS + "/actors/" + actor + "?fy=abc", null, 400, null),
                bad("matrix API kind=ROBOT", "GET", WS + "/matrix?kind=ROBOT", null, 400, null),
                bad("matrix API field that does not exist", "GET", WS + "/matrix?field=zz-99", null, 400, null),
                bad("chain API limit=abc", "GET", WS + "/chain-check?limit=abc", null, 400, null),
                bad("csv import apply=yes", "POST", WS + "/reviews/2024/import?apply=yes", "", 400, "apply"),
                bad("csv import confirm=yes", "POST", WS + "/reviews/2024/import?apply=true&confirm=yes", "", 400,
                        "confirm"),
                bad("csv import: a decimal comma (1,48) is refused, not stored as 148", "POST",
                        WS + "/reviews/2024/import?apply=true", "指標ID,値\n1,\"1,48\"\n", 400, null),
                bad("csv import: a value a hundred times the baseline, not confirmed", "POST",
                        WS + "/reviews/2024/import?apply=true", "指標ID,値\n1,3000\n", 400, null),
                bad("csv import: an unterminated quote", "POST", WS + "/reviews/2024/import?apply=true",
                        "指標ID,値,備考\n1,29,\"閉じない\n", 400, null),
                bad("delete with version=abc", "DELETE", steps + "?version=abc", null, 400, "version"),
                bad("history API before=abc", "GET", WS + "/history?before=abc", null, 400, null).en(),
                // 5. errors below the application: Kusari's own answer, in Japanese, with every security header
                bad("below: broken percent encoding in a page path", "GET", "/w/omitama/%zz", null, 400, null),
                bad("below: %00 in an API path", "GET", WS + "/personas/%00", null, 400, null),
                bad("below: %00 in a page path", "GET", "/w/omitama/personas/%00", null, 400, null),
                bad("below: invalid UTF-8 in an API path", "GET", WS + "/personas/a%ffb", null, 400, null),
                header("below: a control character in a header", "GET", "/w/omitama", "X-Note", "a\u0001b", 400),
                header("below: a control character in an API header", "GET", WS + "/personas", "X-Note", "a\u001bb", 400),
                bad("unknown method", "FOO", WS + "/personas", null, 405, null),
                bad("PUT where only GET and POST exist", "PUT", WS + "/personas", "{}", 405, null),
                bad("DELETE on a page", "DELETE", "/w/omitama/personas/" + persona, null, 405, null),
                bad("a body over the limit", "POST", WS + "/personas", "{\"label\": \"" + "x".repeat(1_100_000) + "\"}",
                        413, null),
                bad("a body over the limit", "POST", WS + "/personas", "{\"label\": \"" + "x".repeat(1_100_000) + "\"}",
                        413, null).en(),
                new Case("invalid UTF-8 in a JSON body", "PATCH", steps, json(), Http.concat("{\"version\": " + stepVersion
                        + ", \"title\": \"", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}"), 400, null, false)));
        return cases;
    }

    // ------------------------------------------------------------------ running them

    @Test
    @Order(0)
    void theSuiteHasTheCountTheDocsState() {
        assertEquals(COUNT, cases().size(), "docs/testing.md states this count; change both");
        assertTrue(COUNT >= 150);
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> everyBadInputIsRefusedClearlyAndChangesNothing() {
        return cases().stream().map(k -> DynamicTest.dynamicTest(k.name() + " → " + k.status(), () -> run(k)));
    }

    static void run(Case k) throws Exception {
        String before = contentHash();
        Reply res = send(k);
        String body = res.body();
        assertEquals(k.status(), res.statusCode(), k.name() + ": " + abbreviate(body));
        assertFalse(body.contains("Exception") || body.matches("(?s).*\\b(com|java|org|io)\\.[a-z]+\\.[A-Za-z].*"),
                "no Java class name shows: " + abbreviate(body));
        assertNotNull(res.header("Content-Security-Policy").orElse(null), "security headers");
        assertEquals("nosniff", res.header("X-Content-Type-Options").orElse(null));
        String message;
        // every answer under /api/ is the API's JSON error body, even for a target Jetty refuses outright (%00)
        if (k.path().startsWith("/api/")) {
            assertTrue(res.header("Content-Type").orElse("").startsWith("application/json"), k.name() + ": JSON");
            JsonNode json = JSON.readTree(body);
            assertEquals(k.status(), json.path("status").asInt(), body);
            message = json.path("message").asText();
            if (k.field() != null) {
                List<String> fields = new ArrayList<>();
                json.path("fields").forEach(f -> fields.add(f.path("field").asText()));
                assertTrue(fields.contains(k.field()), "names the field " + k.field() + ": " + body);
            }
        } else {
            assertTrue(body.startsWith("<!DOCTYPE html>") || body.startsWith("<!doctype html>"), k.name() + ": a page");
            message = body.replaceAll("(?s)<[^>]*>", " ");
        }
        assertFalse(message.isBlank(), "a message: " + body);
        if (k.english()) {
            assertFalse(japanese(message), "English asked: " + message);
            assertTrue(message.matches("(?s).*[A-Za-z]{3,}.*"), message);
        } else {
            assertTrue(japanese(message), "in Japanese: " + message);
        }
        if (k.status() == 405) {
            assertTrue(res.header("Allow").orElse("").matches("[A-Z, ]+"),
                    "405 says what is allowed: " + res.headerMap());
        }
        assertEquals(before, contentHash(), k.name() + ": nothing changed");
    }

    /** An answer: status, headers (names in lower case) and body. */
    record Reply(int statusCode, Map<String, List<String>> headerMap, String body) {
        java.util.Optional<String> header(String name) {
            List<String> values = headerMap.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(values.get(0));
        }
    }

    static Reply send(Case k) throws Exception {
        String cookie = "kusari_csrf=" + CSRF + "; " + admin + (k.english() ? "; kusari_lang=en" : "");
        URI uri;
        if (k.headers().values().stream().anyMatch(v -> v.chars().anyMatch(ch -> ch < 0x20))) {
            return raw(k, cookie); // java.net.http refuses to send a control character in a header
        }
        try {
            uri = URI.create("http://127.0.0.1:" + app.port() + k.path());
        } catch (IllegalArgumentException e) {
            return raw(k, cookie); // a path java.net.URI refuses to build: sent as bytes, as a hostile client does
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .method(k.method(), k.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(k.body()))
                .header("Cookie", cookie)
                .header("X-CSRF-Token", CSRF);
        k.headers().forEach(b::header);
        HttpResponse<String> res = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        res.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values));
        return new Reply(res.statusCode(), headers, res.body());
    }

    private static Reply raw(Case k, String cookie) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.port())) {
            String head = k.method() + " " + k.path() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + cookie
                    + "\r\nConnection: close\r\n";
            for (Map.Entry<String, String> h : k.headers().entrySet()) {
                head += h.getKey() + ": " + h.getValue() + "\r\n";
            }
            head += "\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT),
                        n -> new ArrayList<>()).add(lines[i].substring(colon + 1).strip());
            }
            return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
        }
    }

    static boolean japanese(String text) {
        return text.codePoints().anyMatch(cp -> (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x4E00 && cp <= 0x9FFF));
    }

    static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /** A hash over every row of every content table: what a refused request must leave as it was. */
    static String contentHash() {
        return db.read(c -> {
            MessageDigest sha;
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            List<String> tables = Sql.query(c, "SELECT name FROM sqlite_master WHERE type = 'table' "
                    + "AND name NOT LIKE 'sqlite_%' ORDER BY name", rs -> rs.getString(1));
            for (String table : tables) {
                if (NOT_CONTENT.contains(table)) {
                    continue;
                }
                sha.update(table.getBytes(StandardCharsets.UTF_8));
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            Object value = rs.getObject(i);
                            // a blob (the search index's pages) by its bytes, not by the array's identity
                            sha.update(value instanceof byte[] bytes ? bytes
                                    : String.valueOf(value).getBytes(StandardCharsets.UTF_8));
                            sha.update((byte) 0);
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        });
    }

    // ------------------------------------------------------------------ the promises kept (so the refusals are honest)

    @Test
    @Order(2)
    void theSameRequestsWellFormedAreAccepted() throws Exception {
        // a read carries version and an ETag; If-Match with that ETag is as good as version
        for (String path : List.of(WS + "/personas/" + targets().get(1).key(), WS + "/challenges/"
                + targets().get(2).key(), WS + "/projects/" + targets().get(3).key(),
                WS + "/actors/" + targets().get(5).key(), targets().get(0).path())) {
            Reply read = send(bad("read " + path, "GET", path, null, 200, null));
            assertEquals(200, read.statusCode(), path + " " + abbreviate(read.body()));
            assertTrue(JSON.readTree(read.body()).path("version").isIntegralNumber(), path + " carries its version");
            assertTrue(read.header("ETag").orElse("").matches("\"\\d+\\.[0-9a-f]+\""), path);
        }
        Target persona = targets().get(1);
        String etag = send(bad("read", "GET", persona.path(), null, 200, null)).header("ETag").orElseThrow();
        String before = contentHash();
        Case patch = header("PATCH with If-Match", "PATCH", persona.path(), "If-Match", etag, 200);
        Reply saved = send(new Case(patch.name(), "PATCH", patch.path(), patch.headers(),
                "{\"label\": \"𠮷野家の𠮷\"}".getBytes(StandardCharsets.UTF_8), 200, null, false));
        assertEquals(200, saved.statusCode(), saved.body());
        assertNotEquals(before, contentHash(), "the hash sees a change: the refusals' unchanged hash means something");
        assertEquals("𠮷野家の𠮷", db.read(c -> Sql.queryOne(c, "SELECT label FROM persona WHERE slug = ?",
                rs -> rs.getString(1), persona.key())).orElseThrow(), "stored exactly, surrogate pairs and all");
        // the same If-Match again is stale now: 409, not a silent overwrite
        Reply stale = send(new Case("stale", "PATCH", persona.path(), patch.headers(),
                "{\"label\": \"古い\"}".getBytes(StandardCharsets.UTF_8), 409, null, false));
        assertEquals(409, stale.statusCode(), stale.body());
        // a move to the last place exists and is taken
        Target step = targets().get(0);
        Reply moved = send(bad("move", "POST", step.path() + "/move", "{\"index\": 0}", 200, null));
        assertEquals(200, moved.statusCode(), moved.body());
        // the monitor's answer
        Reply health = send(bad("health", "GET", "/healthz", null, 200, null));
        assertEquals(200, health.statusCode());
        assertEquals("ok", JSON.readTree(health.body()).path("status").asText());
        assertEquals(0, JSON.readTree(health.body()).path("pendingMigrations").asInt());
    }
}
