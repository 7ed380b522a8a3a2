package kusari.trace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import kusari.web.Access;
import kusari.web.Route;
import kusari.web.Links;
import kusari.web.ApiDoc;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kusari.core.ValidationException;
import kusari.core.Workspace;
import kusari.core.WorkspaceResolver;
import kusari.web.NotFound;
import kusari.web.Requests;
import kusari.core.Ui;

/** JSON for traces, the chain check (and its dismissals) and budget roll-ups, from the same services as the pages. */
public final class TraceApi {

    private final WorkspaceResolver resolver;
    private final TraceService traces;
    private final ChainCheck chainCheck;
    private final BudgetRollups budgets;
    private final DepartmentReach reach;

    public TraceApi(WorkspaceResolver resolver, TraceService traces, ChainCheck chainCheck, BudgetRollups budgets,
                    kusari.db.Database database) {
        this.reach = new DepartmentReach(database);
        this.resolver = resolver;
        this.traces = traces;
        this.chainCheck = chainCheck;
        this.budgets = budgets;
    }

    public List<Route> routes() {
        return List.of(
                Route.get(Links.API_TRACE, this::trace, Access.READ)
                        .doc(ApiDoc.of("The trace from a step, challenge, project, measure, policy-field or indicator")
                                .query("level", "For a measure whose code is on several levels: the level (depth) meant")
                                .returns(Trace.class)),
                Route.get("/api/v1/workspaces/{ws}/chain-check", this::chainCheck, Access.READ)
                        .doc(ApiDoc.of("Every break of the chain, per journey, with chain scores").returns(ChainCheckJson.class)),
                Route.post("/api/v1/workspaces/{ws}/chain-check/dismissals", this::dismiss, Access.EDIT)
                        .doc(ApiDoc.of("Dismiss a break with a reason").status(201).body("Dismissal")
                                .returns(DismissedJson.class)),
                Route.post("/api/v1/workspaces/{ws}/chain-check/dismissals/{id}/undo", this::undo, Access.EDIT)
                        .doc(ApiDoc.of("Undo a dismissal").returns(UndoneJson.class)),
                Route.get("/api/v1/workspaces/{ws}/budgets", this::budgets, Access.READ)
                        .doc(ApiDoc.of("Budget roll-ups per challenge, persona and policy field").returnsList(BudgetRollup.class)));
    }

    void trace(Context ctx) {
        Workspace ws = resolver.require(ctx);
        ctx.json(TraceController.find(ctx, ws, traces));
    }

    /** Breaks the API lists when no {@code limit} is asked for; the sample's whole list fits. */
    static final int DEFAULT_LIMIT = 500;
    /** The most breaks one answer lists; page on with {@code offset}. */
    static final int MAX_LIMIT = 1000;

    /**
     * The chain check with its counts per kind and one page of open breaks: {@code limit} (1–1000, default 500),
     * {@code offset} (from 0, default 0), {@code kind} (one break kind), {@code journey} (a journey's slug) and {@code actor} (a department's or
     * partner's id: its breaks only, and its counts).
     * {@code total} is how many open breaks match the filters; {@code breaks} are those from {@code offset} on.
     */
    void chainCheck(Context ctx) {
        Workspace ws = resolver.require(ctx);
        String journey = ctx.queryParam("journey");
        BreakKind kind = ChainCheck.kindFilter(ctx.queryParam("kind"));
        int limit = kusari.core.WholeNumber.parameter("limit", ctx.queryParam("limit"), 1, MAX_LIMIT, DEFAULT_LIMIT);
        int offset = kusari.core.WholeNumber.parameter("offset", ctx.queryParam("offset"), 0, Integer.MAX_VALUE, 0);
        ChainReport report = TraceController.report(chainCheck, ws,
                journey == null || journey.isBlank() ? null : journey, new ChainReport.Window(kind, offset, limit),
                TraceController.department(ctx, ws, reach));
        if (journey != null && !journey.isBlank() && report.journeys().isEmpty()) {
            throw NotFound.of(ctx, "error.notFound.journey", journey);
        }
        Ui ui = Requests.ui(ctx);
        ctx.json(new ChainCheckJson(report.workspace(), report.journey(), report.checks(),
                report.lastCompletedFiscalYear(), report.openCounts(), kind, report.matching(), offset, limit,
                report.open().stream().map(b -> BreakJson.of(ui, b)).toList(),
                report.dismissed().stream().map(b -> BreakJson.of(ui, b)).toList(),
                report.journeys().stream().map(j -> new JourneyScoreJson(j.journey(), j.title(), j.personaLabel(),
                        j.score(), j.checks(), j.holding(), j.failing(), ui.t("chain.score.explain", j.holding(),
                        j.checks(), j.steps(), j.troubledSteps()))).toList()));
    }

    /**
     * The chain check as the API answers it; {@code counts} (open breaks per kind) and a journey's {@code failing}
     * (failed checks per kind) are keyed by the break kinds that apply, so they stay maps. {@code kind},
     * {@code total}, {@code offset} and {@code limit} describe the page of {@code breaks}.
     */
    record ChainCheckJson(String workspace, String journey, Set<BreakKind> checks, Integer lastCompletedFiscalYear,
                          Map<BreakKind, Long> counts, @JsonInclude(JsonInclude.Include.NON_NULL) BreakKind kind,
                          long total, int offset, int limit, List<BreakJson> breaks, List<BreakJson> dismissed,
                          List<JourneyScoreJson> journeys) {
    }

    /** A break with its description and mending hint in the user's language; {@code dismissal} only when dismissed. */
    record BreakJson(BreakKind kind, String key, String journey, String place, String message, String mend,
                     String href, String trace, @JsonInclude(JsonInclude.Include.NON_NULL) Dismissal dismissal) {
        static BreakJson of(Ui ui, ChainBreak b) {
            return new BreakJson(b.kind(), b.key(), b.journey(), b.place(),
                    ui.t("chain.what." + b.kind().name(), b.argArray()), ui.t("chain.hint." + b.kind().name(),
                    b.argArray()), b.href(), b.traceHref(), b.dismissal());
        }
    }

    record JourneyScoreJson(String journey, String title, String persona, int score, int checks, int holding,
                            Map<BreakKind, Integer> failing, String explanation) {
    }

    record DismissedJson(long id, String key, String reason) {
    }

    record UndoneJson(long id, boolean undone) {
    }

    void dismiss(Context ctx) {
        Workspace ws = resolver.require(ctx);
        JsonNode body = kusari.web.JsonBody.object(ctx);
        String key = body.path("key").asText("");
        String reason = body.path("reason").asText("");
        long id = chainCheck.dismiss(ws, key, reason);
        ctx.status(HttpStatus.CREATED).json(new DismissedJson(id, key, reason.strip()));
    }

    void undo(Context ctx) {
        Workspace ws = resolver.require(ctx);
        long id = NotFound.pathLong(ctx, "id", "error.notFound.dismissal");
        try {
            chainCheck.undo(ws, id);
        } catch (ValidationException e) {
            throw NotFound.of(ctx, "error.notFound.dismissal", id);
        }
        ctx.json(new UndoneJson(id, true));
    }

    void budgets(Context ctx) {
        Workspace ws = resolver.require(ctx);
        List<BudgetRollup> all = budgets.all(ws);
        ctx.json(all);
    }
}
