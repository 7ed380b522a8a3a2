package kusari.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.JavalinTest;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kusari.TestApp;
import org.junit.jupiter.api.Test;

/** Style sheets and script under fingerprinted names kept for a year; pages asked again answer 304; gzip on. */
class CachingTest {

    private static final Pattern STYLESHEET = Pattern.compile("href=\"(/assets/app\\.[0-9a-f]{10}\\.css)\"");
    private static final Pattern SCRIPT = Pattern.compile("src=\"(/assets/app\\.[0-9a-f]{10}\\.js)\"");

    @Test
    void pagesLinkToFingerprintedFilesThatAreCachedForAYear() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            String page = client.get("/w/omitama/journeys/b").body().string();
            Matcher css = STYLESHEET.matcher(page);
            assertTrue(css.find(), "the journey map links its style sheet by fingerprint");
            Matcher js = SCRIPT.matcher(page);
            assertTrue(js.find(), "and its script");
            var answer = client.get(css.group(1));
            assertEquals(200, answer.code());
            assertEquals("public, max-age=31536000, immutable", answer.headers().get("Cache-Control").stream().findFirst().orElse(null));
            assertTrue(answer.headers().get("Content-Type").stream().findFirst().orElse(null).startsWith("text/css"));
            assertEquals(Files.readString(TestApp.PROJECT_DIR.resolve("static/css/app.css")), answer.body().string(),
                    "the fingerprinted file is the style sheet itself");
            assertEquals(200, client.get(js.group(1)).code());
            assertEquals(404, client.get("/assets/app.0000000000.css").code(), "an old fingerprint is not found");
            assertEquals(200, client.get("/static/css/app.css").code(), "the plain address still answers");
        });
    }

    @Test
    void aPageAskedForAgainUnchangedAnswersNotModified() {
        // The visitor's browser sends back its CSRF cookie, so the page it is shown again is the same page.
        String cookie = "kusari_csrf=aVisitorsTokenOfTwentyFourChars";
        JavalinTest.test(TestApp.create(), (server, client) -> {
            var first = client.get("/w/omitama/challenges/2", b -> b.header("Cookie", cookie));
            String etag = first.headers().get("ETag").stream().findFirst().orElse(null);
            assertNotNull(etag, "pages carry an ETag");
            var again = client.get("/w/omitama/challenges/2", b -> b.header("If-None-Match", etag).header("Cookie", cookie));
            assertEquals(304, again.code(), "the same visitor asking again for an unchanged page");
            assertEquals("", again.body().string(), "a 304 carries no body");
            // Another visitor (a plain client, no cookies kept) gets its own CSRF token, so its page differs: never a
            // 304 for a page it has not seen.
            var other = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(client.getOrigin() + "/w/omitama/challenges/2")).header("If-None-Match", etag)
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, other.statusCode());
        });
    }

    @Test
    void pagesAreCompressedForBrowsersThatAcceptGzip() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            var answer = client.get("/w/omitama/journeys/b", b -> b.header("Accept-Encoding", "gzip"));
            assertEquals(200, answer.code());
            assertEquals("gzip", answer.headers().get("Content-Encoding").stream().findFirst().orElse(null));
        });
    }
}
