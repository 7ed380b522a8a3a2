package kusari.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import kusari.ApiClient;
import kusari.FreshAppTest;
import kusari.ApiClient.Answer;
import kusari.db.Sql;
import org.junit.jupiter.api.Test;

/** The JSON write API on a fresh copy of the sample. */
class EditApiTest extends FreshAppTest {

    static final String WS = "/api/v1/workspaces/omitama";

    /** Failures inside writer threads, which JUnit would not see by itself. */
    final List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());

    Thread start(Runnable work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (Throwable t) {
                failures.add(t);
            }
        });
        thread.start();
        return thread;
    }

    long stepId(int position) {
        return db.<Long>read(c -> Sql.queryLong(c, "SELECT s.id FROM step s JOIN journey j ON j.id = s.journey_id"
                + " WHERE j.slug = 'b' AND s.position = ?", position));
    }

    @Test
    void patchChangesOnlyTheNamedFieldsAndAnswersTheNewState() {
        long id = stepId(2);
        JsonNode before = api.get(WS + "/steps/" + id).body();
        Answer answer = api.patch(WS + "/steps/" + id, "{\"version\": " + before.get("version") + ", \"painPoint\": \"相談先がわからない\"}");
        assertEquals(200, answer.status());
        assertEquals("相談先がわからない", answer.body().get("painPoint").asText());
        assertEquals(before.get("title"), answer.body().get("title"));
        assertEquals(before.get("version").asLong() + 1, answer.body().get("version").asLong());
    }

    @Test
    void aStalePatchIs409WithTheCurrentState() {
        long id = stepId(2);
        long version = api.get(WS + "/steps/" + id).body().get("version").asLong();
        assertEquals(200, api.patch(WS + "/steps/" + id, "{\"version\": " + version + ", \"title\": \"A\"}").status());
        Answer stale = api.patch(WS + "/steps/" + id, "{\"version\": " + version + ", \"title\": \"B\"}");
        assertEquals(409, stale.status());
        assertEquals("A", stale.body().get("current").get("title").asText());
        assertTrue(stale.body().get("message").asText().contains("ほかの人"));
    }

    @Test
    void badInputIs400NamingTheFieldInTheUsersLanguage() {
        long id = stepId(2);
        Answer answer = api.patch(WS + "/steps/" + id, "{\"version\": 1, \"emotionScore\": 7}");
        assertEquals(400, answer.status());
        assertEquals("emotionScore", answer.body().get("fields").get(0).get("field").asText());
        assertEquals("-2から2までの整数で入力してください。", answer.body().get("fields").get(0).get("message").asText());
        Answer english = api.patch(WS + "/steps/" + id + "?lang=en", "{\"version\": 1, \"emotionScore\": 7}");
        assertEquals("Enter a whole number from -2 to 2.", english.body().get("fields").get(0).get("message").asText());
        assertEquals(400, api.patch(WS + "/steps/" + id, "not json").status());
        assertEquals(400, api.patch(WS + "/steps/" + id, "{\"title\": \"no version\"}").status());
        assertEquals(404, api.patch(WS + "/steps/99999", "{\"version\": 1}").status());
        assertEquals(404, api.patch(WS + "/challenges/abc", "{\"version\": 1}").status());
    }

    @Test
    void createMoveDeleteAndRevertThroughTheApi() {
        long journey = db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM journey WHERE slug = 'b'"));
        Answer created = api.post(WS + "/steps", "{\"journey\": " + journey + ", \"title\": \"API step\", \"index\": 0}");
        assertEquals(201, created.status());
        assertEquals(1, created.body().get("position").asInt());
        long id = created.body().get("id").asLong();
        Answer moved = api.post(WS + "/steps/" + id + "/move", "{\"index\": 2}");
        assertEquals(3, moved.body().get("position").asInt());
        Answer deleted = api.delete(WS + "/steps/" + id + "?version=" + moved.body().get("version"));
        assertEquals(200, deleted.status());
        assertEquals(404, api.get(WS + "/steps/" + id).status());
        Answer restored = api.post(WS + "/history/" + deleted.body().get("change") + "/revert", "");
        assertEquals(200, restored.status());
        assertEquals("API step", api.get(WS + "/steps/" + id).body().get("title").asText());
    }

    @Test
    void linksAreMadeAndBrokenByIds() {
        long step = stepId(1);
        long challenge = db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM challenge WHERE number = 13"));
        assertEquals(201, api.post(WS + "/step-challenges", "{\"step\": " + step + ", \"challenge\": " + challenge + "}").status());
        assertEquals(400, api.post(WS + "/step-challenges", "{\"step\": " + step + ", \"challenge\": " + challenge + "}").status());
        assertEquals(200, api.delete(WS + "/step-challenges/" + step + "/" + challenge).status());
        assertEquals(400, api.delete(WS + "/step-challenges/" + step + "/" + challenge).status());
    }

    @Test
    void aWriteWithoutTheCsrfTokenIsRefused() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + app.port() + WS + "/steps/" + stepId(1)))
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"version\": 1, \"title\": \"x\"}")).build();
        assertEquals(403, http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    /**
     * Many facilitators typing into the same step at once: every save either lands (and is then in the final
     * state, or superseded by a later save) or is told it conflicted. No word is lost silently.
     */
    @Test
    void concurrentWritersOnOneStepNeverLoseAnUpdateSilently() throws Exception {
        long id = stepId(4);
        long initial = api.get(WS + "/steps/" + id).body().get("version").asLong();
        int writers = 8;
        int attempts = 15;
        List<Thread> threads = new ArrayList<>();
        List<String[]> successes = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < writers; w++) {
            int writer = w;
            threads.add(start(() -> {
                ApiClient client = ApiClient.signedIn(app.port(), db);
                for (int a = 0; a < attempts; a++) {
                    long version = client.get(WS + "/steps/" + id).body().get("version").asLong();
                    String title = "writer " + writer + " attempt " + a;
                    Answer answer = client.patch(WS + "/steps/" + id,
                            "{\"version\": " + version + ", \"title\": " + ApiClient.quote(title) + "}");
                    statuses.add(answer.status());
                    if (answer.status() == 200) {
                        successes.add(new String[] {answer.body().get("version").asText(), title});
                    } else {
                        assertEquals(409, answer.status());
                        assertNotNull(answer.body().get("current"));
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(List.of(), failures);
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409), statuses.toString());
        assertFalse(successes.isEmpty());
        JsonNode last = api.get(WS + "/steps/" + id).body();
        // Each success made exactly one new version; the highest one is what the step says now.
        assertEquals(initial + successes.size(), last.get("version").asLong());
        assertEquals(successes.size(), successes.stream().map(s -> s[0]).distinct().count());
        String newest = successes.stream().max(java.util.Comparator.comparingLong(s -> Long.parseLong(s[0]))).orElseThrow()[1];
        assertEquals(newest, last.get("title").asText());
        // The history holds every success in version order: each one superseded only by a later one.
        List<String> recorded = db.read(c -> Sql.query(c, "SELECT json_extract(after_json, '$.title') FROM change_log"
                + " WHERE entity = 'step' AND entity_id = ? ORDER BY id", rs -> rs.getString(1), id));
        List<String> byVersion = successes.stream().sorted(java.util.Comparator.comparingLong(s -> Long.parseLong(s[0])))
                .map(s -> s[1]).toList();
        assertEquals(byVersion, recorded);
    }

    @Test
    void concurrentInsertsIntoOneJourneyAllLandInDistinctPlaces() throws Exception {
        long journey = db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM journey WHERE slug = 'b'"));
        long before = db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM step WHERE journey_id = ?", journey));
        List<Thread> threads = new ArrayList<>();
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < 6; w++) {
            int writer = w;
            threads.add(start(() -> {
                ApiClient client = ApiClient.signedIn(app.port(), db);
                for (int a = 0; a < 5; a++) {
                    statuses.add(client.post(WS + "/steps", "{\"journey\": " + journey + ", \"title\": \"w" + writer + "-" + a
                            + "\", \"index\": " + (a % 3) + "}").status());
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(List.of(), failures);
        assertTrue(statuses.stream().allMatch(s -> s == 201), statuses.toString());
        List<Integer> positions = db.read(c -> Sql.query(c, "SELECT position FROM step WHERE journey_id = ? ORDER BY position",
                rs -> rs.getInt(1), journey));
        assertEquals(before + 30, positions.size());
        for (int i = 0; i < positions.size(); i++) {
            assertEquals(i + 1, positions.get(i));
        }
    }
}
