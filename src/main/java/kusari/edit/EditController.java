package kusari.edit;

import kusari.change.WorkspaceKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import kusari.web.Access;
import kusari.web.Pages;
import kusari.web.Route;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.core.ConflictException;
import kusari.change.EditService;
import kusari.core.FieldError;
import kusari.change.Kind;
import kusari.change.LinkKind;
import kusari.core.NotFoundException;
import kusari.core.ValidationException;
import kusari.core.Workspace;
import kusari.core.WorkspaceResolver;
import kusari.web.ErrorPages;
import kusari.web.Links;
import kusari.web.NotFound;
import kusari.web.Requests;
import kusari.core.Ui;

/**
 * The HTML forms that create, edit and delete every kind of entity and make or break links. They work
 * without JavaScript; the journey map's in-place editing uses the JSON API for the same changes. A form
 * that comes back with errors shows them next to the fields; one that lost a race shows the person's
 * change beside the current one (see {@link EditPage#conflict()}).
 */
public final class EditController {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final WorkspaceResolver resolver;
    private final EditService edits;
    private final Database database;

    public EditController(WorkspaceResolver resolver, EditService edits, Database database) {
        this.resolver = resolver;
        this.edits = edits;
        this.database = database;
    }

    public List<Route> routes() {
        return List.of(
                Route.get(Links.NEW_WORKSPACE, this::newWorkspaceForm, Access.SITE_ADMIN),
                Route.post(Links.NEW_WORKSPACE, this::createWorkspace, Access.SITE_ADMIN),
                Route.get(Links.COPY_WORKSPACE, this::copyForm, Access.SITE_ADMIN),
                Route.post(Links.COPY_WORKSPACE, this::copy, Access.SITE_ADMIN),
                // who may change an entity depends on its kind: the {kind} of the request decides
                Route.get(Links.NEW_ENTITY, this::newForm, Access.EDIT_BY_KIND),
                Route.post(Links.NEW_ENTITY, this::create, Access.EDIT_BY_KIND),
                Route.get(Links.EDIT, this::editForm, Access.EDIT_BY_KIND),
                Route.post(Links.EDIT, this::update, Access.EDIT_BY_KIND),
                Route.get(Links.DELETE, this::deleteForm, Access.EDIT_BY_KIND),
                Route.post(Links.DELETE, this::delete, Access.EDIT_BY_KIND),
                Route.post(Links.MOVE, this::move, Access.EDIT_BY_KIND),
                Route.post(Links.LINK, this::link, Access.EDIT));
    }

    // ------------------------------------------------------------------ create

    private void newForm(Context ctx) {
        Workspace ws = resolver.require(ctx);
        Kind kind = kind(ctx);
        // Query parameters pre-fill the form: the journey of a new step, the step of a new action.
        Map<String, JsonNode> values = new LinkedHashMap<>();
        kind.fields().forEach(f -> {
            String given = ctx.queryParam(f.name());
            values.put(f.name(), given != null ? JSON.textNode(given)
                    : f.defaultValue() != null ? JSON.pojoNode(f.defaultValue()) : null);
        });
        renderForm(ctx, ws, kind, null, null, values, List.of(), null, HttpStatus.OK);
    }

    private void create(Context ctx) {
        Workspace ws = resolver.require(ctx);
        Kind kind = kind(ctx);
        Map<String, JsonNode> input = EditForm.read(ctx, kind, true);
        Integer index = index(ctx.formParam("index"));
        try {
            EditService.Saved saved = edits.create(ws.id(), kind, input, index);
            redirectAfter(ctx, ws, kind, saved.state().get("id").asLong(), saved.changeId());
        } catch (ValidationException e) {
            renderForm(ctx, ws, kind, null, null, input, e.errors(), null, HttpStatus.BAD_REQUEST);
        }
    }

    // ------------------------------------------------------------------ edit

    private void editForm(Context ctx) {
        Workspace ws = resolver.require(ctx);
        Kind kind = kind(ctx);
        long id = id(ctx, ws, kind);
        JsonNode state = edits.find(ws.id(), kind, id).orElseThrow(() -> notFound(ctx));
        renderForm(ctx, ws, kind, id, state.get("version").asLong(), values(state), List.of(), null, HttpStatus.OK);
    }

    private void update(Context ctx) {
        Workspace ws = resolver.require(ctx);
        Kind kind = kind(ctx);
        long id = id(ctx, ws, kind);
        Map<String, JsonNode> input = EditForm.read(ctx, kind, false);
        long version = version(ctx);
        try {
            EditService.Saved saved = edits.update(ws.id(), kind, id, version, input);
            redirectAfter(ctx, ws, kind, id, saved.changeId());
        } catch (ValidationException e) {
            renderForm(ctx, ws, kind, id, version, input, e.errors(), null, HttpStatus.BAD_REQUEST);
        } catch (ConflictException e) {
            // The person's values stay in the boxes; the current ones are shown beside them. Saving again is
            // based on the current version, so it re-applies their change knowingly.
            JsonNode current = e.current();
            Long currentVersion = current == null ? null : current.get("version").asLong();
            renderForm(ctx, ws, kind, id, currentVersion, input, List.of(), current == null ? JSON.nullNode() : current,
                    HttpStatus.CONFLICT);
        } catch (NotFoundException e) {
            throw notFound(ctx);
        }
    }

    private void renderForm(Context ctx, Workspace ws, Kind kind, Long id, Long version, Map<String, JsonNode> values,
                            List<FieldError> errors, JsonNode conflict, HttpStatus status) {
        Ui ui = Requests.ui(ctx);
        boolean creating = id == null;
        boolean isWorkspace = kind == WorkspaceKind.WORKSPACE;
        EditPage page = database.read(c -> {
            long scope = isWorkspace && creating ? 0 : ws.id();
            List<FormField> fields = EditForm.fields(c, ui, kind, scope, creating, values, errors,
                    conflict == null || conflict.isNull() ? null : conflict);
            String kindLabel = ui.t("kind." + kind.name());
            String title = creating ? ui.t("edit.newTitle", kindLabel)
                    : ui.t("edit.editTitle", kindLabel, Sql.queryOne(c, "SELECT " + kind.labelColumn() + " FROM "
                    + kind.table() + " WHERE id = ?", rs -> rs.getString(1), id).orElse(""));
            String viewUrl = creating ? (isWorkspace ? "/" : Links.home(ws.slug())) : kind.viewer().url(c, ws.slug(), id);
            String returnTo = safeReturn(ctx.formParam("return") != null ? ctx.formParam("return") : ctx.queryParam("return"));
            String action = isWorkspace && creating ? Links.newWorkspace()
                    : creating ? Links.newEntity(ws.slug(), kind.collection()) : Links.edit(ws.slug(), kind.collection(), id);
            List<EditPage.LinkSection> links = creating ? List.of() : linkSections(c, ui, ws, kind, id);
            List<String> formErrors = errors.stream()
                    .filter(e -> kind.field(e.field()).isEmpty())
                    .map(e -> ErrorPages.message(ui, e)).toList();
            return new EditPage(ui, isWorkspace && creating ? null : ws, title, kindLabel, action,
                    returnTo != null ? returnTo : viewUrl, returnTo, fields, version,
                    conflict != null, conflict != null && conflict.isNull(),
                    creating ? null : Links.delete(ws.slug(), kind.collection(), id),
                    creating ? null : Links.entityHistory(ws.slug(), kind.collection(), id),
                    ctx.queryParam("index") != null ? ctx.queryParam("index") : ctx.formParam("index"),
                    links, formErrors);
        });
        Pages.render(ctx.status(status), "edit/form.jte", page);
    }

    private List<EditPage.LinkSection> linkSections(java.sql.Connection c, Ui ui, Workspace ws, Kind kind, long id)
            throws java.sql.SQLException {
        List<EditPage.LinkSection> sections = new ArrayList<>();
        for (LinkKind link : edits.kinds().allLinks()) {
            boolean left = link.left() == kind;
            if (!left && link.right() != kind) {
                continue;
            }
            Kind other = left ? link.right() : link.left();
            String selfColumn = left ? link.leftColumn() : link.rightColumn();
            String otherColumn = left ? link.rightColumn() : link.leftColumn();
            List<Long> linkedIds = Sql.query(c, "SELECT " + otherColumn + " FROM " + link.name() + " WHERE "
                    + selfColumn + " = ?", rs -> rs.getLong(1), id);
            List<EditPage.Linked> linked = new ArrayList<>();
            List<FormField.Option> candidates = new ArrayList<>();
            for (Choices.Choice choice : Choices.of(c, ui, other.table(), ws.id())) {
                if (linkedIds.contains(choice.id())) {
                    String detail = link.extra().isEmpty() ? "" : Sql.queryOne(c, "SELECT "
                            + String.join(" || ' · ' || ", link.extra().stream().map(f -> f.column()).toList())
                            + " FROM " + link.name() + " WHERE " + selfColumn + " = ? AND " + otherColumn + " = ?",
                            rs -> rs.getString(1), id, choice.id()).orElse("");
                    for (var f : link.extra()) {
                        for (String ch : f.choices()) {
                            detail = detail.replace(ch, ui.t("choice." + ch));
                        }
                    }
                    linked.add(new EditPage.Linked(choice.id(), choice.label(), detail,
                            left ? id : choice.id(), left ? choice.id() : id));
                } else {
                    candidates.add(new FormField.Option(String.valueOf(choice.id()), choice.label(), false));
                }
            }
            List<FormField> extra = EditForm.fields(c, ui, link.extraForm(), ws.id(), true, Map.of(), List.of(),
                    null);
            sections.add(new EditPage.LinkSection(ui.t("links." + link.name() + "." + (left ? "left" : "right")),
                    Links.linkForm(ws.slug(), link.collection()), left ? "left" : "right", id, linked, candidates, extra));
        }
        return sections;
    }

    // ------------------------------------------------------------------ delete, move, link

    private void deleteForm(Context ctx) {
        Workspace ws = resolver.require(ctx);
        Kind kind = kind(ctx);
        long id = id(ctx, ws, kind);
        Ui ui = Requests.ui(ctx);
        EditService.DeletePreview preview;
        try {
            preview = edits.previewDelete(ws.id(), kind, id);
        } catch (NotFoundException e) {
            throw notFound(ctx);
        }
        List<String> dependents = new ArrayList<>();
        preview.dependents().forEach((table, n) -> dependents.add(ui.t("table." + table, n)));
        String label = edits.label(kind, id);
        String view = database.read(c -> kind.viewer().url(c, ws.slug(), id));
        String returnTo = safeReturn(ctx.queryParam("return"));
        Pages.render(ctx, "edit/delete.jte", new DeletePage(ui, ws, ui.t("edit.deleteTitle",
                ui.t("kind." + kind.name()), label), label, dependents, preview.blockers().size(),
                Links.delete(ws.slug(), kind.collection(), id), returnTo != null ? returnTo : view,
                preview.state().get("version").asLong()));
    }

    private void delete(Context ctx) {
        Workspace ws = resolver.require(ctx);
        Kind kind = kind(ctx);
        long id = id(ctx, ws, kind);
        // The deleted thing's own page is gone afterwards: go to the page that held it.
        String after = kind == WorkspaceKind.WORKSPACE ? "/" : deletedReturn(ws, kind, id);
        try {
            EditService.Saved saved = edits.delete(ws.id(), kind, id, version(ctx));
            ctx.redirect(Links.withDone(after, saved.changeId()), HttpStatus.SEE_OTHER);
        } catch (ConflictException e) {
            throw new io.javalin.http.HttpResponseException(409, Requests.ui(ctx).t("error.conflict.message"));
        }
    }

    /** Where to go after deleting: the page that held the deleted thing (a step's journey, a project's framework). */
    private String deletedReturn(Workspace ws, Kind kind, long id) {
        return database.read(c -> {
            String view = kind.viewer().url(c, ws.slug(), id);
            return switch (kind.name()) {
                case "step", "action" -> view.substring(0, view.indexOf('#') < 0 ? view.length() : view.indexOf('#'));
                case "persona" -> Links.personas(ws.slug());
                case "journey" -> Links.personas(ws.slug());
                case "challenge" -> Links.challenges(ws.slug());
                case "actor" -> Links.actors(ws.slug());
                default -> Links.framework(ws.slug());
            };
        });
    }

    private void move(Context ctx) {
        Workspace ws = resolver.require(ctx);
        Kind kind = kind(ctx);
        long id = id(ctx, ws, kind);
        JsonNode state = edits.find(ws.id(), kind, id).orElseThrow(() -> notFound(ctx));
        Integer index = index(ctx.formParam("index"));
        String direction = ctx.formParam("direction");
        if (index == null) {
            long position = state.get("position").asLong();
            index = (int) position - 1 + ("earlier".equals(direction) ? -1 : 1);
        }
        EditService.Saved saved = edits.move(ws.id(), kind, id, Math.max(0, index));
        String back = safeReturn(ctx.formParam("return"));
        String target = back != null ? back : database.read(c -> kind.viewer().url(c, ws.slug(), id));
        ctx.redirect(saved.changeId() == 0 ? target : Links.withDone(target, saved.changeId()), HttpStatus.SEE_OTHER);
    }

    private void link(Context ctx) {
        Workspace ws = resolver.require(ctx);
        LinkKind link = edits.kinds().linkByCollection(ctx.pathParam("link"))
                .orElseThrow(() -> NotFound.of(ctx, "error.notFound.page", ctx.path()));
        long left = number(ctx.formParam("left"));
        long right = number(ctx.formParam("right"));
        String back = safeReturn(ctx.formParam("return"));
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        link.extra().forEach(f -> {
            if (ctx.formParam(f.name()) != null) {
                extra.put(f.name(), JSON.textNode(ctx.formParam(f.name())));
            }
        });
        EditService.Saved saved = "unlink".equals(ctx.formParam("op"))
                ? edits.unlink(ws.id(), link, left, right)
                : edits.link(ws.id(), link, left, right, extra);
        String target = back != null ? back : Links.edit(ws.slug(), link.left().collection(), left);
        ctx.redirect(Links.withDone(target, saved.changeId()), HttpStatus.SEE_OTHER);
    }

    // ------------------------------------------------------------------ workspaces

    private void newWorkspaceForm(Context ctx) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        Ui ui = Requests.ui(ctx);
        values.put("levels", JSON.textNode(ui.t("edit.defaultLevels")));
        int year = java.time.LocalDate.now().getYear();
        values.put("planFrom", JSON.textNode(String.valueOf(year)));
        values.put("planTo", JSON.textNode(String.valueOf(year + 4)));
        renderForm(ctx, null, WorkspaceKind.WORKSPACE, null, null, values, List.of(), null, HttpStatus.OK);
    }

    private void createWorkspace(Context ctx) {
        Map<String, JsonNode> input = EditForm.read(ctx, WorkspaceKind.WORKSPACE, true);
        try {
            EditService.Saved saved = edits.create(0, WorkspaceKind.WORKSPACE, input, null);
            ctx.redirect(Links.withDone(Links.home(saved.state().get("slug").asText()), saved.changeId()),
                    HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            renderForm(ctx, null, WorkspaceKind.WORKSPACE, null, null, input, e.errors(), null, HttpStatus.BAD_REQUEST);
        }
    }

    private void copyForm(Context ctx) {
        Workspace ws = resolver.require(ctx);
        Ui ui = Requests.ui(ctx);
        renderCopy(ctx, ws, ws.slug() + "-copy", ui.t("edit.copyName", ws.name()), List.of(), HttpStatus.OK);
    }

    private void copy(Context ctx) {
        Workspace ws = resolver.require(ctx);
        String slug = ctx.formParam("slug");
        String name = ctx.formParam("name");
        try {
            EditService.Saved saved = edits.copyWorkspace(WorkspaceKind.WORKSPACE, ws.id(),
                    Map.of("slug", JSON.textNode(slug == null ? "" : slug), "name", JSON.textNode(name == null ? "" : name)));
            ctx.redirect(Links.withDone(Links.home(saved.state().get("slug").asText()), saved.changeId()),
                    HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            renderCopy(ctx, ws, slug, name, e.errors(), HttpStatus.BAD_REQUEST);
        }
    }

    private void renderCopy(Context ctx, Workspace ws, String slug, String name, List<FieldError> errors,
                            HttpStatus status) {
        Ui ui = Requests.ui(ctx);
        EditPage page = database.read(c -> {
            Map<String, JsonNode> values = Map.of("slug", JSON.textNode(slug == null ? "" : slug),
                    "name", JSON.textNode(name == null ? "" : name));
            List<FormField> fields = EditForm.fields(c, ui, WorkspaceKind.WORKSPACE, ws.id(), true, values, errors, null)
                    .stream().filter(f -> f.name().equals("slug") || f.name().equals("name")).toList();
            return new EditPage(ui, ws, ui.t("edit.copyTitle", ws.name()), ui.t("kind.workspace"),
                    Links.copyWorkspace(ws.slug()), Links.home(ws.slug()), null, fields, null, false, false, null, null,
                    null, List.of(), List.of());
        });
        Pages.render(ctx.status(status), "edit/form.jte", page);
    }

    // ------------------------------------------------------------------ request reading

    private Kind kind(Context ctx) {
        String name = ctx.pathParam("kind");
        return edits.kinds().byCollection(name).orElseThrow(() -> NotFound.of(ctx, "error.notFound.page", ctx.path()));
    }

    private long id(Context ctx, Workspace ws, Kind kind) {
        long id = NotFound.pathLong(ctx, "id", "error.notFound.entity");
        if (edits.find(ws.id(), kind, id).isEmpty()) {
            throw notFound(ctx);
        }
        return id;
    }

    private static io.javalin.http.NotFoundResponse notFound(Context ctx) {
        return NotFound.of(ctx, "error.notFound.entity");
    }

    private static long version(Context ctx) {
        String version = ctx.formParam("version");
        if (version == null || !version.matches("\\d{1,18}")) {
            throw ValidationException.of("version", "validation.versionMissing");
        }
        return Long.parseLong(version);
    }

    private static long number(String value) {
        if (value == null || !value.matches("\\d{1,18}")) {
            throw ValidationException.of("right", "validation.reference");
        }
        return Long.parseLong(value);
    }

    private static Integer index(String value) {
        return value != null && value.matches("\\d{1,6}") ? Integer.valueOf(value) : null;
    }

    /** Only a path on this site may be returned to: never another origin (an open redirect). */
    static String safeReturn(String url) {
        return Links.sitePath(url);
    }

    private void redirectAfter(Context ctx, Workspace ws, Kind kind, long id, long changeId) {
        String back = safeReturn(ctx.formParam("return"));
        String target = back != null ? back : database.read(c -> kind.viewer().url(c, ws.slug(), id));
        ctx.redirect(changeId == 0 ? target : Links.withDone(target, changeId), HttpStatus.SEE_OTHER);
    }

    private static Map<String, JsonNode> values(JsonNode state) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        state.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue()));
        return values;
    }
}
