package kusari.web;

import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;

/**
 * Answers a request with a page: its jte template rendered with its one page record, as UTF-8 bytes. Rendering
 * straight to bytes matters for speed: the templates' fixed text is encoded once when they are compiled, and only
 * the data of the page is encoded per request, where a rendered String had to be encoded as a whole again.
 */
public final class Pages {

    private Pages() {
    }

    static final String NOT_KEPT = "kusari.notKept";

    /**
     * This answer is for this one view (it shows a message that must not show twice) and is not kept, even on a
     * route whose pages are ({@link Route#kept()}).
     */
    public static void notKept(Context ctx) {
        ctx.attribute(NOT_KEPT, true);
    }

    public static void render(Context ctx, String template, Object page) {
        JteRenderer renderer = (JteRenderer) ctx.appData(FileRenderer.FileRendererKey);
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(renderer.bytes(template, page));
    }
}
