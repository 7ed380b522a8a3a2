package kusari.trace;

import com.fasterxml.jackson.databind.JsonNode;
import kusari.web.Access;
import kusari.web.Route;
import kusari.web.Links;
import kusari.web.ApiDoc;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    public TraceApi(WorkspaceResolver resolver, TraceService traces, ChainCheck chainCheck, BudgetRollups budgets) {
        this.resolver = resolver;
        this.traces = traces;
        this.chainCheck = chainCheck;
        this.budgets = budgets;
    }

    public List<Route> routes() {
        return List.of(
                Route.get(Links.API_TRACE, this::trace, Access.READ)
                        .doc("The trace from a step, challenge, project, measure, policy-field or indicator"),
                Route.get("/api/v1/workspaces/{ws}/chain-check", this::chainCheck, Access.READ)
                        .doc("Every break of the chain, per journey, with chain scores"),
                Route.post("/api/v1/workspaces/{ws}/chain-check/dismissals", this::dismiss, Access.EDIT)
                        .doc(ApiDoc.of("Dismiss a break with a reason").status(201)),
                Route.post("/api/v1/workspaces/{ws}/chain-check/dismissals/{id}/undo", this::undo, Access.EDIT)
                        .doc("Undo a dismissal"),
                Route.get("/api/v1/workspaces/{ws}/budgets", this::budgets, Access.READ)
                        .doc("Budget roll-ups per challenge, persona and policy field"));
    }

    void trace(Context ctx) {
        Workspace ws = resolver.require(ctx);
        ctx.json(TraceController.find(ctx, ws, traces));
    }

    void chainCheck(Context ctx) {
        Workspace ws = resolver.require(ctx);
        String journey = ctx.queryParam("journey");
        ChainReport report = chainCheck.report(ws, journey == null || journey.isBlank() ? null : journey);
        if (journey != null && !journey.isBlank() && report.journeys().isEmpty()) {
            throw NotFound.of(ctx, "error.notFound.journey", journey);
        }
        Ui ui = Requests.ui(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("workspace", report.workspace());
        body.put("journey", report.journey());
        body.put("checks", report.checks());
        body.put("lastCompletedFiscalYear", report.lastCompletedFiscalYear());
        body.put("counts", report.openCounts());
        body.put("breaks", report.open().stream().map(b -> json(ui, b)).toList());
        body.put("dismissed", report.dismissed().stream().map(b -> json(ui, b)).toList());
        body.put("journeys", report.journeys().stream().map(j -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("journey", j.journey());
            m.put("title", j.title());
            m.put("persona", j.personaLabel());
            m.put("score", j.score());
            m.put("checks", j.checks());
            m.put("holding", j.holding());
            m.put("failing", j.failing());
            m.put("explanation", ui.t("chain.score.explain", j.holding(), j.checks(), j.steps(), j.troubledSteps()));
            return m;
        }).toList());
        ctx.json(body);
    }

    private static Map<String, Object> json(Ui ui, ChainBreak b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", b.kind());
        m.put("key", b.key());
        m.put("journey", b.journey());
        m.put("place", b.place());
        m.put("message", ui.t("chain.what." + b.kind().name(), b.argArray()));
        m.put("mend", ui.t("chain.hint." + b.kind().name(), b.argArray()));
        m.put("href", b.href());
        m.put("trace", b.traceHref());
        if (b.dismissal() != null) {
            m.put("dismissal", b.dismissal());
        }
        return m;
    }

    void dismiss(Context ctx) {
        Workspace ws = resolver.require(ctx);
        JsonNode body;
        try {
            body = ctx.bodyAsClass(JsonNode.class);
        } catch (Exception e) { // Jackson's parse errors arrive unchecked through Javalin's mapper
            throw ValidationException.of("body", "chain.dismiss.badJson");
        }
        if (body == null || !body.isObject()) {
            throw ValidationException.of("body", "chain.dismiss.badJson");
        }
        String key = body.path("key").asText("");
        String reason = body.path("reason").asText("");
        long id = chainCheck.dismiss(ws, key, reason);
        ctx.status(HttpStatus.CREATED).json(Map.of("id", id, "key", key, "reason", reason.strip()));
    }

    void undo(Context ctx) {
        Workspace ws = resolver.require(ctx);
        long id = NotFound.pathLong(ctx, "id", "error.notFound.dismissal");
        try {
            chainCheck.undo(ws, id);
        } catch (ValidationException e) {
            throw NotFound.of(ctx, "error.notFound.dismissal", id);
        }
        ctx.json(Map.of("id", id, "undone", true));
    }

    void budgets(Context ctx) {
        Workspace ws = resolver.require(ctx);
        List<BudgetRollup> all = budgets.all(ws);
        ctx.json(all);
    }
}
