package kusari.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kusari.ApiClient;
import kusari.ApiClient.Answer;
import kusari.Kusari;
import kusari.TestApp;
import kusari.core.AppConfig;
import kusari.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API's answers, byte for byte, as they were when handlers still built them from maps and JSON nodes (the files
 * under {@code kusari/api/json} were captured from that code): the same property names, in the same order, nulls
 * written or left out as before, numbers written the same way. Answers whose order was never fixed (they were built
 * with {@code Map.of}) are held to the order of their records here.
 */
class ApiJsonTest {

    static final String WS = "/api/v1/workspaces/omitama";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void readAnswersAreTheJsonTheyWere() {
        Javalin app = TestApp.create().start(0);
        try {
            ApiClient api = new ApiClient(app.port());
            assertAnswer(200, "persona-b.json", api.get(WS + "/personas/b"));
            assertAnswer(200, "project-1-01-1.json", api.get(WS + "/projects/1-01-1"));
            assertAnswer(200, "actor-1-steps.json", api.get(WS + "/actors/1/steps"));
            assertAnswer(200, "chain-check-b.json", api.get(WS + "/chain-check?journey=b"));
            assertAnswer(200, "indicator-1-state.json", api.get(WS + "/indicators/1"));
            assertAnswer(404, "error-404-persona.json", api.get(WS + "/personas/zz"));
            // one indicator of the list, as every feature nests it (a project's KPIs, an actor's measures)
            assertEquals(compact(expected("indicator-first.json")), compact(api.get(WS + "/indicators").body().get(0)));
            JsonNode actor = api.get(WS + "/actors/1").body();
            assertEquals(List.of("number", "title"), names(first(actor, "challenges")));
            assertEquals(List.of("code", "name", "basis", "ledByThisActor", "leadActors"), names(first(actor, "projects")));
            assertEquals(List.of("id", "name", "kind"), names(first(actor, "actors")));
        } finally {
            app.stop();
        }
    }

    @Test
    void writeAndErrorAnswersAreTheJsonTheyWere() {
        Database db = TestApp.freshSampleDatabase(dir);
        Javalin app = Kusari.create(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false), db).start(0);
        try {
            ApiClient api = ApiClient.signedIn(app.port(), db);
            assertAnswer(400, "error-400-fields-en.json",
                    api.patch(WS + "/steps/2?lang=en", "{\"version\": 1, \"emotionScore\": 7, \"title\": \"\"}"));
            assertEquals(200, api.patch(WS + "/steps/2", "{\"version\": 1, \"title\": \"A\"}").status());
            assertAnswer(409, "error-409-step.json", api.patch(WS + "/steps/2", "{\"version\": 1, \"title\": \"B\"}"));

            assertEquals(200, api.post(WS + "/reviews/2020/values",
                    "{\"cells\": [{\"indicator\": 1, \"value\": \"1.55\", \"source\": \"人口動態統計\"}]}").status());
            assertAnswer(409, "error-409-values.json",
                    api.post(WS + "/reviews/2020/values", "{\"cells\": [{\"indicator\": 1, \"value\": \"1.6\"}]}"));
            assertAnswer(400, "csv-import-refused.json",
                    api.post(WS + "/reviews/2021/import?apply=true", "指標ID,値\n1,1.55\n2,1.2.3\n"));
            assertAnswer(200, "csv-import-applied.json",
                    api.post(WS + "/reviews/2021/import?apply=true&confirm=true", "指標ID,値\n1,1.55\n2,2\n"));
            // a body of the wrong shape is bad input, not a server error
            Answer wrongShape = api.post(WS + "/reviews/2020/values", "{\"cells\": 3}");
            assertEquals(400, wrongShape.status(), wrongShape.text());
            assertEquals(List.of("field", "message"), names(wrongShape.body().get("fields").get(0)));

            assertEquals(201, api.post(WS + "/actors/1/names",
                    "{\"name\": \"新しい課\", \"fromFiscalYear\": 2023, \"version\": 1}").status());
            assertAnswer(409, "error-409-actor-name.json", api.post(WS + "/actors/1/names",
                    "{\"name\": \"別の課\", \"fromFiscalYear\": 2024, \"version\": 1}"));

            Answer created = api.post(WS + "/steps", "{\"journey\": 2, \"title\": \"API step\"}");
            long step = created.body().get("id").asLong();
            Answer deleted = api.delete(WS + "/steps/" + step + "?version=1");
            assertEquals(List.of("deleted", "change"), names(deleted.body()));
            Answer reverted = api.post(WS + "/history/" + deleted.body().get("change") + "/revert", "");
            assertEquals(List.of("change", "state"), names(reverted.body()));
            assertEquals("API step", reverted.body().get("state").get("title").asText());
            assertEquals(201, api.post(WS + "/step-challenges", "{\"step\": 1, \"challenge\": 13}").status());
            assertEquals(List.of("unlinked", "change"), names(api.delete(WS + "/step-challenges/1/13").body()));
            assertEquals(List.of("latest"), names(api.get(WS + "/history/latest").body()));

            String key = api.get(WS + "/chain-check").body().get("breaks").get(0).get("key").asText();
            Answer dismissed = api.post(WS + "/chain-check/dismissals",
                    "{\"key\": " + ApiClient.quote(key) + ", \"reason\": \" 様子を見る \"}");
            assertEquals(List.of("id", "key", "reason"), names(dismissed.body()));
            assertEquals("様子を見る", dismissed.body().get("reason").asText());
            JsonNode check = api.get(WS + "/chain-check").body();
            assertEquals(List.of("kind", "key", "journey", "place", "message", "mend", "href", "trace", "dismissal"),
                    names(check.get("dismissed").get(0)), "a dismissed break names its dismissal");
            assertFalse(check.get("breaks").get(0).has("dismissal"), "an open break has none");
            Answer undone = api.post(WS + "/chain-check/dismissals/" + dismissed.body().get("id") + "/undo", "");
            assertEquals(List.of("id", "undone"), names(undone.body()));
        } finally {
            app.stop();
        }
    }

    private static void assertAnswer(int status, String file, Answer answer) {
        assertEquals(status, answer.status(), answer.text());
        assertEquals(expected(file).strip(), answer.text().strip(), file);
    }

    private static String expected(String file) {
        try (InputStream in = ApiJsonTest.class.getResourceAsStream("json/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON in one line, property order and number formats kept. */
    private static String compact(Object json) {
        try {
            JsonNode node = json instanceof JsonNode n ? n : JSON.readTree((String) json);
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first entry of the first non-empty list named {@code field} anywhere in {@code json}. */
    private static JsonNode first(JsonNode json, String field) {
        return json.findValues(field).stream().filter(v -> v.isArray() && !v.isEmpty()).findFirst().orElseThrow()
                .get(0);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
