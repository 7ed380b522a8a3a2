package kusari.persona;

import kusari.web.Access;
import kusari.web.Pages;
import kusari.web.Route;
import kusari.web.Links;
import io.javalin.http.Context;
import java.util.List;
import kusari.core.ReadingRepository;
import kusari.journey.JourneyQueries;
import kusari.journey.JourneySection;
import kusari.core.Workspace;
import kusari.core.WorkspaceResolver;
import kusari.web.NotFound;
import kusari.web.Requests;

/** Persona pages: the list, and one persona's profile with its journey map. */
public final class PersonaController {

    private final WorkspaceResolver resolver;
    private final PersonaRepository personas;
    private final JourneyQueries journeys;
    private final ReadingRepository readings;

    public PersonaController(WorkspaceResolver resolver, PersonaRepository personas, JourneyQueries journeys,
                             ReadingRepository readings) {
        this.resolver = resolver;
        this.personas = personas;
        this.journeys = journeys;
        this.readings = readings;
    }

    public List<Route> routes() {
        return List.of(
                Route.get(Links.PERSONAS, this::list, Access.READ).kept(),
                Route.get(Links.PERSONA, this::show, Access.READ).kept());
    }

    void list(Context ctx) {
        Workspace ws = resolver.require(ctx);
        List<Persona> all = personas.findAll(ws.id());
        kusari.core.Paging paging = kusari.core.Paging.of("page", kusari.core.Paging.parse("page", ctx.queryParam("page")),
                PersonaListPage.PER_PAGE, all.size());
        Pages.render(ctx, "persona/list.jte",
                new PersonaListPage(Requests.ui(ctx), ws, paging.slice(all), paging));
    }

    void show(Context ctx) {
        Workspace ws = resolver.require(ctx);
        Persona persona = personas.findBySlug(ws.id(), ctx.pathParam("slug"))
                .orElseThrow(() -> NotFound.of(ctx, "error.notFound.persona", ctx.pathParam("slug")));
        List<JourneySection> sections = journeys.findByPersona(persona.id()).stream()
                .map(j -> new JourneySection(journeys.loadMap(j), readings.find("JOURNEY", j.id())))
                .toList();
        Pages.render(ctx, "persona/show.jte", new PersonaPage(Requests.ui(ctx), ws, persona, sections,
                readings.find("PERSONA", persona.id())));
    }
}
