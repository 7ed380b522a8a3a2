package kusari;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A JSON API client for tests: sends the CSRF double-submit pair that every write needs. */
public final class ApiClient {

    public static final String CSRF = "test-csrf-token-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    /** "kusari_session=…" of a signed-in account, or null. */
    private final String session;

    /** A client that is not signed in: reads public workspaces; every write is refused. */
    public ApiClient(int port) {
        this(port, null);
    }

    public ApiClient(int port, String sessionCookie) {
        this.port = port;
        this.session = sessionCookie;
    }

    /** A client signed in as the test administrator of {@code db} (see {@link TestApp#adminCookie}). */
    public static ApiClient signedIn(int port, kusari.db.Database db) {
        return new ApiClient(port, TestApp.adminCookie(db));
    }

    private String cookies() {
        return "kusari_csrf=" + CSRF + (session == null ? "" : "; " + session);
    }

    /** An answer: status, JSON body (null when the body is not JSON), the raw text and a redirect's target. */
    public record Answer(int status, JsonNode body, String text, String location) {
    }

    /** Posts an HTML form (with the CSRF field), as a browser without JavaScript does; redirects are not followed. */
    public Answer postForm(String path, String... namesAndValues) {
        StringBuilder form = new StringBuilder("_csrf=" + CSRF);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.append('&').append(java.net.URLEncoder.encode(namesAndValues[i], java.nio.charset.StandardCharsets.UTF_8))
                    .append('=').append(java.net.URLEncoder.encode(namesAndValues[i + 1], java.nio.charset.StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", cookies())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                .build();
        return exchange(request);
    }

    public Answer get(String path) {
        return send("GET", path, null);
    }

    public Answer post(String path, String json) {
        return send("POST", path, json);
    }

    public Answer patch(String path, String json) {
        return send("PATCH", path, json);
    }

    public Answer delete(String path) {
        return send("DELETE", path, null);
    }

    public Answer send(String method, String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", cookies())
                .header("X-CSRF-Token", CSRF)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return exchange(request);
    }

    private Answer exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = JSON.readTree(response.body());
            } catch (IOException e) {
                body = null;
            }
            return new Answer(response.statusCode(), body, response.body(),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON string literal. */
    public static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
