package kusari.edit;

import kusari.change.WorkspaceKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import kusari.change.Field;
import kusari.change.Kind;
import kusari.change.Kinds;
import kusari.change.LinkKind;

/**
 * The OpenAPI 3 description of the JSON API at {@code /api/v1/openapi.json}. The write operations and their
 * schemas are derived from the same kinds the service validates, so the document cannot drift from what
 * the API accepts.
 */
public final class OpenApi {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String WS = "/workspaces/{ws}";

    private final ObjectNode document;

    public OpenApi(Kinds kinds) {
        this.document = build(kinds);
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(document.toPrettyString()));
    }

    public ObjectNode document() {
        return document;
    }

    private static ObjectNode build(Kinds kinds) {
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
        doc.putArray("servers").addObject().put("url", "/api/v1");
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

        readOnly(paths);
        ObjectNode workspaces = child(paths, "/workspaces");
        workspaces.set("post", write("Create a workspace", "Workspace", true, 201));
        ObjectNode workspace = child(paths, WS);
        workspace.set("patch", write("Change a workspace (partial; include version)", "WorkspacePatch", true, 200));
        workspace.set("delete", delete("Delete a workspace into the trash"));
        child(paths, WS + "/copy").set("post", write("Copy the workspace under a new slug and name", "WorkspaceCopy", true, 201));
        schemas.set("WorkspaceCopy", object("slug", "name"));

        for (Kind kind : kinds.all()) {
            String name = schemaName(kind);
            schemas.set(name, schema(kind, false));
            schemas.set(name + "Patch", schema(kind, true));
            if (kind == WorkspaceKind.WORKSPACE) {
                continue;
            }
            String collection = WS + "/" + kind.collection();
            child(paths, collection).set("post", write("Create a " + kind.name()
                    + (kind.ordered() ? " (optional index: its place among its siblings, 0 = first)" : ""), name, true, 201));
            ObjectNode item = child(paths, collection + "/{key}");
            item.set("patch", write("Change the given fields of a " + kind.name() + " (include version)", name + "Patch", true, 200));
            item.set("delete", delete("Delete a " + kind.name() + " and what depends on it into the trash"));
            if (EditApi.STATE_ONLY.contains(kind.collection())) {
                item.set("get", read("The current state of a " + kind.name(), name));
            }
            parameters(item, "key", "The " + kind.keyColumn() + " of the " + kind.name());
            if (kind.ordered()) {
                ObjectNode move = child(paths, collection + "/{key}/move");
                move.set("post", write("Move to an index among its siblings (0 = first)", "Move", true, 200));
                parameters(move, "key", "The " + kind.keyColumn() + " of the " + kind.name());
            }
        }
        schemas.set("Move", object("index"));
        for (LinkKind link : kinds.allLinks()) {
            ObjectNode linkSchema = JSON.objectNode().put("type", "object");
            linkSchema.putArray("required").add(link.left().name()).add(link.right().name());
            ObjectNode props = linkSchema.putObject("properties");
            props.putObject(link.left().name()).put("type", "integer");
            props.putObject(link.right().name()).put("type", "integer");
            link.extra().forEach(f -> props.set(f.name(), property(f)));
            String name = "Link" + camel(link.collection());
            schemas.set(name, linkSchema);
            child(paths, WS + "/" + link.collection()).set("post", write("Link a " + link.left().name() + " to a "
                    + link.right().name(), name, true, 201));
            ObjectNode unlink = child(paths, WS + "/" + link.collection() + "/{left}/{right}");
            unlink.set("delete", delete("Break the link"));
            parameters(unlink, "left", "The " + link.left().name() + " id");
            parameters(unlink, "right", "The " + link.right().name() + " id");
        }
        child(paths, WS + "/history").set("get", read("The workspace's changes, newest first (?before=id for older ones)", null));
        child(paths, WS + "/history/latest").set("get", read("The newest change id", null));
        ObjectNode revert = child(paths, WS + "/history/{change}/revert");
        revert.set("post", write("Undo one change (itself recorded as a change)", null, false, 200));
        parameters(revert, "change", "The change id");
        // Every {name} in a path is a declared parameter, as OpenAPI requires.
        paths.fields().forEachRemaining(e -> {
            var m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(e.getKey());
            while (m.find()) {
                parameters((ObjectNode) e.getValue(), m.group(1), m.group(1).equals("ws")
                        ? "The workspace slug, e.g. omitama" : "The " + m.group(1));
            }
        });
        return doc;
    }

    private static void readOnly(ObjectNode paths) {
        child(paths, "/workspaces").set("get", read("Every workspace", null));
        child(paths, WS).set("get", read("One workspace", null));
        child(paths, WS + "/framework").set("get", read("The framework tree with projects and goal indicators", null));
        child(paths, WS + "/projects").set("get", read("Every project", null));
        child(paths, WS + "/projects/{key}").set("get", read("One project by its code", null));
        child(paths, WS + "/challenges").set("get", read("Every challenge", null));
        child(paths, WS + "/challenges/{key}").set("get", read("One challenge by its number", null));
        child(paths, WS + "/personas").set("get", read("Every persona", null));
        child(paths, WS + "/personas/{key}").set("get", read("One persona with its journeys, steps and actions", null));
        child(paths, WS + "/actors").set("get", read("Every actor", null));
        child(paths, WS + "/actors/{key}").set("get", read("One actor with its actions", null));
        child(paths, WS + "/indicators").set("get", read("Every indicator", null));
        child(paths, WS + "/actors/{key}/steps").set("get", read("Every step where the actor acts, with actions, challenges, projects and indicators", null));
        child(paths, WS + "/actors/{key}/steps.csv").set("get", read("The same as CSV (UTF-8 with BOM)", null));
        child(paths, WS + "/actors/{key}/steps.xlsx").set("get", read("The same as an .xlsx workbook", null));
        child(paths, WS + "/matrix").set("get", read("Actors × personas: steps each actor acts at (filters: kind, field, year)", null));
        child(paths, WS + "/matrix.csv").set("get", read("The matrix as CSV (UTF-8 with BOM)", null));
        child(paths, WS + "/matrix.xlsx").set("get", read("The matrix as an .xlsx workbook", null));
        child(paths, WS + "/matrix/journeys/{journey}").set("get", read("One journey's actors × steps", null));
        child(paths, WS + "/trace/{kind}/{key}").set("get", read("The trace from a step, challenge, project, measure, policy-field or indicator", null));
        child(paths, WS + "/budgets").set("get", read("Budget roll-ups per challenge, persona and policy field", null));
        child(paths, WS + "/chain-check").set("get", read("Every break of the chain, per journey, with chain scores", null));
        child(paths, WS + "/export.zip").set("get", read("The workspace as its data files, zipped", null));
        child(paths, WS + "/actors/{key}/names").set("post", write("Rename an actor from a fiscal year on: {name, fromFiscalYear, version}", null, false, 200));
        child(paths, WS + "/chain-check/dismissals").set("post", write("Dismiss a break with a reason", null, false, 201));
        child(paths, WS + "/chain-check/dismissals/{key}/undo").set("post", write("Undo a dismissal", null, false, 200));
        child(paths, "/openapi.json").set("get", read("This document", null));
        // the indicator table and the yearly review
        child(paths, WS + "/indicator-table").set("get", read(
                "The indicator table: groups of the framework, rows with values, achievement and grade per fiscal year", null));
        ObjectNode values = child(paths, WS + "/reviews/{year}/values");
        values.set("post", write("Save a fiscal year's values in one step: {\"cells\": [{indicator, version, state, value,"
                + " dataDate, source, note}]}; all or nothing", null, false, 200));
        parameters(values, "year", "The fiscal year: 2021, R3 or 令和3年度");
        ObjectNode csv = child(paths, WS + "/reviews/{year}/import");
        csv.set("post", write("Dry run of a CSV of actuals (UTF-8 or Shift_JIS) sent as the body; ?apply=true applies it"
                + " when it has no problem", null, false, 200));
        parameters(csv, "year", "The fiscal year: 2021, R3 or 令和3年度");
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
            case TEXT, TEXTAREA, SLUG -> p.put("type", "string").put("maxLength", field.maxLength());
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
            case LINES -> p.put("type", "array").put("maxItems", field.max()).putObject("items").put("type", "string");
            case REFERENCES -> p.put("type", "array").put("description", "Ids of " + field.refTable() + " rows, in order")
                    .putObject("items").put("type", "integer");
            case BUDGET -> p.put("type", "object").put("description", "Thousand yen per fiscal year, e.g. {\"2021\": 1200}")
                    .putObject("additionalProperties").put("type", "integer").put("minimum", 0);
        }
        return p;
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

    private static ObjectNode read(String summary, String schema) {
        ObjectNode op = JSON.objectNode().put("summary", summary);
        ObjectNode ok = op.putObject("responses").putObject("200").put("description", "OK");
        if (schema != null) {
            ok.putObject("content").putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/" + schema);
        }
        errors(op, "404");
        return op;
    }

    private static ObjectNode write(String summary, String schema, boolean body, int status) {
        ObjectNode op = JSON.objectNode().put("summary", summary);
        ArrayNode security = op.putArray("security");
        ObjectNode session = security.addObject();
        session.putArray("session");
        session.putArray("csrfHeader");
        session.putArray("csrfCookie");
        security.addObject().putArray("bearer");
        if (body && schema != null) {
            op.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                    .putObject("schema").put("$ref", "#/components/schemas/" + schema);
        }
        op.putObject("responses").putObject(String.valueOf(status)).put("description", "Done: the new state");
        errors(op, "400", "403", "404", "409");
        return op;
    }

    private static ObjectNode delete(String summary) {
        ObjectNode op = write(summary, null, false, 200);
        op.putArray("parameters").addObject().put("name", "version").put("in", "query").put("required", false)
                .put("description", "When given, the delete is refused (409) unless this is the current version")
                .putObject("schema").put("type", "integer");
        return op;
    }

    private static void errors(ObjectNode op, String... statuses) {
        for (String status : statuses) {
            child(op, "responses").putObject(status).put("description", switch (status) {
                case "400" -> "Invalid input: fields names each refused field with a message in the user's language";
                case "403" -> "Missing or wrong CSRF token";
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

    private static String schemaName(Kind kind) {
        return camel(kind.name().replace('_', '-'));
    }

    private static String camel(String dashed) {
        StringBuilder out = new StringBuilder();
        for (String part : dashed.split("-")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }
}
