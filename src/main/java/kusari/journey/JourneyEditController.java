package kusari.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import kusari.web.Access;
import kusari.web.Route;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import kusari.actor.ActorKinds;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.change.EditService;
import kusari.core.ValidationException;
import kusari.core.Workspace;
import kusari.core.WorkspaceResolver;
import kusari.web.Links;
import kusari.web.NotFound;

/**
 * Adding an actor's action to a step of the journey map by typing the actor's name, as a facilitator does
 * live: an existing actor is found by name; a new one is created only when the person asked for it by saying
 * whether it is 行政 or 行政以外 (a typo must not silently become a new department).
 */
public final class JourneyEditController {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final WorkspaceResolver resolver;
    private final EditService edits;
    private final Database database;

    public JourneyEditController(WorkspaceResolver resolver, EditService edits, Database database) {
        this.resolver = resolver;
        this.edits = edits;
        this.database = database;
    }

    public List<Route> routes() {
        return List.of(Route.post("/w/{ws}/journeys/{slug}/steps/{step}/actions", this::addAction, Access.EDIT_OWN));
    }

    private void addAction(Context ctx) {
        Workspace ws = resolver.require(ctx);
        String slug = ctx.pathParam("slug");
        long step = NotFound.pathLong(ctx, "step", "error.notFound.entity");
        String name = Optional.ofNullable(ctx.formParam("actor")).orElse("").strip();
        String text = Optional.ofNullable(ctx.formParam("text")).orElse("");
        if (name.isEmpty()) {
            throw ValidationException.of("actor", "validation.required");
        }
        Long actor = database.read(c -> Sql.queryOne(c, "SELECT id FROM actor WHERE workspace_id = ? AND name = ?",
                rs -> rs.getLong(1), ws.id(), name)).orElse(null);
        long actorChange = 0;
        if (actor == null) {
            // A new actor is filed as 行政 or 行政以外 only when the person said which: no default, because a
            // new NPO silently filed as a government department puts it in the wrong lane and the wrong counts.
            String kind = Optional.ofNullable(ctx.formParam("kind")).orElse("").strip();
            if (kind.isEmpty()) {
                throw ValidationException.of("kind", "journey.edit.chooseKind", name);
            }
            EditService.Saved created = edits.create(ws.id(), ActorKinds.ACTOR,
                    Map.of("name", JSON.textNode(name), "kind", JSON.textNode(kind)), null);
            actor = created.state().get("id").asLong();
            actorChange = created.changeId();
        }
        Map<String, JsonNode> input = Map.of("step", JSON.numberNode(step), "text", JSON.textNode(text),
                "actors", JSON.arrayNode().add(actor));
        EditService.Saved saved = edits.create(ws.id(), JourneyKinds.ACTION, input, null);
        // newActor names the actor's own creation, so that the editor's undo takes the new actor back too
        String editor = Links.journeyEditor(ws.slug(), slug) + (actorChange == 0 ? "" : "?newActor=" + actorChange);
        ctx.redirect(Links.withDone(editor, saved.changeId()), HttpStatus.SEE_OTHER);
    }
}
