package kusari.edit;

import kusari.EditKinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kusari.TestApp;
import kusari.change.Field;
import kusari.change.Kind;
import kusari.change.Kinds;
import kusari.web.Route;
import kusari.web.RoutePath;
import kusari.web.RouteTable;
import kusari.web.Server;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes every route of the API, and every write with the fields the service validates. */
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

    /**
     * Every API route of the app's route table is in the document with its method, summary and path parameters,
     * and the document has nothing else, so a new route cannot be forgotten.
     */
    @Test
    void everyApiRouteOfTheRouteTableIsDescribedWithItsParameters() throws Exception {
        Javalin app = TestApp.create();
        JavalinTest.test(app, (server, client) -> {
            JsonNode doc = new ObjectMapper().readTree(client.get("/api/v1/openapi.json").body().string());
            RouteTable table = Server.routes(app);
            assertTrue(table.api().size() > 100, "the route table was read: " + table.api().size());
            Map<String, String> pathOfShape = new HashMap<>();
            doc.get("paths").fieldNames().forEachRemaining(p -> pathOfShape.put(RoutePath.of(p).shape(), p));
            Set<String> described = new HashSet<>();
            List<String> wrong = new ArrayList<>();
            for (Route route : table.api()) {
                String relative = route.path().template().substring(Route.API.length());
                String path = pathOfShape.get(RoutePath.of(relative).shape());
                String method = route.method().name().toLowerCase(Locale.ROOT);
                JsonNode op = path == null ? null : doc.get("paths").get(path).get(method);
                if (op == null) {
                    wrong.add(route + " is not in the document");
                    continue;
                }
                described.add(method + " " + path);
                if (!op.path("summary").asText().equals(route.doc().summary())) {
                    wrong.add(route + " has the summary " + op.path("summary"));
                }
                if (RoutePath.of(path).params().size() != route.path().params().size()) {
                    wrong.add(route + " is described with other parameters: " + path);
                }
                boolean file = route.doc().body() != null && route.doc().body().contains("/");
                if (file && !op.path("requestBody").path("content").has(route.doc().body())) {
                    wrong.add(route + " takes the file " + route.doc().body());
                }
                if (route.doc().body() != null && !file && !op.at("/requestBody/content/application~1json/schema/$ref")
                        .asText().equals("#/components/schemas/" + route.doc().body())) {
                    wrong.add(route + " takes " + route.doc().body());
                }
            }
            doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
                if (!m.equals("parameters") && !described.contains(m + " " + p.getKey())) {
                    wrong.add(m + " " + p.getKey() + " is described but not a route");
                }
            }));
            // every schema an operation names exists
            doc.findValues("$ref").forEach(ref -> {
                if (doc.at(ref.asText().substring(1)).isMissingNode()) {
                    wrong.add("no schema " + ref.asText());
                }
            });
            assertEquals(List.of(), wrong);
        });
    }

    @Test
    void theReadAndWriteRoutesOfACollectionShareOnePathNamedAsMostOfThemNameIt() throws Exception {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            JsonNode doc = new ObjectMapper().readTree(client.get("/api/v1/openapi.json").body().string());
            JsonNode persona = doc.at("/paths/~1workspaces~1{ws}~1personas~1{key}");
            assertTrue(persona.has("get") && persona.has("patch") && persona.has("delete"), persona.toString());
            assertTrue(doc.at("/paths/~1workspaces~1{ws}~1personas~1{id}").isMissingNode());
            String year = "";
            for (JsonNode p : doc.at("/paths/~1workspaces~1{ws}~1reviews~1{year}~1values/parameters")) {
                year = p.get("name").asText().equals("year") ? p.get("description").asText() : year;
            }
            assertEquals("The fiscal year: 2021, R3 or 令和3年度", year);
            assertEquals("version", doc.at("/paths/~1workspaces~1{ws}~1steps~1{key}/delete/parameters/0/name").asText());
        });
    }
}
