package kusari.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kusari.ApiClient;
import kusari.FreshAppTest;
import kusari.TestApp;
import kusari.db.Sql;
import org.junit.jupiter.api.Test;

/**
 * The journey map's push over HTTP: a committed change reaches an open stream with the map as it now is, a stream
 * that reconnects with its last event id gets what it missed, and only those who may read the workspace (edit it,
 * for the editor's stream) get a stream at all.
 */
class JourneyLiveTest extends FreshAppTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/api/v1/workspaces/omitama";
    private final HttpClient http = HttpClient.newHttpClient();

    /** One event of a stream: its id, name and JSON data. */
    record Event(long id, String name, JsonNode data) {
    }

    /** A stream that is being read in the background; {@link #next} waits for its next event. */
    final class Stream implements AutoCloseable {
        final HttpResponse<InputStream> response;
        final java.util.concurrent.BlockingQueue<Event> events = new java.util.concurrent.LinkedBlockingQueue<>();
        final CompletableFuture<Void> reader;

        Stream(String path, String cookie, String lastEventId) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                    .header("Accept", "text/event-stream");
            if (cookie != null) {
                b.header("Cookie", cookie);
            }
            if (lastEventId != null) {
                b.header("Last-Event-ID", lastEventId);
            }
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            reader = CompletableFuture.runAsync(this::read);
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                long id = 0;
                String name = null;
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("id: ")) {
                        id = Long.parseLong(line.substring(4));
                    } else if (line.startsWith("event: ")) {
                        name = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        events.add(new Event(id, name, JSON.readTree(line.substring(6))));
                    }
                }
            } catch (Exception gone) {
                // the test closed the stream
            }
        }

        Event next(long millis) throws InterruptedException {
            return events.poll(millis, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() throws Exception {
            response.body().close();
        }
    }

    private String admin() {
        return TestApp.adminCookie(db);
    }

    private long stepId(int position) {
        return db.read(c -> Sql.queryLong(c, "SELECT s.id FROM step s JOIN journey j ON j.id = s.journey_id"
                + " WHERE j.slug = 'b' AND s.position = ?", position));
    }

    private void rename(long step, String title) {
        long version = api.get(API + "/steps/" + step).body().get("version").asLong();
        ApiClient.Answer a = api.patch(API + "/steps/" + step,
                "{\"version\": " + version + ", \"title\": \"" + title + "\"}");
        assertEquals(200, a.status(), a.text());
    }

    /** The change the page says it was made from (data-change on the map). */
    private long pageChange(String path) {
        String page = api.get(path).text();
        Matcher m = Pattern.compile("data-change=\"(\\d+)\"").matcher(page);
        assertTrue(m.find(), "the page names the change it was made from");
        return Long.parseLong(m.group(1));
    }

    @Test
    void aChangeReachesBothTheEditorAndThePlainPageWithTheMapAsItNowIs() throws Exception {
        long from = pageChange("/w/omitama/journeys/b");
        assertEquals(from, pageChange("/w/omitama/journeys/b/edit"));
        try (Stream plain = new Stream("/w/omitama/journeys/b/events?after=" + from, admin(), null);
             Stream editor = new Stream("/w/omitama/journeys/b/edit/events?after=" + from, admin(), null)) {
            assertEquals(200, plain.response.statusCode());
            assertTrue(plain.response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            assertEquals(null, plain.next(300), "nothing changed since the page was made: nothing is sent");
            long started = System.nanoTime();
            rename(stepId(2), "窓口で相談する（改）");
            for (Stream s : List.of(plain, editor)) {
                Event e = s.next(2000);
                assertTrue(e != null, "the change arrives");
                assertEquals("journey", e.name());
                assertTrue(e.data().get("html").asText().contains("窓口で相談する（改）"), e.data().toString());
                assertEquals("step", e.data().get("changes").get(0).get("entity").asText());
                assertTrue(e.id() > from);
                assertEquals(e.id(), e.data().get("latest").asLong());
            }
            assertTrue(System.nanoTime() - started < 1_000_000_000L, "within a second");
        }
    }

    @Test
    void theEditorsStreamCarriesTheEditableMapAndThePlainOneDoesNot() throws Exception {
        long from = pageChange("/w/omitama/journeys/b");
        try (Stream plain = new Stream("/w/omitama/journeys/b/events?after=" + from, admin(), null);
             Stream editor = new Stream("/w/omitama/journeys/b/edit/events?after=" + from, admin(), null)) {
            rename(stepId(1), "ひとつめ");
            String plainHtml = plain.next(2000).data().get("html").asText();
            String editorHtml = editor.next(2000).data().get("html").asText();
            assertTrue(editorHtml.contains("data-edit=\"steps/" + stepId(1) + "\""));
            assertTrue(!plainHtml.contains("data-edit=\"steps/"), "the plain page offers no editing");
            assertTrue(editorHtml.contains("data-events=\"/w/omitama/journeys/b/edit/events\""));
        }
    }

    @Test
    void aReconnectingStreamGetsWhatItMissedAndNothingTwice() throws Exception {
        long from = pageChange("/w/omitama/journeys/b");
        long last;
        try (Stream first = new Stream("/w/omitama/journeys/b/events?after=" + from, admin(), null)) {
            rename(stepId(1), "一度目");
            last = first.next(2000).id();
        }
        // while the page was away: two changes
        rename(stepId(2), "二度目");
        rename(stepId(3), "三度目");
        try (Stream again = new Stream("/w/omitama/journeys/b/events", admin(), Long.toString(last))) {
            Event e = again.next(2000);
            String html = e.data().get("html").asText();
            assertTrue(html.contains("一度目") && html.contains("二度目") && html.contains("三度目"), html);
            assertEquals(2, e.data().get("changes").size(), "the two it missed, not the one it had");
            assertNotEquals(last, e.id());
            assertEquals(null, again.next(300), "then nothing until the next change");
        }
        try (Stream upToDate = new Stream("/w/omitama/journeys/b/events", admin(), Long.toString(
                pageChange("/w/omitama/journeys/b")))) {
            assertEquals(null, upToDate.next(300), "a page that has everything is sent nothing");
        }
    }

    @Test
    void aChangeElsewhereInTheWorkspaceSendsThisMapNothing() throws Exception {
        long from = pageChange("/w/omitama/journeys/b");
        long other = db.read(c -> Sql.queryLong(c, "SELECT s.id FROM step s JOIN journey j ON j.id = s.journey_id"
                + " WHERE j.slug = 'a' AND s.position = 1"));
        try (Stream plain = new Stream("/w/omitama/journeys/b/events?after=" + from, admin(), null)) {
            long version = api.get(API + "/steps/" + other).body().get("version").asLong();
            assertEquals(200, api.patch(API + "/steps/" + other,
                    "{\"version\": " + version + ", \"title\": \"Aさんの場面\"}").status());
            assertEquals(null, plain.next(500), "Aさん's journey changed, not Bさん's");
            rename(stepId(1), "Bさんの場面");
            Event e = plain.next(2000);
            assertTrue(e.data().get("html").asText().contains("Bさんの場面"));
        }
    }

    @Test
    void onlyThoseWhoMayReadTheWorkspaceGetItsStream() throws Exception {
        db.inTransaction(c -> Sql.update(c, """
                INSERT INTO workspace_access (workspace_id, public_read) SELECT id, 0 FROM workspace WHERE slug = 'omitama'
                ON CONFLICT (workspace_id) DO UPDATE SET public_read = 0"""));
        try (Stream anonymous = new Stream("/w/omitama/journeys/b/events", null, null);
             Stream anonymousEditor = new Stream("/w/omitama/journeys/b/edit/events", null, null)) {
            assertTrue(anonymous.response.statusCode() >= 300, "no stream of a private workspace: "
                    + anonymous.response.statusCode());
            assertTrue(anonymousEditor.response.statusCode() >= 300);
        }
        try (Stream signedIn = new Stream("/w/omitama/journeys/b/events", admin(), null)) {
            assertEquals(200, signedIn.response.statusCode());
        }
    }

    @Test
    void afterTheFirstMapAStreamSendsOnlyTheLinesThatChanged() throws Exception {
        long from = pageChange("/w/omitama/journeys/b/edit");
        try (Stream editor = new Stream("/w/omitama/journeys/b/edit/events?after=" + from, admin(), null)) {
            rename(stepId(2), "一度目の名前");
            Event first = editor.next(2000);
            String html = first.data().get("html").asText();
            rename(stepId(2), "二度目の名前");
            Event second = editor.next(2000);
            assertTrue(second.data().get("html") == null, "a patch, not the whole map");
            assertEquals(first.id(), second.data().get("base").asLong());
            String patched = LinePatchTest.apply(html, second.data().get("patch"));
            assertTrue(patched.contains("二度目の名前") && !patched.contains("一度目の名前"));
            assertTrue(patched.contains("data-change=\"" + second.id() + "\""), "the map names its change");
            assertTrue(second.data().toString().length() * 10 < html.length(),
                    second.data().toString().length() + " bytes against a map of " + html.length());
        }
    }

    @Test
    void theStreamsEndWithTheServer() throws Exception {
        Stream open = new Stream("/w/omitama/journeys/b/edit/events", admin(), null);
        assertEquals(200, open.response.statusCode());
        app.stop();
        // the reading ends because the server closed the stream, not because the test did
        open.reader.get(10, TimeUnit.SECONDS);
        open.close();
    }
}
