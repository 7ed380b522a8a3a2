package kusari.journey;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import kusari.files.ReadingRepository;
import kusari.persona.Persona;
import kusari.persona.PersonaRepository;
import kusari.strategy.Workspace;
import kusari.strategy.WorkspaceResolver;
import kusari.web.NotFound;
import kusari.web.Requests;

/** A journey map on its own page (projector, A3 print). */
public final class JourneyController {

    private final WorkspaceResolver resolver;
    private final JourneyRepository journeys;
    private final PersonaRepository personas;
    private final ReadingRepository readings;

    public JourneyController(WorkspaceResolver resolver, JourneyRepository journeys, PersonaRepository personas,
                             ReadingRepository readings) {
        this.resolver = resolver;
        this.journeys = journeys;
        this.personas = personas;
        this.readings = readings;
    }

    public void register(RoutesConfig routes) {
        routes.get("/w/{ws}/journeys/{slug}", this::show);
    }

    void show(Context ctx) {
        Workspace ws = resolver.require(ctx);
        String slug = ctx.pathParam("slug");
        Journey journey = journeys.findBySlug(ws.id(), slug)
                .orElseThrow(() -> NotFound.of(ctx, "error.notFound.journey", slug));
        Persona persona = personas.findBySlug(ws.id(), journey.personaSlug()).orElseThrow();
        JourneySection section = new JourneySection(journeys.loadMap(journey), readings.find("JOURNEY", journey.id()));
        ctx.render("journey/show.jte", Map.of("page", new JourneyPage(Requests.ui(ctx), ws, persona, section)));
    }
}
