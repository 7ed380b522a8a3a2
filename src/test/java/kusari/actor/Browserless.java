package kusari.actor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kusari.Http;

/**
 * A client that keeps its own cookies, as one browser does, so that a form can be read (with its CSRF token) and
 * posted back. Does not follow redirects: tests assert the 303 and its Location.
 */
final class Browserless {

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String origin;

    Browserless(int port) {
        this.origin = "http://localhost:" + port;
    }

    /** A browser signed in with a session cookie ("kusari_session=…", see TestApp.sessionCookie). */
    Browserless(int port, String sessionCookie) {
        this(port);
        String[] pair = sessionCookie.split("=", 2);
        java.net.HttpCookie cookie = new java.net.HttpCookie(pair[0], pair[1]);
        cookie.setPath("/");
        cookie.setVersion(0);
        ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().add(URI.create(origin), cookie);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(origin + path)).GET().build());
    }

    HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(origin + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The hidden field's value in a page's form, e.g. {@code _csrf} or {@code version}. */
    static String hidden(String html, String name) {
        List<String> values = Http.all(html, "name=\"" + name + "\" value=\"([^\"]*)\"");
        return values.get(0);
    }

    /** Posts {@code name, value, …} as a form. */
    HttpResponse<String> post(String path, String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(URI.create(origin + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    HttpResponse<String> postJson(String path, String csrf, String json) {
        return send(HttpRequest.newBuilder(URI.create(origin + path)).header("Content-Type", "application/json")
                .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
