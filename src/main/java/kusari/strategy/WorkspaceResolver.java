package kusari.strategy;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import kusari.web.Requests;

/** Finds the workspace named by the {ws} part of a path, or answers 404. Shared by every feature's routes. */
public final class WorkspaceResolver {

    private final WorkspaceRepository workspaces;

    public WorkspaceResolver(WorkspaceRepository workspaces) {
        this.workspaces = workspaces;
    }

    public Workspace require(Context ctx) {
        String slug = ctx.pathParam("ws");
        Workspace ws = workspaces.findBySlug(slug).orElseThrow(() ->
                new NotFoundResponse(Requests.ui(ctx).t("error.notFound.workspace", slug)));
        // issue 6: the workspace's own way of showing fiscal years, when it has chosen one
        workspaces.yearStyle(ws.id()).ifPresent(style -> Requests.ui(ctx).useYearStyle(YearStyle.of(style)));
        return ws;
    }
}
