package kusari.search;

import io.javalin.http.Context;
import java.util.List;
import kusari.core.FieldError;
import kusari.core.ValidationException;
import kusari.core.Workspace;
import kusari.core.WorkspaceResolver;
import kusari.web.Access;
import kusari.web.ApiDoc;
import kusari.web.Links;
import kusari.web.Pages;
import kusari.web.Requests;
import kusari.web.Route;

/** Search across the whole chain of a workspace: the page ({@code /w/{ws}/search?q=}) and the same as JSON. */
public final class SearchController {

    /** Results on one page. */
    static final int PAGE = 50;
    /** Results of one API answer unless {@code limit} says otherwise. */
    static final int API_DEFAULT = 20;

    private final WorkspaceResolver resolver;
    private final SearchService search;

    public SearchController(WorkspaceResolver resolver, SearchService search) {
        this.resolver = resolver;
        this.search = search;
    }

    public List<Route> routes() {
        return List.of(
                Route.get(Links.SEARCH, this::page, Access.READ),
                Route.get(Links.API_SEARCH, this::api, Access.READ).doc(ApiDoc.of(
                        "Search the workspace's personas, journeys, steps, actions, actors (current and former names),"
                                + " challenges, framework items, projects and indicators: ?q= (words of 1 character"
                                + " and more, all must occur; ranked best first) → {results: [{kind, key, title,"
                                + " snippet, href}], total}; totalCapped: more than total match, ranked among the first total")
                        .query("offset", "Results to skip (0 unless given)")
                        .query("limit", "Results to give, 1–" + SearchService.MAX_LIMIT + " (" + API_DEFAULT + " unless given)")
                        .returns(ResultsJson.class)));
    }

    record ResultJson(String kind, String key, String title, String snippet, String place, String href) {
    }

    record ResultsJson(String query, List<ResultJson> results, int total, boolean totalCapped, int offset, int limit) {
    }

    void page(Context ctx) {
        Workspace ws = resolver.require(ctx);
        String q = ctx.queryParam("q");
        String error = null;
        java.util.List<Object> errorArgs = java.util.List.of();
        SearchResults results = SearchResults.NONE;
        try {
            int offset = number(ctx, "offset", 0, 0, Integer.MAX_VALUE);
            results = search.search(ws, q, offset, PAGE);
        } catch (ValidationException e) {
            FieldError first = e.errors().get(0);
            error = first.messageKey();
            errorArgs = first.args();
            ctx.status(422);
        }
        String next = results.more() ? Links.search(ws.slug(), q, results.offset() + results.hits().size()) : null;
        Pages.render(ctx, "search/results.jte", new SearchPage(Requests.ui(ctx), ws, q == null ? "" : q,
                results, error, errorArgs, next));
    }

    void api(Context ctx) {
        Workspace ws = resolver.require(ctx);
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) {
            throw ValidationException.of("q", "search.empty");
        }
        int offset = number(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = number(ctx, "limit", API_DEFAULT, 1, SearchService.MAX_LIMIT);
        SearchResults r = search.search(ws, q, offset, limit);
        ctx.json(new ResultsJson(q, r.hits().stream().map(h -> new ResultJson(h.kind(), h.key(), h.title().plain(),
                h.snippet().plain(), h.place(), h.href())).toList(), r.total(), r.capped(), offset, limit));
    }

    private static int number(Context ctx, String name, int otherwise, int min, int max) {
        return kusari.core.WholeNumber.parameter(name, ctx.queryParam(name), min, max, otherwise);
    }
}
