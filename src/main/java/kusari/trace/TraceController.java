package kusari.trace;

import kusari.web.Access;
import kusari.web.Pages;
import kusari.web.Route;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kusari.core.ValidationException;
import kusari.core.Workspace;
import kusari.core.WorkspaceResolver;
import kusari.web.ErrorPages;
import kusari.web.Links;
import kusari.web.NotFound;
import kusari.web.Requests;
import kusari.core.Ui;

/** Trace pages, the chain check (with dismissals and settings) and the budget roll-ups. */
public final class TraceController {

    private final WorkspaceResolver resolver;
    private final TraceService traces;
    private final ChainCheck chainCheck;
    private final BudgetRollups budgets;
    private final DepartmentReach reach;

    public TraceController(WorkspaceResolver resolver, TraceService traces, ChainCheck chainCheck,
                           BudgetRollups budgets, kusari.db.Database database) {
        this.resolver = resolver;
        this.traces = traces;
        this.chainCheck = chainCheck;
        this.budgets = budgets;
        this.reach = new DepartmentReach(database);
    }

    public List<Route> routes() {
        return List.of(
                Route.get(Links.TRACE, this::trace, Access.READ),
                Route.get(Links.CHAIN_CHECK, this::chainCheck, Access.READ),
                Route.post(Links.CHAIN_DISMISSALS, this::dismiss, Access.EDIT),
                Route.post(Links.CHAIN_UNDO, this::undo, Access.EDIT),
                // what counts as a break is the workspace's setting
                Route.post(Links.CHAIN_SETTINGS, this::settings, Access.WS_ADMIN),
                Route.get(Links.BUDGETS, this::budgets, Access.READ));
    }

    void trace(Context ctx) {
        Workspace ws = resolver.require(ctx);
        Trace trace = find(ctx, ws, traces);
        Pages.render(ctx, "trace/show.jte", TracePage.of(Requests.ui(ctx), ws, trace));
    }

    /** The trace named by the path, or a 404 that says which kind and id were not found. */
    static Trace find(Context ctx, Workspace ws, TraceService traces) {
        String kindSlug = ctx.pathParam("kind");
        String id = ctx.pathParam("id");
        TraceKind kind = TraceKind.fromSlug(kindSlug)
                .orElseThrow(() -> NotFound.of(ctx, "error.notFound.traceKind", kindSlug));
        // a measure's code may be on several levels below the top (戦略1 and 施策1): ?level= names which
        Integer level = kind == TraceKind.MEASURE ? kusari.core.NodeCodes.parseLevel(ctx.queryParam("level")) : null;
        return traces.trace(ws, kind, id, level)
                .orElseThrow(() -> NotFound.of(ctx, "error.notFound.traceStart", Requests.ui(ctx).t("trace.kind." + kind.name()), id));
    }

    void chainCheck(Context ctx) {
        Workspace ws = resolver.require(ctx);
        render(ctx, ws, Map.of(), Map.of());
    }

    private void render(Context ctx, Workspace ws, Map<String, String> errors, Map<String, String> entered) {
        String journey = ctx.queryParam("journey");
        if (journey == null) {
            journey = ctx.formParam("journey");
        }
        if (journey != null && journey.isBlank()) {
            journey = null;
        }
        // the list of breaks is paged and may be narrowed to one kind; a refused dismissal comes back to its page
        BreakKind kind = ChainCheck.kindFilter(param(ctx, "kind"));
        int page = kusari.core.WholeNumber.parameter("page", param(ctx, "page"), 1, Integer.MAX_VALUE, 1);
        long offset = (long) (page - 1) * ChainCheckPage.PER_PAGE;
        DepartmentReach.Reach department = department(ctx, ws, reach);
        ChainReport report = report(chainCheck, ws, journey, new ChainReport.Window(kind,
                (int) Math.min(offset, Integer.MAX_VALUE), ChainCheckPage.PER_PAGE), department);
        if (journey != null && report.journeys().isEmpty()) {
            throw NotFound.of(ctx, "error.notFound.journey", journey);
        }
        Pages.render(ctx, "trace/chainCheck.jte", new ChainCheckPage(Requests.ui(ctx), ws, report,
                chainCheck.journeys(ws), chainCheck.dismissalHistory(ws), errors, entered, page, reach.actors(ws),
                department == null ? null : department.actor(), param(ctx, "dismiss")));
    }

    /** The department (or partner) the list is narrowed to, from {@code actor}; null when none is asked for. */
    static DepartmentReach.Reach department(Context ctx, Workspace ws, DepartmentReach reach) {
        String value = param(ctx, "actor");
        if (value == null) {
            return null;
        }
        long id = kusari.core.WholeNumber.parameter("actor", value, 1, Integer.MAX_VALUE, 1);
        return reach.of(ws, id).orElseThrow(() -> NotFound.of(ctx, "error.notFound.actor", id));
    }

    /** The report of the window, narrowed to the department's breaks when one is given (page and API alike). */
    static ChainReport report(ChainCheck chainCheck, Workspace ws, String journey, ChainReport.Window window,
                              DepartmentReach.Reach department) {
        return department == null ? chainCheck.report(ws, journey, window)
                : narrow(chainCheck.report(ws, journey, ChainReport.Window.ALL), department, window);
    }

    /**
     * The whole report cut down to the breaks the department reaches: its counts are the department's, and the
     * window (kind, page) is applied to what is left.
     */
    static ChainReport narrow(ChainReport all, DepartmentReach.Reach department, ChainReport.Window window) {
        List<ChainBreak> open = all.open().stream().filter(department::touches).toList();
        Map<BreakKind, Long> counts = new java.util.EnumMap<>(BreakKind.class);
        all.counts().keySet().forEach(k -> counts.put(k, 0L));
        open.forEach(b -> counts.merge(b.kind(), 1L, Long::sum));
        List<ChainBreak> matching = open.stream().filter(b -> window.kind() == null || b.kind() == window.kind())
                .toList();
        int from = Math.min(window.offset(), matching.size());
        int to = (int) Math.min((long) from + window.limit(), matching.size());
        return new ChainReport(all.workspace(), all.journey(), all.checks(), all.lastCompletedFiscalYear(),
                matching.subList(from, to), all.dismissed().stream().filter(department::touches).toList(),
                all.journeys(), counts, window);
    }

    /** A query parameter, or the same field of a posted form; blank counts as absent. */
    private static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) {
            value = ctx.formParam(name);
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    void dismiss(Context ctx) {
        Workspace ws = resolver.require(ctx);
        String key = ctx.formParam("key");
        String reason = ctx.formParam("reason");
        try {
            chainCheck.dismiss(ws, key, reason);
        } catch (ValidationException e) {
            Ui ui = Requests.ui(ctx);
            String message = e.errors().stream().map(err -> ErrorPages.message(ui, err)).reduce((a, b) -> a + " " + b)
                    .orElse("");
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, ws, Map.of(key == null ? "" : key, message), Map.of(key == null ? "" : key,
                    reason == null ? "" : reason));
            return;
        }
        ctx.redirect(back(ws, ctx.formParam("journey")) + "#dismissed-heading", HttpStatus.SEE_OTHER);
    }

    void undo(Context ctx) {
        Workspace ws = resolver.require(ctx);
        long id = NotFound.pathLong(ctx, "id", "error.notFound.dismissal");
        try {
            chainCheck.undo(ws, id);
        } catch (ValidationException e) {
            throw NotFound.of(ctx, "error.notFound.dismissal", id);
        }
        ctx.redirect(back(ws, ctx.formParam("journey")) + "#breaks-heading", HttpStatus.SEE_OTHER);
    }

    void settings(Context ctx) {
        Workspace ws = resolver.require(ctx);
        Set<BreakKind> enabled = EnumSet.noneOf(BreakKind.class);
        List<String> checked = ctx.formParams("check");
        for (BreakKind k : BreakKind.values()) {
            if (checked.contains(k.name())) {
                enabled.add(k);
            }
        }
        chainCheck.saveChecks(ws, enabled);
        ctx.redirect(Links.chainCheck(ws.slug()) + "#settings", HttpStatus.SEE_OTHER);
    }

    private static String back(Workspace ws, String journey) {
        return journey == null || journey.isBlank() ? Links.chainCheck(ws.slug())
                : Links.chainCheckJourney(ws.slug(), journey);
    }

    void budgets(Context ctx) {
        Workspace ws = resolver.require(ctx);
        // The roll-ups are summed over every project, but a large workspace has thousands of challenges and
        // personas: each roll-up's rows and the project list are shown a page at a time, the totals whole.
        java.util.Map<String, Integer> pages = new java.util.HashMap<>();
        for (String by : BudgetPage.ROLLUPS) {
            pages.put(by, kusari.core.Paging.parse(BudgetPage.parameter(by), ctx.queryParam(BudgetPage.parameter(by))));
        }
        int page = kusari.core.Paging.parse("page", ctx.queryParam("page"));
        BudgetRollups.ProjectBudgets projects = budgets.projects(ws, page);
        Pages.render(ctx, "trace/budgets.jte", BudgetPage.paged(Requests.ui(ctx), ws, budgets.all(ws), pages,
                projects));
    }
}
