package kusari.web;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Objects;

/**
 * One route, declared once by its feature: method, path, handler, who may use it, and for the JSON API what the
 * OpenAPI document says of it. The server registers it ({@link Server}), the gate checks its {@link Access}
 * before the handler runs, the OpenAPI document describes it, and {@link Links} builds its URLs from the same
 * {@link RoutePath}. A route cannot be declared without an Access.
 */
public record Route(HandlerType method, RoutePath path, Handler handler, Access access, ApiDoc doc, boolean keptPage) {

    /** Where the JSON API lives; every route under it carries an {@link ApiDoc}. */
    public static final String API = "/api/v1";

    public Route(HandlerType method, RoutePath path, Handler handler, Access access, ApiDoc doc) {
        this(method, path, handler, access, doc, false);
    }

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(handler, "handler of " + path);
        Objects.requireNonNull(access, "who may use " + method + " " + path);
    }

    public static Route get(RoutePath path, Handler handler, Access access) {
        return new Route(HandlerType.GET, path, handler, access, null);
    }

    public static Route get(String path, Handler handler, Access access) {
        return get(RoutePath.of(path), handler, access);
    }

    public static Route post(RoutePath path, Handler handler, Access access) {
        return new Route(HandlerType.POST, path, handler, access, null);
    }

    public static Route post(String path, Handler handler, Access access) {
        return post(RoutePath.of(path), handler, access);
    }

    public static Route patch(String path, Handler handler, Access access) {
        return new Route(HandlerType.PATCH, RoutePath.of(path), handler, access, null);
    }

    public static Route delete(String path, Handler handler, Access access) {
        return new Route(HandlerType.DELETE, RoutePath.of(path), handler, access, null);
    }

    /**
     * A stream of Server-Sent Events ({@code text/event-stream}), declared like any GET. The request's shared read
     * snapshot ends before the stream starts: a stream lasts an hour, a snapshot must not (it would hold back the
     * database's write-ahead log); the stream reads its events afresh each time it is woken ({@link EventHub}).
     */
    public static Route sse(String path, java.util.function.Consumer<io.javalin.http.sse.SseClient> stream, Access access) {
        return new Route(HandlerType.GET, RoutePath.of(path), new io.javalin.http.sse.SseHandler(client -> {
            Server.endReads(client.ctx());
            stream.accept(client);
        }), access, null);
    }

    /** The same route described in the OpenAPI document by this summary. */
    public Route doc(String summary) {
        return doc(ApiDoc.of(summary));
    }

    public Route doc(ApiDoc doc) {
        return new Route(method, path, handler, access, doc, keptPage);
    }

    /**
     * The same page, kept and shown again while the stored data is unchanged ({@link PageCache}). Only for a page
     * made from nothing but the stored data, the address, the language, the viewer and the date.
     */
    public Route kept() {
        return new Route(method, path, handler, access, doc, true);
    }

    /** A route of the JSON API. */
    public boolean api() {
        return path.startsWith(API + "/");
    }

    @Override
    public String toString() {
        return method + " " + path + " (" + access + ")";
    }
}
