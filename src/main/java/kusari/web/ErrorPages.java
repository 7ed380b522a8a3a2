package kusari.web;

import kusari.core.Ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import kusari.core.ConflictException;
import kusari.core.FieldError;
import kusari.core.NotFoundException;
import kusari.core.ValidationException;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error answer in one place: a page in the user's language for people, a JSON body for the API.
 * Unexpected exceptions are logged once with the request path; users never see a stack trace.
 */
public final class ErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    private ErrorPages() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            String message = e.getMessage();
            // Javalin's own "no route matched" answer is in English and names the HTTP method: say it plainly.
            if (e.getStatus() == 404 && message != null && message.startsWith("Endpoint ")) {
                message = Requests.ui(ctx).t("error.notFound.page", ctx.path());
            }
            if (e.getStatus() == 413) { // Javalin's own words are English
                message = Requests.ui(ctx).t("error.bodyTooLarge", Server.MAX_REQUEST_BYTES / 1_000_000);
            }
            if (e.getStatus() == 405) {
                message = methodNotAllowed(ctx);
            }
            answer(ctx, e.getStatus(), message);
        });
        // Services refuse bad values and stale versions with these; forms catch them to re-show themselves,
        // so what reaches here is the JSON API (or a form without its own handling).
        routes.exception(ValidationException.class, (e, ctx) -> {
            Ui ui = Requests.ui(ctx);
            List<ErrorJson.FieldJson> fields = e.errors().stream()
                    .map(err -> new ErrorJson.FieldJson(err.field(), message(ui, err)))
                    .toList();
            String summary = fields.stream().map(f -> f.field() + ": " + f.message())
                    .reduce((a, b) -> a + " / " + b).orElse("");
            answer(ctx, 400, summary, (title, shown) -> new ErrorJson.Invalid(400, title, shown, fields));
        });
        routes.exception(ConflictException.class, (e, ctx) -> answer(ctx, 409,
                Requests.ui(ctx).t("error.conflict.message"),
                (title, shown) -> new ErrorJson.Conflict(409, title, shown, e.current())));
        routes.exception(NotFoundException.class, (e, ctx) ->
                answer(ctx, 404, Requests.ui(ctx).t("error.notFound.entity")));
        // a change its author may not make (e.g. another department's action)
        routes.exception(kusari.core.ForbiddenChangeException.class, (e, ctx) ->
                answer(ctx, 403, Requests.ui(ctx).t(e.messageKey())));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
            answer(ctx, 500, Requests.ui(ctx).t("error.server.message"));
        });
        // Paths that match no route at all.
        routes.error(404, ctx -> {
            if (ctx.resultInputStream() == null) {
                answer(ctx, 404, Requests.ui(ctx).t("error.notFound.page", ctx.path()));
            }
        });
    }

    /** A method the path does not take: the methods it does take, in the Allow header and in words. */
    private static String methodNotAllowed(Context ctx) {
        java.util.Set<String> allowed = new java.util.TreeSet<>();
        RouteTable table = Server.routes(ctx);
        if (table != null) {
            for (Route route : table.routes()) {
                String pattern = route.path().template().replaceAll("\\{[^/]+}", "[^/]+");
                if (ctx.path().matches(pattern)) {
                    allowed.add(route.method().name());
                }
            }
        }
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        String allow = String.join(", ", allowed);
        ctx.header("Allow", allow);
        return Requests.ui(ctx).t("error.methodNotAllowed", ctx.req().getMethod(), allow);
    }

    /** A field error in the user's language. */
    public static String message(Ui ui, FieldError error) {
        return ui.t(error.messageKey(), error.args().toArray());
    }

    static void answer(Context ctx, int status, String message) {
        answer(ctx, status, message, (title, shown) -> new ErrorJson(status, title, shown));
    }

    /** {@code json} makes the API's body from the status's title and the message shown. */
    static void answer(Context ctx, int status, String message, BiFunction<String, String, Object> json) {
        Ui ui = Requests.ui(ctx);
        String title = ui.t("error.status." + status);
        if (title.startsWith("error.status.")) {
            title = ui.t("error.status.other", status);
        }
        String shown = message == null || message.isBlank() ? title : message;
        ctx.status(status);
        if (Requests.isApi(ctx)) {
            ctx.json(json.apply(title, shown));
        } else {
            Pages.render(ctx, "error/error.jte", new ErrorPage(ui, status, title, shown));
        }
    }
}
