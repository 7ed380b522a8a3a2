package kusari.actor;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import kusari.actor.ActorRepository.LedProject;
import kusari.strategy.Workspace;
import kusari.strategy.WorkspaceResolver;
import kusari.web.NotFound;

/** Read-only JSON for actors and their actions. */
public final class ActorApi {

    private final WorkspaceResolver resolver;
    private final ActorRepository actors;

    public ActorApi(WorkspaceResolver resolver, ActorRepository actors) {
        this.resolver = resolver;
        this.actors = actors;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/workspaces/{ws}/actors", this::list);
        routes.get("/api/v1/workspaces/{ws}/actors/{id}", this::show);
    }

    record ActorSummaryJson(long id, String name, String kind, long actions, long journeys, long leadProjects) {
    }

    record ActorJson(long id, String name, String kind, List<JourneyActionsJson> journeys, List<LedProject> leadProjects) {
    }

    record JourneyActionsJson(String journey, String journeyTitle, String persona, String personaLabel,
                              List<ActionJson> actions) {
    }

    record ActionJson(int stepPosition, String stepTitle, String painPoint, String text, List<String> sharedWith) {
    }

    void list(Context ctx) {
        Workspace ws = resolver.require(ctx);
        ctx.json(actors.findAllWithCounts(ws.id()).stream().map(s -> new ActorSummaryJson(s.actor().id(),
                s.actor().name(), s.actor().kind(), s.actions(), s.journeys(), s.leadProjects())).toList());
    }

    void show(Context ctx) {
        Workspace ws = resolver.require(ctx);
        long id = NotFound.pathLong(ctx, "id", "error.notFound.actor");
        Actor a = actors.findById(ws.id(), id)
                .orElseThrow(() -> NotFound.of(ctx, "error.notFound.actor", ctx.pathParam("id")));
        ctx.json(new ActorJson(a.id(), a.name(), a.kind(),
                ActorController.groupByJourney(actors.findActions(a.id())).stream()
                        .map(g -> new JourneyActionsJson(g.journeySlug(), g.journeyTitle(), g.personaSlug(),
                                g.personaLabel(), g.actions().stream().map(x -> new ActionJson(x.stepPosition(),
                                        x.stepTitle(), x.painPoint(), x.text(), x.sharedWith())).toList()))
                        .toList(),
                actors.findLedProjects(a.id())));
    }
}
