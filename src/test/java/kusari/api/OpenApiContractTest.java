package kusari.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import kusari.ApiClient;
import kusari.ApiClient.Answer;
import kusari.FreshAppTest;
import kusari.db.Sql;
import org.junit.jupiter.api.Test;

/**
 * The API keeps the promises of its OpenAPI document: a maintained parser reads the document without a message,
 * every operation declares a schema for each status it answers, and the real answers of every GET on the sample,
 * of representative writes and of errors validate against those schemas (a JSON Schema library, the OpenAPI 3.0
 * dialect, so {@code nullable} counts).
 */
class OpenApiContractTest extends FreshAppTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WS = "/api/v1/workspaces/omitama";

    private JsonNode document() throws Exception {
        Answer doc = api.get("/api/v1/openapi.json");
        assertEquals(200, doc.status());
        return doc.body();
    }

    @Test
    void aMaintainedOpenApiParserReadsTheDocumentWithoutAMessage() throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(api.get("/api/v1/openapi.json").text(), null,
                options);
        assertNotNull(parsed.getOpenAPI(), String.valueOf(parsed.getMessages()));
        assertEquals(List.of(), parsed.getMessages());
        assertTrue(parsed.getOpenAPI().getPaths().size() > 40);
    }

    @Test
    void everyOperationHasASchemaForEveryStatusAndErrorsShareOne() throws Exception {
        JsonNode doc = document();
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (op.getKey().equals("parameters")) {
                    continue;
                }
                operations++;
                assertTrue(op.getValue().hasNonNull("operationId"), path.getKey());
                for (Iterator<Map.Entry<String, JsonNode>> st = op.getValue().get("responses").fields(); st.hasNext(); ) {
                    Map.Entry<String, JsonNode> status = st.next();
                    JsonNode content = status.getValue().path("content");
                    if (!content.fields().hasNext() || !content.fields().next().getValue().has("schema")) {
                        missing.add(op.getKey() + " " + path.getKey() + " " + status.getKey());
                    }
                    if (status.getKey().startsWith("4")) {
                        assertEquals("#/components/schemas/Error",
                                content.path("application/json").path("schema").path("$ref").asText(), path.getKey());
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "responses without a schema");
        // every write that reads a body declares it; these take none (an undo, a revert, a vote, a move's index
        // is its body: declared)
        List<String> bodiless = List.of("post /workspaces/{ws}/history/{change}/revert",
                "post /workspaces/{ws}/chain-check/dismissals/{id}/undo", "post /join/{code}/cards/{id}/vote");
        List<String> withoutBody = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String name = op.getKey() + " " + path.getKey();
            if ((op.getKey().equals("post") || op.getKey().equals("patch")) && !op.getValue().has("requestBody")
                    && !bodiless.contains(name)) {
                withoutBody.add(name);
            }
        }));
        assertEquals(List.of(), withoutBody, "writes without a request body");
        assertTrue(operations > 90, "operations: " + operations);
    }

    /** The schema the document declares for an answer, made a document of its own with the components beside it. */
    private static Schema schemaFor(JsonNode doc, String path, String method, int status) {
        JsonNode op = doc.get("paths").get(path).get(method);
        assertNotNull(op, method + " " + path);
        JsonNode response = op.get("responses").get(String.valueOf(status));
        assertNotNull(response, method + " " + path + " has no " + status + " in " + op.get("responses"));
        JsonNode schema = response.get("content").get("application/json").get("schema");
        ObjectNode root = JSON.createObjectNode();
        root.setAll((ObjectNode) schema.deepCopy());
        root.set("components", doc.get("components"));
        return SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30()).getSchema(root);
    }

    private static void assertValid(JsonNode doc, String path, String method, Answer answer) {
        assertNotNull(answer.body(), method + " " + path + ": JSON expected, got " + answer.text());
        List<com.networknt.schema.Error> errors = schemaFor(doc, path, method, answer.status()).validate(answer.body());
        assertEquals(List.of(), errors.stream().map(Object::toString).toList(),
                method + " " + path + " " + answer.status() + ": " + abbreviate(answer.text()));
    }

    private static String abbreviate(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }

    private long id(String sql) {
        return db.read(c -> Sql.queryLong(c, sql));
    }

    private String text(String sql) {
        return db.read(c -> Sql.queryOne(c, sql, rs -> rs.getString(1)).orElseThrow());
    }

    @Test
    void everyApiReadOfTheSampleAnswersAsItsSchemaSays() throws Exception {
        JsonNode doc = document();
        api.post(WS + "/workshops", "{\"journey\": \"" + text("SELECT slug FROM journey ORDER BY id LIMIT 1")
                + "\", \"title\": \"市民ミーティング\"}");
        long workshop = id("SELECT id FROM workshop LIMIT 1");
        long actor = id("SELECT id FROM actor ORDER BY id LIMIT 1");
        long step = id("SELECT id FROM step ORDER BY id LIMIT 1");
        String journey = text("SELECT slug FROM journey ORDER BY id LIMIT 1");
        Map<String, String> reads = new java.util.LinkedHashMap<>();
        reads.put("/workspaces/{ws}/projects/{key}", WS + "/projects/1-01-1");
        reads.put("/workspaces/{ws}/personas/{key}", WS + "/personas/a");
        reads.put("/workspaces/{ws}/challenges/{key}", WS + "/challenges/1");
        reads.put("/workspaces/{ws}/actors/{key}", WS + "/actors/" + actor);
        reads.put("/workspaces/{ws}/actors/{id}/steps", WS + "/actors/" + actor + "/steps");
        reads.put("/workspaces/{ws}/matrix/journeys/{journey}", WS + "/matrix/journeys/" + journey);
        reads.put("/workspaces/{ws}/framework-nodes/{key}", WS + "/framework-nodes/1-01");
        reads.put("/workspaces/{ws}/journeys/{key}", WS + "/journeys/" + journey);
        reads.put("/workspaces/{ws}/steps/{key}", WS + "/steps/" + step);
        reads.put("/workspaces/{ws}/actions/{key}", WS + "/actions/" + id("SELECT id FROM action ORDER BY id LIMIT 1"));
        reads.put("/workspaces/{ws}/indicators/{key}", WS + "/indicators/" + id("SELECT id FROM indicator ORDER BY id LIMIT 1"));
        reads.put("/workspaces/{ws}/trace/{kind}/{id}", WS + "/trace/step/b-1");
        reads.put("/workspaces/{ws}/search", WS + "/search?q=子育て");
        reads.put("/workspaces/{ws}/workshops/{id}", WS + "/workshops/" + workshop);
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode get = path.getValue().get("get");
            // a participant's view needs the participant's cookie from the join page: the workshop tests cover it
            if (get == null || !get.get("responses").get("200").path("content").has("application/json")
                    || path.getKey().startsWith("/join/{code}")) {
                continue;
            }
            String concrete = reads.getOrDefault(path.getKey(),
                    "/api/v1" + path.getKey().replace("{ws}", "omitama"));
            assertTrue(!concrete.contains("{"), "a real key for " + path.getKey());
            Answer answer = api.get(concrete);
            assertEquals(200, answer.status(), concrete + ": " + abbreviate(answer.text()));
            assertValid(doc, path.getKey(), "get", answer);
            checked++;
        }
        assertTrue(checked >= 30, "reads checked: " + checked);
    }

    @Test
    void writesAndErrorsAnswerAsTheirSchemasSay() throws Exception {
        JsonNode doc = document();
        Answer created = api.post(WS + "/personas", """
                {"slug": "z", "label": "Zさん", "tagline": "試しの人物"}""");
        assertEquals(201, created.status(), created.text());
        assertValid(doc, "/workspaces/{ws}/personas", "post", created);
        long version = created.body().path("version").asLong();

        Answer patched = api.patch(WS + "/personas/z", "{\"tagline\": \"変えた\", \"version\": " + version + "}");
        assertEquals(200, patched.status(), patched.text());
        assertValid(doc, "/workspaces/{ws}/personas/{key}", "patch", patched);

        Answer stale = api.patch(WS + "/personas/z", "{\"tagline\": \"古い\", \"version\": " + version + "}");
        assertEquals(409, stale.status(), stale.text());
        assertValid(doc, "/workspaces/{ws}/personas/{key}", "patch", stale);

        Answer bad = api.post(WS + "/personas", "{\"slug\": 5}");
        assertEquals(400, bad.status(), bad.text());
        assertValid(doc, "/workspaces/{ws}/personas", "post", bad);

        Answer anonymous = new ApiClient(app.port()).post(WS + "/personas", "{\"slug\": \"y\", \"label\": \"Yさん\"}");
        assertEquals(401, anonymous.status(), anonymous.text());
        assertValid(doc, "/workspaces/{ws}/personas", "post", anonymous);

        Answer missing = api.get(WS + "/personas/nobody");
        assertEquals(404, missing.status());
        assertValid(doc, "/workspaces/{ws}/personas/{key}", "get", missing);

        long indicator = id("SELECT id FROM indicator WHERE name = '合計特殊出生率'");
        Answer values = api.post(WS + "/reviews/2020/values",
                "{\"cells\": [{\"indicator\": " + indicator + ", \"value\": \"1.55\"}]}");
        assertEquals(200, values.status(), values.text());
        assertValid(doc, "/workspaces/{ws}/reviews/{year}/values", "post", values);

        Answer dryRun = api.send("POST", WS + "/reviews/2021/import", "指標ID,値\n" + indicator + ",1.56\n");
        assertEquals(200, dryRun.status(), dryRun.text());
        assertValid(doc, "/workspaces/{ws}/reviews/{year}/import", "post", dryRun);

        Answer deleted = api.delete(WS + "/personas/z");
        assertEquals(200, deleted.status(), deleted.text());
        assertValid(doc, "/workspaces/{ws}/personas/{key}", "delete", deleted);
    }
}
