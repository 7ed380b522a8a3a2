package kusari.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import kusari.TestApp;
import kusari.history.Field;
import kusari.history.Kind;
import kusari.history.Kinds;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes every write the API takes, with the fields the service validates. */
class OpenApiTest {

    @Test
    void everyKindHasItsWritesAndItsFieldsInTheDocument() throws Exception {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            var response = client.get("/api/v1/openapi.json");
            assertEquals(200, response.code());
            JsonNode doc = new ObjectMapper().readTree(response.body().string());
            assertEquals("3.0.3", doc.get("openapi").asText());
            Kinds kinds = EditKinds.all();
            for (Kind kind : kinds.all()) {
                for (Field field : kind.fields()) {
                    boolean found = false;
                    for (var it = doc.at("/components/schemas").fields(); it.hasNext(); ) {
                        var e = it.next();
                        if (e.getValue().at("/properties/" + field.name()).isObject()) {
                            found = true;
                        }
                    }
                    assertTrue(found, kind.name() + "." + field.name());
                }
                if (!kind.collection().equals("workspaces")) {
                    JsonNode item = doc.at("/paths/~1workspaces~1{ws}~1" + kind.collection() + "~1{key}");
                    assertTrue(item.has("patch") && item.has("delete"), kind.collection());
                    assertTrue(doc.at("/paths/~1workspaces~1{ws}~1" + kind.collection()).has("post"), kind.collection());
                }
            }
            JsonNode stepPatch = doc.at("/components/schemas/StepPatch");
            assertEquals("version", stepPatch.at("/required/0").asText());
            assertEquals(-2, stepPatch.at("/properties/emotionScore/minimum").asInt());
            assertTrue(doc.at("/paths/~1workspaces~1{ws}~1step-challenges~1{left}~1{right}").has("delete"));
            assertTrue(doc.at("/paths/~1workspaces~1{ws}~1history~1{change}~1revert").has("post"));
        });
    }
}
