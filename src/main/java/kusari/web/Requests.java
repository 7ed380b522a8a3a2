package kusari.web;

import kusari.core.Ui;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import kusari.core.Ui.Lang;

/** Per-request helpers shared by every feature's controller: language choice and the page context. */
public final class Requests {

    static final String LANG_COOKIE = "kusari_lang";
    /** Who is asking, set by the gate before the page context is made. */
    public static final String VIEWER_ATTRIBUTE = "kusari.viewer";

    private Requests() {
    }

    /**
     * Picks the interface language: {@code ?lang=en} switches and is remembered in a cookie; otherwise the cookie;
     * otherwise Japanese. Runs before every request.
     */
    static void chooseLanguage(Context ctx) {
        String asked = ctx.queryParam("lang");
        Lang lang;
        if (asked != null) {
            lang = Lang.fromCode(asked);
            Cookie cookie = new Cookie(LANG_COOKIE, lang.code(), "/", 60 * 60 * 24 * 365, false, true, null, SameSite.LAX);
            ctx.cookie(cookie);
        } else {
            lang = Lang.fromCode(ctx.cookie(LANG_COOKIE));
        }
        Long done = null;
        String doneParam = ctx.queryParam("done");
        if (doneParam != null && doneParam.matches("\\d{1,18}")) {
            done = Long.parseLong(doneParam);
        }
        Ui.attach(ctx, new Ui(lang, ctx.path(), Security.csrfToken(ctx), done, ctx.attribute(VIEWER_ATTRIBUTE)));
        ctx.header("Content-Language", lang.code());
    }

    /** The page context of this request (language, path, CSRF token). */
    public static Ui ui(Context ctx) {
        return Ui.of(ctx);
    }

    /** True for the JSON API, whose errors are JSON rather than pages. */
    static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }
}
