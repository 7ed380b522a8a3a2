package kusari.history;

import kusari.change.ChangeEntry;
import kusari.change.ChangeLog;
import kusari.change.EditService;
import kusari.change.Kind;
import kusari.change.Summaries;
import kusari.core.ConflictException;

import com.fasterxml.jackson.databind.JsonNode;
import kusari.web.Access;
import kusari.web.ApiDoc;
import kusari.web.Pages;
import kusari.web.Route;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.core.Workspace;
import kusari.core.WorkspaceResolver;
import kusari.web.Links;
import kusari.web.NotFound;
import kusari.web.Requests;
import kusari.core.Ui;

/** The timeline of a workspace, each entity's history tab, the trash, and undo of any change. */
public final class HistoryController {

    private static final int PAGE_SIZE = 50;
    /** Municipal staff read times in Japan time, whatever the server's zone. */
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Tokyo"));
    private static final Set<String> NOT_SHOWN = Set.of("id", "version", "position");

    private final WorkspaceResolver resolver;
    private final EditService edits;
    private final Database database;

    public HistoryController(WorkspaceResolver resolver, EditService edits, Database database) {
        this.resolver = resolver;
        this.edits = edits;
        this.database = database;
    }

    public List<Route> routes() {
        return List.of(
                Route.get(Links.HISTORY, this::timeline, Access.READ),
                Route.get(Links.ENTITY_HISTORY, this::entity, Access.READ),
                // anyone who may write may undo; the change guard checks the undo like any other change
                Route.post(Links.REVERT, this::revert, Access.EDIT_OWN),
                Route.get(Links.TRASH, this::trash, Access.READ),
                Route.get(Links.WORKSPACE_TRASH, this::workspaceTrash, Access.SITE_ADMIN),
                Route.post(Links.RESTORE_WORKSPACE, this::restoreWorkspace, Access.SITE_ADMIN),
                Route.get("/api/v1/workspaces/{ws}/history", this::timelineJson, Access.READ)
                        .doc(ApiDoc.of("The workspace's changes, newest first (?before=id for older ones); summary as"
                                        + " stored, summaryShown in the request's language")
                                .returnsList(ChangeJson.class)),
                Route.get("/api/v1/workspaces/{ws}/history/latest", this::latest, Access.READ)
                        .doc(ApiDoc.of("The newest change id").returns(LatestJson.class)));
    }

    /** {@code ?before=<change id>} for older changes; anything but a change id is a 400, not the newest page. */
    private static Long before(Context ctx) {
        String raw = ctx.queryParam("before");
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!raw.strip().matches("\\d{1,18}")) {
            throw new io.javalin.http.BadRequestResponse(Requests.ui(ctx).t("history.error.before", raw));
        }
        return Long.valueOf(raw.strip());
    }

    private void timeline(Context ctx) {
        Workspace ws = resolver.require(ctx);
        Ui ui = Requests.ui(ctx);
        Long before = before(ctx);
        List<ChangeEntry> entries = database.read(c -> ChangeLog.forWorkspace(c, ws.id(), before, PAGE_SIZE));
        String older = entries.size() == PAGE_SIZE
                ? Links.history(ws.slug()) + "?before=" + entries.get(entries.size() - 1).id() : null;
        render(ctx, new HistoryPage(ui, ws, ui.t("history.timeline"), ui.t("history.timelineIntro"),
                views(ui, ws, entries), older, false));
    }

    private void entity(Context ctx) {
        Workspace ws = resolver.require(ctx);
        Ui ui = Requests.ui(ctx);
        Kind kind = edits.kinds().byCollection(ctx.pathParam("kind"))
                .orElseThrow(() -> NotFound.of(ctx, "error.notFound.page", ctx.path()));
        long id = NotFound.pathLong(ctx, "id", "error.notFound.entity");
        List<ChangeEntry> entries = database.read(c -> ChangeLog.forEntity(c, kind.name(), id)).stream()
                .filter(e -> e.workspaceId() != null && e.workspaceId() == ws.id()).toList();
        if (entries.isEmpty() && edits.find(ws.id(), kind, id).isEmpty()) {
            throw NotFound.of(ctx, "error.notFound.entity");
        }
        String label = edits.find(ws.id(), kind, id).map(s -> edits.label(kind, id))
                .orElse(entries.isEmpty() ? "" : Summaries.of(ui, entries.get(0)));
        render(ctx, new HistoryPage(ui, ws, ui.t("history.entityTitle", ui.t("kind." + kind.name()), label),
                entries.isEmpty() ? ui.t("history.noChanges") : "", views(ui, ws, entries), null, false));
    }

    private void trash(Context ctx) {
        Workspace ws = resolver.require(ctx);
        Ui ui = Requests.ui(ctx);
        List<ChangeEntry> deleted = database.read(c -> Sql.query(c, """
                SELECT id FROM change_log WHERE workspace_id = ? AND after_json IS NULL AND reverted_by IS NULL
                AND json_extract(before_json, '$.snapshot') IS NOT NULL ORDER BY id DESC""",
                rs -> rs.getLong(1), ws.id())).stream()
                .map(id -> database.read(c -> ChangeLog.find(c, id)).orElseThrow()).toList();
        render(ctx, new HistoryPage(ui, ws, ui.t("history.trash"),
                deleted.isEmpty() ? ui.t("history.trashEmpty") : ui.t("history.trashIntro"),
                views(ui, ws, deleted), null, true));
    }

    /** Deleted workspaces: their own trash went with them, so they are listed here. */
    private void workspaceTrash(Context ctx) {
        Ui ui = Requests.ui(ctx);
        List<ChangeEntry> deleted = database.read(c -> Sql.query(c, """
                SELECT id FROM change_log WHERE entity = 'workspace' AND after_json IS NULL AND reverted_by IS NULL
                AND json_extract(before_json, '$.snapshot') IS NOT NULL
                AND workspace_id NOT IN (SELECT id FROM workspace) ORDER BY id DESC""",
                rs -> rs.getLong(1))).stream()
                .map(id -> database.read(c -> ChangeLog.find(c, id)).orElseThrow()).toList();
        List<ChangeView> views = deleted.stream().map(e -> new ChangeView(e.id(), WHEN.format(Instant.parse(e.changedAt())),
                e.changedBy(), ui.t("op." + e.operation()), ui.t("kind.workspace"), Summaries.of(ui, e), null, List.of(), true,
                null, null)).toList();
        Pages.render(ctx, "history/workspaces.jte", new HistoryPage(ui, null, ui.t("history.workspaceTrash"),
                views.isEmpty() ? ui.t("history.trashEmpty") : ui.t("history.trashIntro"), views, null, true));
    }

    private void restoreWorkspace(Context ctx) {
        long change = NotFound.pathLong(ctx, "change", "error.notFound.entity");
        ChangeEntry entry = database.read(c -> ChangeLog.find(c, change))
                .filter(e -> e.entity().equals("workspace") && e.workspaceId() != null)
                .orElseThrow(() -> NotFound.of(ctx, "error.notFound.entity"));
        EditService.Saved saved = edits.revert(entry.workspaceId(), change);
        ctx.redirect(Links.withDone(Links.home(saved.state().get("slug").asText()), saved.changeId()),
                HttpStatus.SEE_OTHER);
    }

    private void revert(Context ctx) {
        Workspace ws = resolver.require(ctx);
        long change = NotFound.pathLong(ctx, "change", "error.notFound.entity");
        EditService.Saved saved;
        try {
            saved = edits.revert(ws.id(), change);
        } catch (ConflictException e) {
            throw new HttpResponseException(409, Requests.ui(ctx).t("history.revert.conflict"));
        }
        String back = Links.sitePath(ctx.formParam("return"));
        ctx.redirect(Links.withDone(back != null ? back : Links.history(ws.slug()), saved.changeId()), HttpStatus.SEE_OTHER);
    }

    private void timelineJson(Context ctx) {
        Workspace ws = resolver.require(ctx);
        Long before = before(ctx);
        Ui ui = Requests.ui(ctx);
        ctx.json(database.read(c -> ChangeLog.forWorkspace(c, ws.id(), before, PAGE_SIZE)).stream()
                .map(e -> ChangeJson.of(e, Summaries.of(ui, e))).toList());
    }

    /**
     * A change as the API gives it: the entry as recorded ({@code summary} exactly as stored and sealed into the hash
     * chain, so a client can check it), and {@code summaryShown}, the summary as the history page says it in the
     * request's language ({@code ?lang=en} or the language cookie; Japanese otherwise).
     */
    record ChangeJson(long id, Long workspaceId, String changedAt, String changedBy, String entity, Long entityId,
                      kusari.change.Operation operation, String summary, String summaryShown, JsonNode before,
                      JsonNode after, Long revertsId, Long revertedBy) {
        static ChangeJson of(ChangeEntry e, String shown) {
            return new ChangeJson(e.id(), e.workspaceId(), e.changedAt(), e.changedBy(), e.entity(), e.entityId(),
                    e.operation(), e.summary(), shown, e.before(), e.after(), e.revertsId(), e.revertedBy());
        }
    }

    /** The newest change id (0 before the first change). */
    record LatestJson(long latest) {
    }

    /** The newest change id: an open journey map polls it to notice other people's edits. */
    private void latest(Context ctx) {
        Workspace ws = resolver.require(ctx);
        ctx.json(new LatestJson(database.read(c -> ChangeLog.latestId(c, ws.id()))));
    }

    private void render(Context ctx, HistoryPage page) {
        Pages.render(ctx, "history/list.jte", page);
    }

    private List<ChangeView> views(Ui ui, Workspace ws, List<ChangeEntry> entries) {
        List<ChangeView> views = new ArrayList<>();
        for (ChangeEntry e : entries) {
            String entityUrl = edits.kinds().byName(e.entity())
                    .filter(k -> e.entityId() != null)
                    .map(k -> Links.entityHistory(ws.slug(), k.collection(), e.entityId())).orElse(null);
            views.add(new ChangeView(e.id(), WHEN.format(Instant.parse(e.changedAt())), e.changedBy(),
                    ui.t("op." + e.operation()), ui.t("kind." + e.entity()), Summaries.of(ui, e), entityUrl,
                    fieldChanges(ui, e), !e.reverted() && undoable(e), e.revertedBy(), e.revertsId()));
        }
        return views;
    }

    /**
     * Whether the history can undo this kind of change: those of the edit kinds and their links can; a workshop's
     * opening or closing, or a chain-check dismissal, has no undo here, so no button that could only be refused.
     */
    private boolean undoable(ChangeEntry e) {
        return edits.kinds().byName(e.entity()).isPresent() || edits.kinds().link(e.entity()).isPresent();
    }

    /** The fields a change of values touched, before and after, in the kind's field order. */
    private List<ChangeView.FieldChange> fieldChanges(Ui ui, ChangeEntry e) {
        List<ChangeView.FieldChange> changes = new ArrayList<>();
        JsonNode before = e.before();
        JsonNode after = e.after();
        if (before != null && after != null && before.has("order") && e.entityId() != null) {
            changes.add(new ChangeView.FieldChange(ui.t("history.position"),
                    String.valueOf(place(before, e.entityId())), String.valueOf(place(after, e.entityId()))));
            return changes;
        }
        if (before == null || after == null || before.has("snapshot")) {
            return changes;
        }
        for (Iterator<String> it = after.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (NOT_SHOWN.contains(name) || after.get(name).equals(before.get(name))) {
                continue;
            }
            changes.add(new ChangeView.FieldChange(ui.t("field." + e.entity() + "." + name),
                    text(ui, e.entity(), name, before.get(name)), text(ui, e.entity(), name, after.get(name))));
        }
        return changes;
    }

    /** The 1-based place of an entity in a recorded order. */
    private static int place(JsonNode order, long id) {
        int i = 0;
        for (JsonNode n : order.get("order")) {
            i++;
            if (n.asLong() == id) {
                return i;
            }
        }
        return 0;
    }

    /** A stored code (a workshop's OPEN, CLOSED) in the reader's language when the bundle names it. */
    private static String text(Ui ui, String entity, String field, JsonNode value) {
        if (value != null && value.isTextual()) {
            String key = "value." + entity + "." + field + "." + value.asText();
            String named = ui.t(key);
            if (!named.equals(key)) {
                return named;
            }
        }
        return text(ui, value);
    }

    private static String text(Ui ui, JsonNode value) {
        if (value == null || value.isNull() || value.isTextual() && value.asText().isEmpty()
                || value.isContainerNode() && value.isEmpty()) {
            return ui.t("history.empty");
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(v.asText()));
            return String.join(" / ", items);
        }
        if (value.isObject()) {
            List<String> items = new ArrayList<>();
            value.fields().forEachRemaining(f -> items.add(f.getKey() + ": " + f.getValue().asText()));
            return String.join(" / ", items);
        }
        return value.asText();
    }
}
