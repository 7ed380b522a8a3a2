package kusari.edit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kusari.change.Field;
import kusari.change.Kind;
import kusari.change.Kinds;
import kusari.change.LinkKind;
import kusari.web.Access;
import kusari.web.ApiDoc;
import kusari.web.Links;
import kusari.web.Route;
import kusari.web.RoutePath;
import kusari.web.RouteTable;
import kusari.web.Server;

/**
 * The OpenAPI 3 description of the JSON API at {@code /api/v1/openapi.json}. Its paths are the API routes of the
 * route table, each with the summary and schemas declared on the route; the schemas of the writes are derived
 * from the same kinds the service validates, so the document cannot drift from what the API accepts.
 */
public final class OpenApi {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Kinds kinds;
    /** The document of the route table it was last built for (one table per app). */
    private volatile Built built;

    private record Built(RouteTable routes, String json) {
    }

    public OpenApi(Kinds kinds) {
        this.kinds = kinds;
    }

    public List<Route> routes() {
        return List.of(Route.get(Links.OPENAPI, this::serve, Access.ANYONE)
                        .doc(ApiDoc.of("This document").returns(com.fasterxml.jackson.databind.node.ObjectNode.class)),
                Route.get(Links.API_DOCS, this::docsPage, Access.ANYONE),
                Route.get(Links.API_DOCS_FILE, this::docsFile, Access.ANYONE));
    }

    /** Swagger UI's files from its WebJar, and Kusari's initializer; nothing else is served from there. */
    private static final Map<String, String> DOCS_FILES = Map.of(
            "swagger-ui.css", "text/css", "swagger-ui-bundle.js", "text/javascript",
            "swagger-ui-standalone-preset.js", "text/javascript", "kusari-init.js", "text/javascript");

    private static String swaggerUiVersion() {
        try (java.io.InputStream in = OpenApi.class.getResourceAsStream(
                "/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("Swagger UI's WebJar is missing from the class path", e);
        }
    }

    private static final String SWAGGER_UI = "/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";

    private void docsPage(Context ctx) {
        kusari.web.Pages.render(ctx, "edit/apiDocs.jte", new ApiDocsPage(kusari.web.Requests.ui(ctx), Links.openApi(),
                Links.apiDocsFile("swagger-ui.css"), Links.apiDocsFile("swagger-ui-bundle.js"),
                Links.apiDocsFile("swagger-ui-standalone-preset.js"), Links.apiDocsFile("kusari-init.js")));
    }

    private void docsFile(Context ctx) throws java.io.IOException {
        String file = ctx.pathParam("file");
        String type = DOCS_FILES.get(file);
        if (type == null) {
            throw kusari.web.NotFound.of(ctx, "error.notFound.page", file);
        }
        String resource = file.equals("kusari-init.js") ? "/apidocs/kusari-init.js" : SWAGGER_UI + file;
        try (java.io.InputStream in = OpenApi.class.getResourceAsStream(resource)) {
            ctx.contentType(type + "; charset=utf-8");
            // the WebJar's files change only with its version, which names the folder they come from
            ctx.header("Cache-Control", "public, max-age=86400");
            ctx.result(in.readAllBytes());
        }
    }

    private void serve(Context ctx) {
        RouteTable routes = Server.routes(ctx);
        Built b = built;
        if (b == null || b.routes() != routes) {
            b = new Built(routes, document(kinds, routes).toPrettyString());
            built = b;
        }
        ctx.contentType("application/json").result(b.json());
    }

    /** The document of these kinds' schemas and these routes' API paths. */
    public static ObjectNode document(Kinds kinds, RouteTable routes) {
        ObjectNode doc = JSON.objectNode();
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Kusari API");
        info.put("version", "1");
        info.put("description", "Experience-chain design (体験鎖設計) workspaces: read every part of the chain, and change it "
                + "through the same validation, version check and audit history as the forms. Every write needs an account "
                + "with a role that allows it: either an API token as `Authorization: Bearer <token>`, or a signed-in "
                + "session with the CSRF pair (the kusari_csrf cookie and the same value in the X-CSRF-Token header). "
                + "Without either a write answers 401, with too small a role 403. A PATCH names the "
                + "version it is based on; a stale one answers 409 with the current state.");
        doc.putArray("servers").addObject().put("url", Route.API);
        ObjectNode paths = doc.putObject("paths");
        ObjectNode schemas = doc.putObject("components").putObject("schemas");
        schemas.set("Error", errorSchema());
        ObjectNode security = child(doc, "components").putObject("securitySchemes");
        security.putObject("csrfHeader").put("type", "apiKey").put("in", "header").put("name", "X-CSRF-Token");
        security.putObject("csrfCookie").put("type", "apiKey").put("in", "cookie").put("name", "kusari_csrf");
        // a signed-in session with the CSRF pair, or an API token alone
        security.putObject("session").put("type", "apiKey").put("in", "cookie").put("name", "kusari_session")
                .put("description", "The session of a signed-in browser (__Host-kusari_session over HTTPS).");
        security.putObject("bearer").put("type", "http").put("scheme", "bearer")
                .put("description", "An API token (account page or `kusari.jar create-token <name>`); no CSRF pair needed.");

        for (Kind kind : kinds.all()) {
            String name = schemaName(kind);
            schemas.set(name, schema(kind, false));
            schemas.set(name + "Patch", schema(kind, true));
            schemas.set(name + "State", state(kind));
        }
        RecordSchemas records = new RecordSchemas(schemas);
        schemas.set("WorkspaceCopy", object("slug", "name"));
        schemas.set("Move", object("index"));
        schemas.set("ReviewCells", reviewCells());
        // the bodies of the writes outside the edit kinds, as their handlers read them
        schemas.set("ActorRename", body(List.of("name", "version"), "name", "string", "fromFiscalYear", "integer",
                "version", "integer"));
        schemas.set("Dismissal", body(List.of("key", "reason"), "key", "string", "reason", "string"));
        schemas.set("WorkshopNew", body(List.of("journey"), "journey", "string", "title", "string", "date", "string",
                "named", "boolean", "votesPerParticipant", "integer", "cardsShared", "boolean"));
        schemas.set("WorkshopChange", body(List.of("version"), "version", "integer", "phase", "string",
                "focusStep", "integer", "timerSeconds", "integer", "status", "string").put("additionalProperties", true));
        schemas.set("CardHidden", body(List.of(), "hidden", "boolean"));
        schemas.set("CardPromotion", body(List.of("to"), "to", "string", "where", "string")
                .put("additionalProperties", true));
        schemas.set("CardNew", body(List.of("step"), "step", "integer", "kind", "string", "text", "string",
                "emotion", "integer"));
        schemas.set("CardText", body(List.of("text"), "text", "string"));
        // what every write answers: the thing's state as its kind declares it, with its id and version
        schemas.set("State", JSON.objectNode().put("type", "object").put("additionalProperties", true)
                .set("properties", JSON.objectNode()
                        .set("version", JSON.objectNode().put("type", "integer"))));
        for (LinkKind link : kinds.allLinks()) {
            ObjectNode linkSchema = JSON.objectNode().put("type", "object");
            linkSchema.putArray("required").add(link.left().name()).add(link.right().name());
            ObjectNode props = linkSchema.putObject("properties");
            props.putObject(link.left().name()).put("type", "integer");
            props.putObject(link.right().name()).put("type", "integer");
            link.extra().forEach(f -> props.set(f.name(), property(f)));
            schemas.set(linkSchemaName(link), linkSchema);
        }

        // OpenAPI forbids two paths that differ only in the names of their parameters, and the read and the write
        // routes of a collection name their key differently ({id}, {number}, {code}; {key}): routes of one shape
        // share one path item, whose parameters are named as most of its routes name them.
        java.util.Set<String> operationIds = new java.util.HashSet<>();
        Map<String, List<Route>> byShape = new LinkedHashMap<>();
        for (Route route : routes.api()) {
            byShape.computeIfAbsent(route.path().shape(), s -> new ArrayList<>()).add(route);
        }
        for (List<Route> group : byShape.values()) {
            RoutePath named = mostNamed(group);
            ObjectNode item = child(paths, named.template().substring(Route.API.length()));
            for (Route route : group) {
                ObjectNode op = operation(route.method(), route.doc(), records);
                op.put("operationId", operationId(route, operationIds));
                item.set(route.method().name().toLowerCase(Locale.ROOT), op);
                for (int i = 0; i < named.params().size(); i++) {
                    String description = route.doc().parameters().get(route.path().params().get(i));
                    if (description != null) {
                        parameters(item, named.params().get(i), description);
                    }
                }
            }
            // Every {name} in a path is a declared parameter, as OpenAPI requires.
            for (String param : named.params()) {
                parameters(item, param, param.equals("ws") ? "The workspace slug, e.g. omitama" : "The " + param);
            }
        }
        return doc;
    }

    /**
     * A unique name for a client generator: the method and the path's words, e.g. {@code patchSteps} for PATCH
     * /workspaces/{ws}/steps/{key} and {@code getPersonasById}; a number is added in the rare case of a tie.
     */
    private static String operationId(Route route, java.util.Set<String> taken) {
        StringBuilder id = new StringBuilder(route.method().name().toLowerCase(Locale.ROOT));
        String[] parts = route.path().template().substring(Route.API.length()).split("[/.\\-]+");
        for (String part : parts) {
            if (part.isEmpty() || part.equals("workspaces") || part.equals("{ws}")) {
                continue;
            }
            String word = part.startsWith("{") ? "By" + part.substring(1, part.length() - 1) : part;
            id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        String base = id.toString();
        String unique = base;
        for (int n = 2; !taken.add(unique); n++) {
            unique = base + n;
        }
        return unique;
    }

    /** The body of the review values: {"cells": [...]}, every text of a cell optional. */
    private static ObjectNode reviewCells() {
        ObjectNode cell = JSON.objectNode().put("type", "object").put("additionalProperties", false);
        ObjectNode props = cell.putObject("properties");
        props.putObject("indicator").put("type", "integer");
        props.putObject("version").put("type", "integer");
        for (String text : List.of("state", "value", "dataDate", "source", "note")) {
            props.putObject(text).put("type", "string");
        }
        ObjectNode schema = JSON.objectNode().put("type", "object").put("additionalProperties", false);
        schema.putArray("required").add("cells");
        schema.putObject("properties").putObject("cells").put("type", "array").set("items", cell);
        return schema;
    }

    /** The template most routes of one shape are declared with; the first declared of those when tied. */
    private static RoutePath mostNamed(List<Route> group) {
        Map<String, Integer> count = new LinkedHashMap<>();
        group.forEach(r -> count.merge(r.path().template(), 1, Integer::sum));
        String best = group.get(0).path().template();
        for (Map.Entry<String, Integer> e : count.entrySet()) {
            if (e.getValue() > count.get(best)) {
                best = e.getKey();
            }
        }
        String template = best;
        return group.stream().map(Route::path).filter(p -> p.template().equals(template)).findFirst().orElseThrow();
    }

    private static ObjectNode operation(HandlerType method, ApiDoc doc, RecordSchemas records) {
        ObjectNode answer = answer(doc, records);
        ObjectNode op = method == HandlerType.GET
                ? read(doc.summary(), answer, doc.produces() == null ? "application/json" : doc.produces())
                : write(doc.summary(), doc.body(), doc.status(), answer);
        for (ApiDoc.Query query : doc.query()) {
            op.withArray("parameters").addObject().put("name", query.name()).put("in", "query").put("required", false)
                    .put("description", query.description()).putObject("schema").put("type", "integer");
        }
        return op;
    }

    private static ObjectNode schema(Kind kind, boolean patch) {
        ObjectNode schema = JSON.objectNode().put("type", "object").put("additionalProperties", false);
        ObjectNode props = schema.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        if (patch) {
            props.putObject("version").put("type", "integer").put("description", "The version this change is based on");
            required.add("version");
        }
        for (Field field : kind.fields()) {
            if (patch && field.createOnly()) {
                continue;
            }
            props.set(field.name(), property(field));
            if (!patch && field.required() && field.defaultValue() == null) {
                required.add(field.name());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    private static ObjectNode property(Field field) {
        ObjectNode p = JSON.objectNode();
        switch (field.type()) {
            case TEXT, TEXTAREA, SLUG -> {
                p.put("type", "string").put("maxLength", field.maxLength());
                if (field.refTable() != null) {
                    p.put("description", "One of the names the workspace lists in " + field.refTable());
                }
            }
            case CHOICE -> {
                p.put("type", "string");
                ArrayNode values = p.putArray("enum");
                field.choices().forEach(values::add);
            }
            case INTEGER -> p.put("type", "integer").put("minimum", field.min()).put("maximum", field.max());
            case DECIMAL -> p.put("type", "number").put("nullable", true);
            case YEAR -> p.put("type", "string").put("description", "A fiscal year: 2020, 2020年度, R2, 令和2年度, H31 …");
            case FLAG -> p.put("type", "boolean");
            case REFERENCE -> p.put("type", "integer").put("nullable", !field.required())
                    .put("description", "The id of a " + field.refTable() + " of the same workspace");
            case LINES -> p.put("type", "array").put("maxItems", field.max()).putObject("items").put("type", "string")
                    .put("maxLength", field.lineMaxLength());
            case REFERENCES -> p.put("type", "array").put("description", "Ids of " + field.refTable() + " rows, in order")
                    .putObject("items").put("type", "integer");
            case BUDGET -> p.put("type", "object").put("description", "Thousand yen per fiscal year, e.g. {\"2021\": 1200}")
                    .putObject("additionalProperties").put("type", "integer").put("minimum", 0);
        }
        return p;
    }

    /** An object of these properties (name, type, name, type …), the {@code required} ones required. */
    private static ObjectNode body(List<String> required, String... namesAndTypes) {
        ObjectNode schema = JSON.objectNode().put("type", "object");
        if (!required.isEmpty()) {
            ArrayNode names = schema.putArray("required");
            required.forEach(names::add);
        }
        ObjectNode props = schema.putObject("properties");
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            props.putObject(namesAndTypes[i]).put("type", namesAndTypes[i + 1]);
        }
        return schema;
    }

    private static ObjectNode object(String... integerOrStringFields) {
        ObjectNode schema = JSON.objectNode().put("type", "object");
        ArrayNode required = schema.putArray("required");
        ObjectNode props = schema.putObject("properties");
        for (String f : integerOrStringFields) {
            props.putObject(f).put("type", f.equals("index") ? "integer" : "string");
            required.add(f);
        }
        return schema;
    }

    /** The schema of a success's body: a file, a record (or a list of them), a named component, or null. */
    private static ObjectNode answer(ApiDoc doc, RecordSchemas records) {
        if (doc.produces() != null) {
            return JSON.objectNode().put("type", "string").put("format", "binary");
        }
        if (doc.type() != null) {
            ObjectNode one = records.of(doc.type());
            if (!doc.many()) {
                return one;
            }
            ObjectNode list = JSON.objectNode().put("type", "array");
            list.set("items", one);
            return list;
        }
        return doc.returns() == null ? null : JSON.objectNode().put("$ref", "#/components/schemas/" + doc.returns());
    }

    /**
     * What a single-entity read or write of an edit kind answers: the kind's fields as the service reads them, with
     * the {@code id} and the {@code version} a PATCH names.
     */
    private static ObjectNode state(Kind kind) {
        ObjectNode schema = JSON.objectNode().put("type", "object").put("additionalProperties", false);
        ObjectNode props = schema.putObject("properties");
        props.putObject("id").put("type", "integer");
        props.putObject("version").put("type", "integer");
        if (kind.ordered()) {
            props.putObject("position").put("type", "integer").put("description", "Its place among its siblings");
        }
        for (Field field : kind.fields()) {
            // a fiscal year is taken in any notation (R2, 令和2年度) and stored as the western year
            ObjectNode p = field.type() == Field.Type.YEAR ? JSON.objectNode().put("type", "integer") : property(field);
            p.remove("maxLength");
            props.set(field.name(), p.put("nullable", true));
        }
        schema.putArray("required").add("version");
        return schema;
    }

    private static ObjectNode read(String summary, ObjectNode schema, String mediaType) {
        ObjectNode op = JSON.objectNode().put("summary", summary);
        ObjectNode ok = op.putObject("responses").putObject("200").put("description", "OK");
        if (schema != null) {
            ok.putObject("content").putObject(mediaType).set("schema", schema);
        }
        errors(op, "400", "404");
        return op;
    }

    private static ObjectNode write(String summary, String schema, int status, ObjectNode answer) {
        ObjectNode op = JSON.objectNode().put("summary", summary);
        ArrayNode security = op.putArray("security");
        ObjectNode session = security.addObject();
        session.putArray("session");
        session.putArray("csrfHeader");
        session.putArray("csrfCookie");
        security.addObject().putArray("bearer");
        if (schema != null && schema.contains("/")) {
            // a file as the body (the CSV of actuals), not JSON
            op.putObject("requestBody").put("required", true).putObject("content").putObject(schema)
                    .putObject("schema").put("type", "string");
        } else if (schema != null) {
            op.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                    .putObject("schema").put("$ref", "#/components/schemas/" + schema);
        }
        op.putObject("responses").putObject(String.valueOf(status)).put("description", "Done: the new state")
                .putObject("content").putObject("application/json")
                .set("schema", answer != null ? answer : JSON.objectNode().put("$ref", "#/components/schemas/State"));
        errors(op, "400", "401", "403", "404", "409");
        return op;
    }

    private static void errors(ObjectNode op, String... statuses) {
        for (String status : statuses) {
            child(op, "responses").putObject(status).put("description", switch (status) {
                case "400" -> "Invalid input: fields names each refused field with a message in the user's language";
                case "401" -> "Not signed in and no API token";
                case "403" -> "Missing or wrong CSRF token, or a role that does not allow this";
                case "404" -> "No such workspace or entity";
                default -> "Conflict: the entity changed since the given version; current holds its current state";
            }).putObject("content").putObject("application/json").putObject("schema")
                    .put("$ref", "#/components/schemas/Error");
        }
    }

    private static ObjectNode errorSchema() {
        ObjectNode schema = JSON.objectNode().put("type", "object");
        ObjectNode props = schema.putObject("properties");
        props.putObject("status").put("type", "integer");
        props.putObject("error").put("type", "string");
        props.putObject("message").put("type", "string");
        ObjectNode field = props.putObject("fields").put("type", "array").putObject("items").put("type", "object");
        field.putObject("properties").putObject("field").put("type", "string");
        child(field, "properties").putObject("message").put("type", "string");
        props.putObject("current").put("type", "object").put("nullable", true);
        return schema;
    }

    /** The object under {@code name}, made when missing. (Jackson's with() reads "/…" as a JSON pointer.) */
    private static ObjectNode child(ObjectNode parent, String name) {
        JsonNode existing = parent.get(name);
        return existing instanceof ObjectNode object ? object : parent.putObject(name);
    }

    private static void parameters(ObjectNode pathItem, String name, String description) {
        ArrayNode params = pathItem.withArray("parameters");
        for (var p : params) {
            if (p.get("name").asText().equals(name)) {
                return;
            }
        }
        params.addObject().put("name", name).put("in", "path").put("required", true).put("description", description)
                .putObject("schema").put("type", "string");
    }

    /** The component schema of a kind ({@code Step}; its partial change {@code StepPatch}). */
    static String schemaName(Kind kind) {
        return camel(kind.name().replace('_', '-'));
    }

    static String linkSchemaName(LinkKind link) {
        return "Link" + camel(link.collection());
    }

    private static String camel(String dashed) {
        StringBuilder out = new StringBuilder();
        for (String part : dashed.split("-")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }
}
