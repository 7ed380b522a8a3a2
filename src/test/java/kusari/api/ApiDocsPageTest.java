package kusari.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import kusari.FreshAppTest;
import org.junit.jupiter.api.Test;

/** The API's page for people: Swagger UI's files served from its WebJar, the initializer a file of its own. */
class ApiDocsPageTest extends FreshAppTest {

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePageLoadsSwaggerUiFromKusariWithoutInlineScript() throws Exception {
        HttpResponse<String> page = get("/api/docs");
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("data-spec=\"/api/v1/openapi.json\""), html);
        assertTrue(html.contains("<script src=\"/api/docs/swagger-ui-bundle.js\" defer></script>"), html);
        assertTrue(html.contains("<script src=\"/api/docs/kusari-init.js\" defer></script>"), html);
        assertFalse(html.matches("(?s).*<script(?![^>]*\\ssrc=)[^>]*>.*"), "no inline script");
        assertFalse(html.contains("http://") || html.contains("https://"), "nothing fetched from elsewhere");
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        assertTrue(html.contains("Kusari API の説明"));
    }

    @Test
    void theFilesAreServedAndNothingElseIs() throws Exception {
        HttpResponse<String> bundle = get("/api/docs/swagger-ui-bundle.js");
        assertEquals(200, bundle.statusCode());
        assertTrue(bundle.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertTrue(bundle.body().length() > 100_000);
        HttpResponse<String> init = get("/api/docs/kusari-init.js");
        assertTrue(init.body().contains("SwaggerUIBundle("), init.body());
        assertTrue(get("/api/docs/swagger-ui.css").headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        HttpResponse<String> other = get("/api/docs/index.html");
        assertEquals(404, other.statusCode());
        assertTrue(other.body().startsWith("{"), "under /api/ an error is JSON: " + other.body());
    }

    @Test
    void theFooterLinksThePage() throws Exception {
        assertTrue(get("/w/omitama").body().contains("href=\"/api/docs\""));
    }
}
