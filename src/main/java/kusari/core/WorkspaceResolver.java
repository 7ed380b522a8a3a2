package kusari.core;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/**
 * Finds the workspace named by the {ws} part of a matched route once per request, before its handler runs, and
 * gives the request's page context the workspace's year style. Handlers ask {@link #require} for it.
 */
public final class WorkspaceResolver {

    private static final String ATTRIBUTE = "kusari.workspace";

    private final WorkspaceRepository workspaces;

    /**
     * Workspaces found, by slug, under the data's generation: every page of a workspace asks, and a kept page
     * ({@code web.PageCache}) is otherwise answered without reading the database at all. Any commit moves the
     * generation on, so a workspace renamed, re-dated or deleted is looked up again.
     */
    private final java.util.concurrent.ConcurrentMap<String, Found> found = new java.util.concurrent.ConcurrentHashMap<>();

    private record Found(long generation, Workspace ws, java.util.Optional<String> yearStyle) {
    }

    public WorkspaceResolver(WorkspaceRepository workspaces) {
        this.workspaces = workspaces;
    }

    /** Before every matched route with a {ws}: the workspace, or 404 in the user's language. */
    public void resolve(Context ctx) {
        if (ctx.endpoints().matchedHttpEndpoint() == null || !ctx.pathParamMap().containsKey("ws")) {
            return;
        }
        String slug = ctx.pathParam("ws");
        Ui ui = Ui.of(ctx);
        long generation = workspaces.generation();
        Found known = found.get(slug);
        if (known == null || known.generation() != generation) {
            Workspace stored = workspaces.findBySlug(slug).orElseThrow(() ->
                    new NotFoundResponse(ui.t("error.notFound.workspace", slug)));
            known = new Found(generation, stored, workspaces.yearStyle(stored.id()));
            found.put(slug, known);
        }
        Workspace ws = known.ws();
        // English pages name the levels in English; the API answers the workspace's data as stored
        if (!ui.japanese() && !ctx.path().startsWith("/api/")) {
            ws = ws.inEnglish(ui);
        }
        ctx.attribute(ATTRIBUTE, ws);
        known.yearStyle().ifPresent(style -> Ui.attach(ctx, ui.withYearStyle(YearStyle.of(style))));
    }

    /** The workspace of this request's route. */
    public Workspace require(Context ctx) {
        Workspace ws = ctx.attribute(ATTRIBUTE);
        if (ws == null) {
            resolve(ctx);
            ws = ctx.attribute(ATTRIBUTE);
        }
        if (ws == null) {
            throw new IllegalStateException("No {ws} in the route of " + ctx.path());
        }
        return ws;
    }
}
