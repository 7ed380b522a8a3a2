package kusari.journey;

import java.util.List;
import kusari.actor.Actor;
import kusari.actor.ActorQueries;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import kusari.core.ReadingRepository;
import kusari.core.Workspace;
import kusari.core.WorkspaceResolver;
import kusari.web.NotFound;
import kusari.web.Requests;

/** A journey map on its own page (projector, A3 print). */
public final class JourneyController {

    private final WorkspaceResolver resolver;
    private final JourneyRepository journeys;
    private final ReadingRepository readings;
    private final ActorQueries actors;

    public JourneyController(WorkspaceResolver resolver, JourneyRepository journeys,
                             ReadingRepository readings, ActorQueries actors) {
        this.resolver = resolver;
        this.journeys = journeys;
        this.readings = readings;
        this.actors = actors;
    }

    public void register(RoutesConfig routes) {
        routes.get("/w/{ws}/journeys/{slug}", ctx -> show(ctx, false));
        routes.get("/w/{ws}/journeys/{slug}/edit", ctx -> show(ctx, true));
    }

    void show(Context ctx, boolean editing) {
        Workspace ws = resolver.require(ctx);
        String slug = ctx.pathParam("slug");
        Journey journey = journeys.findBySlug(ws.id(), slug)
                .orElseThrow(() -> NotFound.of(ctx, "error.notFound.journey", slug));
        JourneyPersona persona = journeys.findPersona(journey.id());
        JourneySection section = new JourneySection(journeys.loadMap(journey), readings.find("JOURNEY", journey.id()));
        List<Actor> suggestions = editing
                ? actors.findAllWithCounts(ws.id()).stream().map(ActorQueries.ActorSummary::actor).toList()
                : List.of();
        ctx.render("journey/show.jte", Map.of("page",
                new JourneyPage(Requests.ui(ctx), ws, persona, section, editing, suggestions)));
    }
}
