package kusari.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import kusari.ApiClient;

/**
 * A workshop held in a test, over HTTP as the room holds it: the facilitator (a signed-in API client) opens it,
 * phones join with their own cookie and post, vote and name themselves.
 */
final class RoomSession {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String BASE = "/api/v1/workspaces/omitama/workshops";

    final int port;
    final ApiClient facilitator;
    final JsonNode workshop;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** Opens a workshop on Bさん's journey ({@code extra}: more JSON members, e.g. {@code "named": true}). */
    RoomSession(int port, ApiClient facilitator, String title, String extra) {
        this.port = port;
        this.facilitator = facilitator;
        ApiClient.Answer opened = facilitator.post(BASE, "{\"journey\": \"b\", \"title\": " + ApiClient.quote(title)
                + (extra == null ? "" : ", " + extra) + "}");
        assertEquals(201, opened.status(), opened.text());
        this.workshop = opened.body();
    }

    long id() {
        return workshop.get("id").asLong();
    }

    String code() {
        return workshop.get("code").asText();
    }

    /** A new phone in the room: its participant cookie. */
    String join() throws Exception {
        HttpResponse<String> res = raw("GET", "/j/" + code(), null, null);
        assertEquals(200, res.statusCode(), res.body());
        String set = res.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("kusari_workshop_"))
                .findFirst().orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }

    HttpResponse<String> raw(String method, String path, String cookie, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        b.header("Cookie", "kusari_csrf=" + ApiClient.CSRF + (cookie == null ? "" : "; " + cookie));
        b.header("X-CSRF-Token", ApiClient.CSRF);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Posts a card from a phone; its JSON. */
    JsonNode card(String phone, int step, String kind, String text, Integer emotion) throws Exception {
        var in = JSON.createObjectNode().put("step", step).put("kind", kind).put("text", text);
        if (emotion != null) {
            in.put("emotion", emotion);
        }
        HttpResponse<String> res = raw("POST", "/api/v1/join/" + code() + "/cards", phone, in.toString());
        assertEquals(201, res.statusCode(), res.body());
        return JSON.readTree(res.body());
    }

    void vote(String phone, long card) throws Exception {
        HttpResponse<String> res = raw("POST", "/api/v1/join/" + code() + "/cards/" + card + "/vote", phone, null);
        assertEquals(200, res.statusCode(), res.body());
    }

    /** The facilitator's change of phase, status, … with the workshop's current version. */
    JsonNode patch(String json) throws Exception {
        long version = facilitator.get(BASE + "/" + id()).body().get("workshop").get("version").asLong();
        ApiClient.Answer res = facilitator.patch(BASE + "/" + id(), "{\"version\": " + version + ", " + json + "}");
        assertEquals(200, res.status(), res.text());
        return res.body();
    }

    void hide(long card) {
        ApiClient.Answer res = facilitator.post(BASE + "/" + id() + "/cards/" + card + "/hide", "{\"hidden\": true}");
        assertEquals(200, res.status(), res.text());
    }

    JsonNode promote(long card, String json) {
        ApiClient.Answer res = facilitator.post(BASE + "/" + id() + "/cards/" + card + "/promote", json);
        assertEquals(200, res.status(), res.text());
        return res.body();
    }
}
