package kusari.edit;

import kusari.change.WorkspaceKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import kusari.web.Access;
import kusari.web.ApiDoc;
import kusari.web.JsonBody;
import kusari.web.Route;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kusari.change.EditService;
import kusari.change.Kind;
import kusari.change.LinkKind;
import kusari.core.NotFoundException;
import kusari.core.ValidationException;
import kusari.core.Workspace;
import kusari.core.WorkspaceResolver;

/**
 * The JSON API for writes: POST creates, PATCH changes the fields it names (with the {@code version} it is
 * based on), DELETE moves to the trash; links are made and broken; any change can be reverted. Every route
 * calls {@link EditService}, the same as the forms. Described in {@link OpenApi}.
 */
public final class EditApi {

    static final String BASE = "/api/v1/workspaces";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The response header naming the history entry a write made (undo it with POST history/{change}/revert). */
    public static final String CHANGE_HEADER = "Kusari-Change";

    private final WorkspaceResolver resolver;
    private final EditService edits;

    public EditApi(WorkspaceResolver resolver, EditService edits) {
        this.resolver = resolver;
        this.edits = edits;
    }

    /** Collections whose GET by key the read API does not already answer with a richer document. */
    static final List<String> STATE_ONLY = List.of("journeys", "steps", "actions", "framework-nodes", "indicators");

    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        routes.add(Route.post(BASE, this::createWorkspace, Access.SITE_ADMIN)
                .doc(ApiDoc.of("Create a workspace").body("Workspace").status(201)));
        routes.add(Route.patch(BASE + "/{ws}", ctx -> update(ctx, WorkspaceKind.WORKSPACE, ctx.pathParam("ws")), Access.EDIT)
                .doc(ApiDoc.of("Change a workspace (partial; include version)").body("WorkspacePatch")));
        routes.add(Route.delete(BASE + "/{ws}", ctx -> delete(ctx, WorkspaceKind.WORKSPACE, ctx.pathParam("ws")),
                Access.WS_ADMIN).doc(deletion("Delete a workspace into the trash")));
        routes.add(Route.post(BASE + "/{ws}/copy", this::copyWorkspace, Access.SITE_ADMIN)
                .doc(ApiDoc.of("Copy the workspace under a new slug and name").body("WorkspaceCopy").status(201)));
        for (Kind kind : edits.kinds().all()) {
            if (kind == WorkspaceKind.WORKSPACE) {
                continue;
            }
            String collection = BASE + "/{ws}/" + kind.collection();
            String schema = OpenApi.schemaName(kind);
            String key = "The " + kind.keyColumn() + " of the " + kind.name()
                    + (kind.keyWithinLevel() ? " (unique within a level; where the same code is on several levels,"
                    + " name the level with ?level=)" : "");
            Access change = Access.toChange(kind.collection());
            routes.add(Route.post(collection, ctx -> create(ctx, kind), change).doc(ApiDoc.of("Create a " + kind.name()
                    + (kind.ordered() ? " (optional index: its place among its siblings, 0 = first)" : ""))
                    .body(schema).status(201)));
            if (STATE_ONLY.contains(kind.collection())) {
                routes.add(Route.get(collection + "/{key}", ctx -> show(ctx, kind), Access.READ)
                        .doc(keyed(ApiDoc.of("The current state of a " + kind.name()).returns(schema + "State").param("key", key), kind)));
            }
            routes.add(Route.patch(collection + "/{key}", ctx -> update(ctx, kind, ctx.pathParam("key")), change)
                    .doc(keyed(ApiDoc.of("Change the given fields of a " + kind.name() + " (include version)")
                            .body(schema + "Patch").param("key", key), kind)));
            routes.add(Route.delete(collection + "/{key}", ctx -> delete(ctx, kind, ctx.pathParam("key")), change)
                    .doc(keyed(deletion("Delete a " + kind.name() + " and what depends on it into the trash").param("key", key), kind)));
            if (kind.ordered()) {
                routes.add(Route.post(collection + "/{key}/move", ctx -> move(ctx, kind), change)
                        .doc(keyed(ApiDoc.of("Move to an index among its siblings (0 = first)").body("Move").param("key", key), kind)));
            }
        }
        for (LinkKind link : edits.kinds().allLinks()) {
            routes.add(Route.post(BASE + "/{ws}/" + link.collection(), ctx -> link(ctx, link), Access.EDIT)
                    .doc(ApiDoc.of("Link a " + link.left().name() + " to a " + link.right().name())
                            .body(OpenApi.linkSchemaName(link)).status(201)));
            routes.add(Route.delete(BASE + "/{ws}/" + link.collection() + "/{left}/{right}", ctx -> unlink(ctx, link),
                    Access.EDIT).doc(deletion("Break the link").param("left", "The " + link.left().name() + " id")
                            .param("right", "The " + link.right().name() + " id")));
        }
        // anyone who may write may undo; the change guard checks the undo like any other change
        routes.add(Route.post(BASE + "/{ws}/history/{change}/revert", this::revert, Access.EDIT_OWN)
                .doc(ApiDoc.of("Undo one change (itself recorded as a change)").param("change", "The change id")));
        return routes;
    }

    /** A route that names a thing by its key: where the key is unique only within a level, the level too. */
    private static ApiDoc keyed(ApiDoc doc, Kind kind) {
        return kind.keyWithinLevel() ? doc.query("level", "The level (depth, 1 = top) of the code; needed only where"
                + " the same code is on several levels (基本目標1 and 戦略1)") : doc;
    }

    private static ApiDoc deletion(String summary) {
        return ApiDoc.of(summary).query("version", "When given, the delete is refused (409) unless this is the current version");
    }

    // Reads, creates, changes, moves and links answer with the thing's state as EditService reads it: its fields
    // as its edit kind declares them (one shape per kind, so a JSON tree, not a record per kind).

    /** A deletion: the thing went to the trash in history entry {@code change} (revert it to restore). */
    record DeletedJson(boolean deleted, long change) {
    }

    record UnlinkedJson(boolean unlinked, long change) {
    }

    /** A revert: its own history entry and the state it restored (null when it removed the thing). */
    record RevertedJson(long change, JsonNode state) {
    }

    private void createWorkspace(Context ctx) {
        EditService.Saved saved = edits.create(0, WorkspaceKind.WORKSPACE, fields(body(ctx)), null);
        ctx.status(HttpStatus.CREATED).json(saved.state());
    }

    private void copyWorkspace(Context ctx) {
        Workspace ws = resolver.require(ctx);
        EditService.Saved saved = edits.copyWorkspace(WorkspaceKind.WORKSPACE, ws.id(), fields(body(ctx)));
        ctx.status(HttpStatus.CREATED).json(saved.state());
    }

    private void create(Context ctx, Kind kind) {
        Workspace ws = resolver.require(ctx);
        ObjectNode body = body(ctx);
        Integer index = null;
        if (kind.ordered() && body.has("index")) {
            index = integer(body.remove("index"), "index");
        }
        EditService.Saved saved = edits.create(ws.id(), kind, fields(body), index);
        changeHeader(ctx, saved);
        ctx.status(HttpStatus.CREATED).json(saved.state());
    }

    private void show(Context ctx, Kind kind) {
        Workspace ws = resolver.require(ctx);
        long id = id(ctx, ws, kind, ctx.pathParam("key"));
        JsonNode state = edits.find(ws.id(), kind, id).orElseThrow(() -> new NotFoundException(kind.name(), id));
        kusari.web.Versioned.json(ctx, state.path("version").asLong(), state);
    }

    private void update(Context ctx, Kind kind, String key) {
        Workspace ws = resolver.require(ctx);
        long id = id(ctx, ws, kind, key);
        ObjectNode body = body(ctx);
        long version = baseVersion(ctx, body);
        EditService.Saved saved = edits.update(ws.id(), kind, id, version, fields(body));
        changeHeader(ctx, saved);
        ctx.json(saved.state());
    }

    private void delete(Context ctx, Kind kind, String key) {
        Workspace ws = resolver.require(ctx);
        long id = id(ctx, ws, kind, key);
        String version = ctx.queryParam("version");
        Long expected = null;
        if (version != null) {
            try {
                expected = Long.parseLong(version);
            } catch (NumberFormatException e) {
                throw ValidationException.of("version", "validation.notNumber");
            }
        }
        if (expected == null) {
            // If-Match (the ETag of the read) guards a delete like ?version does
            Long match = kusari.web.Versioned.fromIfMatch(ctx.header("If-Match"));
            if (match != null && match < 0) {
                throw ValidationException.of("If-Match", "validation.notNumber");
            }
            expected = match;
        }
        EditService.Saved saved = edits.delete(ws.id(), kind, id, expected);
        ctx.json(new DeletedJson(true, saved.changeId()));
    }

    private void move(Context ctx, Kind kind) {
        Workspace ws = resolver.require(ctx);
        long id = id(ctx, ws, kind, ctx.pathParam("key"));
        ObjectNode body = body(ctx);
        if (!body.has("index")) {
            throw ValidationException.of("index", "validation.required");
        }
        EditService.Saved saved = edits.move(ws.id(), kind, id, integer(body.get("index"), "index"));
        changeHeader(ctx, saved);
        ctx.json(saved.state());
    }

    /**
     * Names the history entry of a create, edit or reorder in the {@value #CHANGE_HEADER} header (the body stays
     * the entity's state), so that the journey editor can offer to undo exactly that change; absent when nothing
     * changed.
     */
    private static void changeHeader(Context ctx, EditService.Saved saved) {
        if (saved.changeId() != 0) {
            ctx.header(CHANGE_HEADER, String.valueOf(saved.changeId()));
        }
    }

    private void link(Context ctx, LinkKind link) {
        Workspace ws = resolver.require(ctx);
        ObjectNode body = body(ctx);
        long left = reference(body.remove(link.left().name()), link.left().name());
        long right = reference(body.remove(link.right().name()), link.right().name());
        ctx.status(HttpStatus.CREATED).json(edits.link(ws.id(), link, left, right, fields(body)).state());
    }

    private void unlink(Context ctx, LinkKind link) {
        Workspace ws = resolver.require(ctx);
        long left = reference(JSON.getNodeFactory().textNode(ctx.pathParam("left")), link.left().name());
        long right = reference(JSON.getNodeFactory().textNode(ctx.pathParam("right")), link.right().name());
        EditService.Saved saved = edits.unlink(ws.id(), link, left, right);
        ctx.json(new UnlinkedJson(true, saved.changeId()));
    }

    private void revert(Context ctx) {
        Workspace ws = resolver.require(ctx);
        long change = reference(JSON.getNodeFactory().textNode(ctx.pathParam("change")), "change");
        EditService.Saved saved = edits.revert(ws.id(), change);
        ctx.json(new RevertedJson(saved.changeId(), saved.state()));
    }

    // ------------------------------------------------------------------ request reading

    private long id(Context ctx, Workspace ws, Kind kind, String key) {
        return edits.findId(ws.id(), kind, key, kind.keyWithinLevel() ? kusari.core.NodeCodes.parseLevel(
                ctx.queryParam("level")) : null).orElseThrow(() -> new NotFoundException(kind.name(), -1));
    }

    private static ObjectNode body(Context ctx) {
        return JsonBody.object(ctx);
    }

    /**
     * The version a change is based on: {@code version} in the body, else the {@code If-Match} header (the ETag
     * of the read, {@code "7"} or {@code W/"7"}), so a client can PATCH exactly what it read.
     */
    private static long baseVersion(Context ctx, ObjectNode body) {
        if (body.has("version")) {
            return integer(body.remove("version"), "version");
        }
        Long match = kusari.web.Versioned.fromIfMatch(ctx.header("If-Match"));
        if (match == null) {
            throw ValidationException.of("version", "validation.versionMissing");
        }
        if (match < 0) {
            throw ValidationException.of("If-Match", "validation.notNumber");
        }
        return match;
    }

    private static Map<String, JsonNode> fields(ObjectNode body) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        body.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
        return fields;
    }

    private static int integer(JsonNode node, String field) {
        if (node != null && node.canConvertToInt() && node.isIntegralNumber()) {
            return node.intValue();
        }
        throw ValidationException.of(field, "validation.notNumber");
    }

    private static long reference(JsonNode node, String field) {
        if (node != null && (node.isIntegralNumber() || node.isTextual() && node.asText().matches("\\d{1,18}"))) {
            return node.asLong();
        }
        throw ValidationException.of(field, node == null ? "validation.required" : "validation.reference");
    }
}
