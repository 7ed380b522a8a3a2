package kusari.actor;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kusari.actor.ActorRepository.ActorAction;
import kusari.strategy.Workspace;
import kusari.strategy.WorkspaceResolver;
import kusari.web.NotFound;
import kusari.web.Requests;

/** Actor pages: departments and partners, and what each one does across every journey. */
public final class ActorController {

    private final WorkspaceResolver resolver;
    private final ActorRepository actors;

    public ActorController(WorkspaceResolver resolver, ActorRepository actors) {
        this.resolver = resolver;
        this.actors = actors;
    }

    public void register(RoutesConfig routes) {
        routes.get("/w/{ws}/actors", this::list);
        routes.get("/w/{ws}/actors/{id}", this::show);
    }

    void list(Context ctx) {
        Workspace ws = resolver.require(ctx);
        ctx.render("actor/list.jte", Map.of("page",
                new ActorListPage(Requests.ui(ctx), ws, actors.findAllWithCounts(ws.id()))));
    }

    void show(Context ctx) {
        Workspace ws = resolver.require(ctx);
        long id = NotFound.pathLong(ctx, "id", "error.notFound.actor");
        Actor actor = actors.findById(ws.id(), id)
                .orElseThrow(() -> NotFound.of(ctx, "error.notFound.actor", ctx.pathParam("id")));
        ctx.render("actor/show.jte", Map.of("page", new ActorPage(Requests.ui(ctx), ws, actor,
                groupByJourney(actors.findActions(actor.id())), actors.findLedProjects(actor.id()))));
    }

    static List<ActorPage.JourneyGroup> groupByJourney(List<ActorAction> actions) {
        Map<String, List<ActorAction>> byJourney = new LinkedHashMap<>();
        for (ActorAction a : actions) {
            byJourney.computeIfAbsent(a.journeySlug(), k -> new ArrayList<>()).add(a);
        }
        List<ActorPage.JourneyGroup> groups = new ArrayList<>();
        byJourney.forEach((slug, list) -> {
            ActorAction first = list.get(0);
            groups.add(new ActorPage.JourneyGroup(slug, first.journeyTitle(), first.personaSlug(), first.personaLabel(),
                    List.copyOf(list)));
        });
        return groups;
    }
}
