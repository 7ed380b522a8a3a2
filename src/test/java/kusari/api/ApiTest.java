package kusari.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.util.ArrayList;
import java.util.List;
import kusari.SampleFiles;
import kusari.TestApp;
import kusari.files.WorkspaceFiles.StepEntry;
import org.junit.jupiter.api.Test;

class ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "/api/v1/workspaces/omitama";

    private static JsonNode get(HttpClient client, String path, int status) throws Exception {
        var res = client.get(path);
        assertEquals(status, res.code(), path);
        assertTrue(res.headers().get("Content-Type").get(0).startsWith("application/json"), path);
        return JSON.readTree(res.body().string());
    }

    @Test
    void workspacesAreListed() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            JsonNode list = get(client, "/api/v1/workspaces", 200);
            assertTrue(list.isArray());
            assertEquals("omitama", list.get(0).get("slug").asText());
            assertEquals(2020, list.get(0).get("planPeriod").get("from").asInt());
            assertEquals(2024, list.get(0).get("planPeriod").get("to").asInt());
        });
    }

    @Test
    void personasAndBsanWithHerJourney() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            JsonNode list = get(client, BASE + "/personas", 200);
            assertEquals(8, list.size());
            JsonNode b = get(client, BASE + "/personas/b", 200);
            assertEquals("Bさん", b.get("label").asText());
            JsonNode steps = b.get("journeys").get(0).get("steps");
            List<String> titles = new ArrayList<>();
            steps.forEach(s -> titles.add(s.get("title").asText()));
            assertEquals(SampleFiles.journey("b").steps().stream().map(StepEntry::title).toList(), titles);
            assertEquals(1, steps.get(0).get("position").asInt());
            boolean kenko = false;
            boolean challenge2 = false;
            for (JsonNode s : steps) {
                for (JsonNode a : s.get("actions")) {
                    for (JsonNode actor : a.get("actors")) {
                        kenko |= actor.get("name").asText().equals("健康増進課") && actor.get("kind").asText().equals("GOVERNMENT");
                    }
                }
                for (JsonNode c : s.get("challenges")) {
                    challenge2 |= c.get("number").asInt() == 2;
                }
            }
            assertTrue(kenko, "健康増進課 acts on B's journey");
            assertTrue(challenge2, "課題2 spans B's steps");
        });
    }

    @Test
    void challengesProjectsActorsFrameworkAndIndicators() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            assertEquals(13, get(client, BASE + "/challenges", 200).size());
            JsonNode c2 = get(client, BASE + "/challenges/2", 200);
            assertEquals("子育てアプリが知られていない", c2.get("title").asText());
            List<String> codes = new ArrayList<>();
            c2.get("projects").forEach(p -> codes.add(p.get("code").asText()));
            assertTrue(codes.contains("1-03-4"), codes.toString());

            assertEquals(36, get(client, BASE + "/projects", 200).size());
            JsonNode p = get(client, BASE + "/projects/1-03-4", 200);
            assertEquals("出産子育て情報アプリ利用促進事業", p.get("name").asText());
            assertEquals("1", p.get("path").get(0).get("code").asText());

            JsonNode actors = get(client, BASE + "/actors", 200);
            assertEquals(SampleFiles.omitama().actors().actors().size(), actors.size());
            long id = actors.get(0).get("id").asLong();
            assertEquals(id, get(client, BASE + "/actors/" + id, 200).get("id").asLong());

            JsonNode framework = get(client, BASE + "/framework", 200);
            assertEquals(4, framework.size());
            assertEquals("政策分野", framework.get(0).get("level").asText());
            assertTrue(framework.get(0).get("indicators").size() > 0, "goal indicators on field 1");

            JsonNode indicators = get(client, BASE + "/indicators", 200);
            assertTrue(indicators.isArray() && indicators.size() > 13);
            assertEquals("GOAL", indicators.get(0).get("kind").asText());
        });
    }

    @Test
    void unknownIdsAnswer404WithAJsonErrorBody() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            for (String path : List.of("/api/v1/workspaces/nowhere/personas", BASE + "/personas/zz",
                    BASE + "/challenges/99", BASE + "/challenges/x", BASE + "/projects/0-00-0", BASE + "/actors/123456",
                    BASE + "/actors/x", "/api/v1/nothing")) {
                JsonNode error = get(client, path, 404);
                assertEquals(404, error.get("status").asInt(), path);
                assertTrue(error.get("message").asText().length() > 3, path);
            }
        });
    }
}
