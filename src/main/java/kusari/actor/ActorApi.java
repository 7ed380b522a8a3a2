package kusari.actor;

import kusari.core.Paging;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kusari.web.Access;
import kusari.web.ApiDoc;
import kusari.web.Route;
import kusari.web.Links;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import kusari.actor.ActorOverview.JourneyGroup;
import kusari.actor.ActorOverview.Measure;
import kusari.actor.ActorOverview.StepView;
import kusari.actor.ActorRepository.LedProject;

import kusari.web.Exports;
import kusari.indicator.IndicatorJson;
import kusari.core.Workspace;
import kusari.core.WorkspaceResolver;
import kusari.web.NotFound;
import kusari.web.Requests;

/** JSON, CSV and .xlsx for actors: the directory, one actor's steps, renames, and the responsibility matrix. */
public final class ActorApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WorkspaceResolver resolver;
    private final ActorService service;

    public ActorApi(WorkspaceResolver resolver, ActorService service) {
        this.resolver = resolver;
        this.service = service;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/v1/workspaces/{ws}/actors", this::list, Access.READ).doc(kusari.web.ApiPaging.documented(
                        ApiDoc.of("Every actor, in parts of a long list").returnsList(ActorSummaryJson.class))),
                Route.get("/api/v1/workspaces/{ws}/actors/{id}", this::show, Access.READ).doc(ApiDoc.of("One actor with its actions").returns(ActorJson.class)),
                Route.post("/api/v1/workspaces/{ws}/actors/{id}/names", this::rename, Access.EDIT)
                        .doc(ApiDoc.of("Rename an actor from a fiscal year on: {name, fromFiscalYear, version}").status(201)
                                .body("ActorRename")),
                Route.get(Links.API_ACTOR_STEPS, ctx -> steps(ctx, null), Access.READ)
                        .doc(ApiDoc.of("Every step where the actor acts, with actions, challenges, projects and indicators")
                                .returnsList(ActorTables.StepRow.class)),
                Route.get(Links.API_ACTOR_STEPS_CSV, ctx -> steps(ctx, "csv"), Access.READ)
                        .doc(ApiDoc.of("The same as CSV (UTF-8 with BOM)").produces("text/csv")),
                Route.get(Links.API_ACTOR_STEPS_XLSX, ctx -> steps(ctx, "xlsx"), Access.READ)
                        .doc(ApiDoc.of("The same as an .xlsx workbook").produces(XLSX)),
                Route.get(Links.API_MATRIX, ctx -> matrix(ctx, null), Access.READ)
                        .doc(ApiDoc.of("Actors × personas: steps each actor acts at (filters: kind, field, year)")
                                .returns(ResponsibilityMatrix.class)),
                Route.get(Links.API_MATRIX_CSV, ctx -> matrix(ctx, "csv"), Access.READ)
                        .doc(ApiDoc.of("The matrix as CSV (UTF-8 with BOM)").produces("text/csv")),
                Route.get(Links.API_MATRIX_XLSX, ctx -> matrix(ctx, "xlsx"), Access.READ)
                        .doc(ApiDoc.of("The matrix as an .xlsx workbook").produces(XLSX)),
                Route.get("/api/v1/workspaces/{ws}/matrix/journeys/{journey}", this::journeyChart, Access.READ)
                        .doc(ApiDoc.of("One journey's actors × steps").returns(JourneyChart.class)));
    }

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    record ActorSummaryJson(long id, String name, String kind, long actions, long journeys, long leadProjects,
                            long steps, List<ActorName> names, List<ActorName> matchedOldNames) {
    }

    record ActorJson(long id, String name, String kind, long version, Integer fiscalYear, List<ActorName> names,
                     ActorOverview.Summary summary, List<JourneyActionsJson> journeys, List<LedProject> leadProjects,
                     List<MeasureJson> indicators, Paging stepPaging) {
    }

    record JourneyActionsJson(String journey, String journeyTitle, String persona, String personaLabel,
                              List<ActionJson> actions, List<StepJson> steps) {
    }

    /** Kept from the first version of this route: one entry per action. */
    record ActionJson(int stepPosition, String stepTitle, String painPoint, String text, List<String> sharedWith) {
    }

    record StepJson(int position, String title, String emotionText, int emotionScore, String painPoint,
                    List<ActionJson> actions, List<ChallengeRefJson> challenges, List<ProjectRefJson> projects,
                    List<Long> indicators, HandoffJson before, HandoffJson after) {
    }

    record ChallengeRefJson(int number, String title) {
    }

    record ProjectRefJson(String code, String name, String basis, boolean ledByThisActor, List<String> leadActors) {
    }

    record HandoffJson(int position, String title, boolean troubled, List<ActorRefJson> actors) {
    }

    record ActorRefJson(long id, String name, ActorKind kind) {
    }

    record MeasureJson(IndicatorJson indicator, String via, String viaKey, String viaTitle,
                       ActorRepository.Actual latest, String status) {
    }

    void list(Context ctx) {
        Workspace ws = resolver.require(ctx);
        Integer fy = ActorController.fiscalYear(ctx);
        Map<Long, ActorQueries.ActorSummary> counts = new java.util.HashMap<>();
        service.repository().findAllWithCounts(ws.id()).forEach(s -> counts.put(s.actor().id(), s));
        ActorNames names = service.repository().names(ws.id());
        ctx.json(kusari.web.ApiPaging.part(ctx, service.directory(ws, ctx.queryParam("q"), fy)).stream().map(e -> {
            var c = counts.get(e.actor().id());
            return new ActorSummaryJson(e.actor().id(), e.actor().name(), e.actor().kind().code(), c == null ? 0 : c.actions(),
                    e.journeys(), c == null ? 0 : c.leadProjects(), e.steps(), names.of(e.actor().id()),
                    e.matchedOldNames());
        }).toList());
    }

    void show(Context ctx) {
        Workspace ws = resolver.require(ctx);
        ActorOverview o = overview(ctx, ws, Paging.parse("page", ctx.queryParam("page")));
        kusari.web.Versioned.json(ctx, o.version(), new ActorJson(o.actor().id(), o.actor().name(),
                o.actor().kind().code(), o.version(), o.fiscalYear(), o.names(),
                o.summary(), o.journeys().stream().map(ActorApi::journeyJson).toList(), o.ledProjects(),
                o.indicators().stream().map(ActorApi::measureJson).toList(), o.stepPaging()));
    }

    private static JourneyActionsJson journeyJson(JourneyGroup g) {
        List<ActionJson> actions = g.steps().stream().flatMap(s -> actionsJson(s).stream()).toList();
        return new JourneyActionsJson(g.journeySlug(), g.journeyTitle(), g.personaSlug(), g.personaLabel(), actions,
                g.steps().stream().map(ActorApi::stepJson).toList());
    }

    private static List<ActionJson> actionsJson(StepView s) {
        return s.actions().stream().map(a -> new ActionJson(s.step().position(), s.step().title(), s.step().painPoint(),
                a.text(), a.sharedWith().stream().map(Actor::name).toList())).toList();
    }

    private static StepJson stepJson(StepView s) {
        return new StepJson(s.step().position(), s.step().title(), s.step().emotionText(), s.step().emotionScore(),
                s.step().painPoint(), actionsJson(s),
                s.challenges().stream().map(c -> new ChallengeRefJson(c.number(), c.title())).toList(),
                s.projects().stream().map(p -> new ProjectRefJson(p.project().code(), p.project().name(),
                        p.project().basis(), p.ledByActor(), p.leads().stream().map(Actor::name).toList())).toList(),
                s.indicators().stream().map(Measure::id).toList(), handoffJson(s.before()), handoffJson(s.after()));
    }

    private static HandoffJson handoffJson(ActorOverview.Handoff h) {
        if (!h.exists()) {
            return null;
        }
        return new HandoffJson(h.step().position(), h.step().title(), h.step().troubled(), h.actors().stream()
                .map(a -> new ActorRefJson(a.id(), a.name(), a.kind())).toList());
    }

    private static MeasureJson measureJson(Measure m) {
        return new MeasureJson(IndicatorJson.of(m.progress().indicator()), m.viaType(), m.via(), m.viaTitle(),
                m.progress().latest(), m.progress().status().name());
    }

    void rename(Context ctx) {
        Workspace ws = resolver.require(ctx);
        long id = NotFound.pathLong(ctx, "id", "error.notFound.actor");
        if (service.repository().findById(ws.id(), id).isEmpty()) {
            throw NotFound.of(ctx, "error.notFound.actor", ctx.pathParam("id"));
        }
        // strict reading: duplicate keys, trailing content, control characters and a missing JSON type are refused
        JsonNode body = kusari.web.JsonBody.object(ctx);
        if (body.isEmpty()) {
            throw new BadRequestResponse(Requests.ui(ctx).t("api.error.jsonObject"));
        }
        if (body.has("name") && !body.get("name").isTextual() && !body.get("name").isNull()) {
            throw kusari.core.ValidationException.of("name", "validation.notText");
        }
        ActorName renamed = service.rename(ws, id, new ActorService.Rename(text(body, "name"), text(body, "fromFiscalYear"),
                text(body, "version")));
        ctx.status(HttpStatus.CREATED);
        ctx.json(renamed);
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    void steps(Context ctx, String format) {
        Workspace ws = resolver.require(ctx);
        ActorOverview o = overview(ctx, ws);
        if (format == null) {
            ctx.json(ActorTables.stepRows(Requests.ui(ctx), o));
        } else {
            Exports.download(ctx, ActorTables.steps(Requests.ui(ctx), o), format,
                    ws.slug() + "-actor-" + o.actor().id() + "-steps");
        }
    }

    void matrix(Context ctx, String format) {
        Workspace ws = resolver.require(ctx);
        ResponsibilityMatrix.Whole m = ActorController.matrixOf(ctx, service, ws);
        if (format == null) {
            ctx.json(m.page(Paging.parse("page", ctx.queryParam("page")),
                    Paging.parse("columnPage", ctx.queryParam("columnPage"))));
        } else {
            Exports.download(ctx, ActorTables.matrix(Requests.ui(ctx), m), format, ws.slug() + "-matrix");
        }
    }

    void journeyChart(Context ctx) {
        Workspace ws = resolver.require(ctx);
        Integer fy = ActorController.fiscalYear(ctx);
        ActorKind kind = ActorController.kind(ctx);
        String slug = ctx.pathParam("journey");
        ActorRepository repo = service.repository();
        var journey = repo.journeys(ws.id()).stream().filter(j -> j.slug().equals(slug)).findFirst()
                .orElseThrow(() -> NotFound.of(ctx, "error.notFound.journey", slug));
        ctx.json(JourneyChart.of(repo.actingOfJourney(ws.id(), journey.id()), journey, kind, fy,
                repo.challengesByStepOfJourney(ws.id(), journey.id()), repo.projectsByChallengeOfJourney(ws.id(), journey.id()),
                repo.leadsByProjectOfJourney(ws.id(), journey.id())));
    }

    private ActorOverview overview(Context ctx, Workspace ws) {
        return overview(ctx, ws, null);
    }

    /** {@code page} null: every step (the exports). */
    private ActorOverview overview(Context ctx, Workspace ws, Integer page) {
        Integer fy = ActorController.fiscalYear(ctx);
        long id = NotFound.pathLong(ctx, "id", "error.notFound.actor");
        return service.overview(ws, id, fy, null, page)
                .orElseThrow(() -> NotFound.of(ctx, "error.notFound.actor", ctx.pathParam("id")));
    }
}
