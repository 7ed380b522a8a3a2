package kusari.persona;

import kusari.web.Access;
import kusari.web.ApiDoc;
import kusari.web.Route;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import kusari.actor.Actor;
import kusari.challenge.Challenge;
import kusari.journey.Journey;
import kusari.journey.JourneyQueries;
import kusari.journey.Step;
import kusari.journey.StepAction;
import kusari.core.Workspace;
import kusari.core.WorkspaceResolver;
import kusari.web.NotFound;

/** Read-only JSON for personas and their journeys. */
public final class PersonaApi {

    private final WorkspaceResolver resolver;
    private final PersonaRepository personas;
    private final JourneyQueries journeys;

    public PersonaApi(WorkspaceResolver resolver, PersonaRepository personas, JourneyQueries journeys) {
        this.resolver = resolver;
        this.personas = personas;
        this.journeys = journeys;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/v1/workspaces/{ws}/personas", this::list, Access.READ)
                        .doc(kusari.web.ApiPaging.documented(ApiDoc.of("Every persona, a part at a time")
                                .returnsList(PersonaSummaryJson.class))),
                Route.get("/api/v1/workspaces/{ws}/personas/{id}", this::show, Access.READ)
                        .doc(ApiDoc.of("One persona with its journeys, steps and actions").returns(PersonaJson.class)));
    }

    record PersonaSummaryJson(String id, String label, int order, String tagline, String profile, String policyField,
                              List<String> journeys) {
    }

    record PersonaJson(String id, long version, String label, int order, String tagline, String profile, String policyField,
                       String policyFieldTitle, List<String> attributes, List<String> story, List<JourneyJson> journeys) {
    }

    record JourneyJson(String slug, String title, List<StepJson> steps) {
    }

    record StepJson(int position, String title, String emotionText, int emotionScore, String painPoint,
                    List<ChallengeRefJson> challenges, List<ActionJson> actions) {
    }

    record ChallengeRefJson(int number, String title) {
    }

    record ActionJson(String text, List<ActorRefJson> actors) {
    }

    record ActorRefJson(long id, String name, String kind) {
    }

    void list(Context ctx) {
        Workspace ws = resolver.require(ctx);
        ctx.json(kusari.web.ApiPaging.part(ctx, personas.findAll(ws.id())).stream().map(p -> new PersonaSummaryJson(p.slug(), p.label(),
                p.position(), p.tagline(), p.profile(), p.policyFieldCode(),
                journeys.findByPersona(p.id()).stream().map(Journey::slug).toList())).toList());
    }

    void show(Context ctx) {
        Workspace ws = resolver.require(ctx);
        String id = ctx.pathParam("id");
        Persona p = personas.findBySlug(ws.id(), id).orElseThrow(() -> NotFound.of(ctx, "error.notFound.persona", id));
        long version = personas.version(p.id());
        kusari.web.Versioned.json(ctx, version, new PersonaJson(p.slug(), version, p.label(), p.position(), p.tagline(),
                p.profile(), p.policyFieldCode(), p.policyFieldTitle(), p.attributes(), p.storyParagraphs(),
                journeys.findByPersona(p.id()).stream().map(this::journeyJson).toList()));
    }

    private JourneyJson journeyJson(Journey j) {
        List<StepAction> actions = journeys.findActions(j.id());
        Map<Long, List<Challenge>> challenges = journeys.findStepChallenges(j.id());
        List<Step> steps = journeys.findSteps(j.id());
        return new JourneyJson(j.slug(), j.title(), steps.stream().map(s -> new StepJson(s.position(), s.title(),
                s.emotionText(), s.emotionScore(), s.painPoint(),
                challenges.getOrDefault(s.id(), List.of()).stream()
                        .map(c -> new ChallengeRefJson(c.number(), c.title())).toList(),
                actions.stream().filter(a -> a.stepId() == s.id())
                        .map(a -> new ActionJson(a.text(), a.actors().stream().map(PersonaApi::actorRef).toList()))
                        .toList())).toList());
    }

    private static ActorRefJson actorRef(Actor a) {
        return new ActorRefJson(a.id(), a.name(), a.kind().code());
    }
}
