package kusari.journey;

import java.util.List;
import kusari.actor.Actor;
import kusari.actor.ActorQueries;
import kusari.web.Access;
import kusari.web.Pages;
import kusari.web.Route;
import kusari.web.Links;
import io.javalin.http.Context;
import kusari.core.ReadingRepository;
import kusari.core.Voices;
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
    private final Voices voices;

    public JourneyController(WorkspaceResolver resolver, JourneyRepository journeys,
                             ReadingRepository readings, ActorQueries actors, Voices voices) {
        this.voices = voices;
        this.resolver = resolver;
        this.journeys = journeys;
        this.readings = readings;
        this.actors = actors;
    }

    public List<Route> routes() {
        return List.of(
                Route.get(Links.JOURNEY, ctx -> show(ctx, false), Access.READ).kept(),
                // the facilitator's editing mode: department members add their actions there
                Route.get(Links.JOURNEY_EDITOR, ctx -> show(ctx, true), Access.EDIT_OWN));
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
        Pages.render(ctx, "journey/show.jte",
                new JourneyPage(Requests.ui(ctx), ws, persona, section, editing, suggestions,
                        JourneyPage.PRESENT_VALUE.equals(ctx.queryParam(JourneyPage.PRESENT_PARAM)),
                        voices.ofJourney(journey.id()),
                        Requests.ui(ctx).mayEditSteps(ws.id()) ? voices.sessions(ws.slug(), journey.id()) : List.of()));
    }
}
