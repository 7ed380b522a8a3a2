package kusari.edit;

import kusari.EditKinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import kusari.TestApp;
import kusari.change.Field;
import kusari.change.Kind;
import kusari.change.Kinds;
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
            // Every path parameter is declared.
            doc.get("paths").fields().forEachRemaining(p -> {
                var m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(p.getKey());
                while (m.find()) {
                    String name = m.group(1);
                    boolean declared = false;
                    for (JsonNode param : p.getValue().path("parameters")) {
                        declared |= param.get("name").asText().equals(name);
                    }
                    assertTrue(declared, p.getKey() + " declares " + name);
                }
            });
        });
    }

    /** Every API route written in the source appears in the document, so a new route cannot be forgotten. */
    @Test
    void everyApiRouteInTheSourceIsDescribed() throws Exception {
        java.util.regex.Pattern route = java.util.regex.Pattern.compile("routes\\.(get|post|patch|delete|put)\\(\"/api/v1([^\"]*)\"");
        java.util.Set<String> described = new java.util.HashSet<>();
        JsonNode doc = new OpenApi(EditKinds.all()).document();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(method ->
                described.add(method + " " + p.getKey().replaceAll("\\{[^}]+}", "{}"))));
        java.util.List<String> missing = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.walk(TestApp.PROJECT_DIR.resolve("src/main/java"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var m = route.matcher(java.nio.file.Files.readString(file));
                while (m.find()) {
                    String key = m.group(1) + " " + m.group(2).replaceAll("\\{[^}]+}", "{}");
                    if (!described.contains(key)) {
                        missing.add(key + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertEquals(java.util.List.of(), missing);
    }
}
