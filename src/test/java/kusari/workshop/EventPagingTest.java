package kusari.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kusari.ApiClient;
import kusari.FreshAppTest;
import kusari.TestApp;
import kusari.db.Sql;
import kusari.web.EventHub;
import org.junit.jupiter.api.Test;

/**
 * A stream far behind (a projector reconnecting after a busy burst) reads every stored event, also when there are
 * more than a page of them; and a stream reading from the workshop's in-memory tail gets what a commit added.
 */
class EventPagingTest extends FreshAppTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private long openWorkshop() {
        ApiClient.Answer opened = api.post("/api/v1/workspaces/omitama/workshops",
                "{\"journey\": \"b\", \"title\": \"たくさんのカード\"}");
        assertEquals(201, opened.status(), opened.text());
        return opened.body().get("id").asLong();
    }

    /** Reads the board's stream until {@code count} events came; their data, in order. */
    private CompletableFuture<List<String>> read(long id, long count) throws Exception {
        HttpResponse<InputStream> res = http.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + app.port() + "/api/v1/workspaces/omitama/workshops/" + id + "/events"))
                .header("Accept", "text/event-stream").header("Cookie", TestApp.adminCookie(db)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, res.statusCode());
        return CompletableFuture.supplyAsync(() -> {
            List<String> data = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8))) {
                String line;
                while (data.size() < count && (line = in.readLine()) != null) {
                    if (line.startsWith("data: ")) {
                        data.add(line.substring(6));
                    }
                }
                return data;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aStreamFarBehindGetsEveryEventAndNotOnlyTheFirstPage() throws Exception {
        long id = openWorkshop();
        int stored = EventHub.PAGE * 2 + 7;
        db.inTransaction(c -> {
            for (int i = 0; i < stored; i++) {
                Sql.update(c, "INSERT INTO workshop_event (workshop_id, type, data, created_at) VALUES (?, 'card', ?, ?)",
                        id, JSON.createObjectNode().put("text", "card " + i).toString(), "2026-12-04T10:00:00Z");
            }
            return null;
        });
        long total = db.read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM workshop_event WHERE workshop_id = ?", id));
        assertTrue(total > EventHub.PAGE * 2);
        // nothing else wakes the stream: all of it must come from opening it
        List<String> data = read(id, total).get(20, TimeUnit.SECONDS);
        assertEquals(total, data.size());
        JsonNode last = JSON.readTree(data.get(data.size() - 1));
        assertEquals("card " + (stored - 1), last.path("text").asText());
    }

    @Test
    void aCardPostedWhileTheBoardListensReachesItFromTheTail() throws Exception {
        long id = openWorkshop();
        String code = db.read(c -> Sql.queryOne(c, "SELECT code FROM workshop WHERE id = ?", rs -> rs.getString(1), id))
                .orElseThrow();
        long before = db.read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM workshop_event WHERE workshop_id = ?", id));
        CompletableFuture<List<String>> board = read(id, before + 2);
        HttpResponse<String> join = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                + "/j/" + code)).build(), HttpResponse.BodyHandlers.ofString());
        String phone = join.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("kusari_workshop_"))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        for (String text : List.of("一枚目", "二枚目")) {
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                            + "/api/v1/join/" + code + "/cards"))
                    .header("Cookie", "kusari_csrf=" + ApiClient.CSRF + "; " + phone)
                    .header("X-CSRF-Token", ApiClient.CSRF).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"step\": 1, \"kind\": \"JOY\", \"text\": \"" + text + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, posted.statusCode(), posted.body());
        }
        List<String> data = board.get(10, TimeUnit.SECONDS);
        assertTrue(data.get(data.size() - 2).contains("一枚目"), data.toString());
        assertTrue(data.get(data.size() - 1).contains("二枚目"), data.toString());
    }
}
