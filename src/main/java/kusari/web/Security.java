package kusari.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Security by default: strict response headers on every answer, and a CSRF check on every mutating request
 * (double submit: the token lives in an HttpOnly SameSite cookie and must come back in the form or a header).
 */
public final class Security {

    static final String CSRF_COOKIE = "kusari_csrf";
    public static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String CSRF_ATTRIBUTE = "kusari.csrf";
    private static final Set<HandlerType> MUTATING = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Nothing from another origin, no inline script or style, no framing. */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private Security() {
    }

    static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        // over HTTPS, browsers are told to use nothing else
        if (Transport.isSecure(ctx)) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
    }

    /** Rejects a mutating request whose CSRF token is missing or wrong, before any handler runs. */
    static void checkCsrf(Context ctx) {
        if (!MUTATING.contains(ctx.method())) {
            return;
        }
        // a request carrying an API token is not sent by a browser on its own (browsers never
        // add an Authorization header by themselves), so the token itself is the proof; a wrong token is refused
        // by the Authorizer, and such a request is never authenticated by the session cookie.
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return;
        }
        String expected = ctx.cookie(CSRF_COOKIE);
        String given = ctx.header(CSRF_HEADER);
        String type = ctx.contentType();
        if (given == null && type != null
                && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"))) {
            given = ctx.formParam(CSRF_FIELD);
        }
        if (expected == null || given == null || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenResponse(Requests.ui(ctx).t("error.csrf"));
        }
    }

    /**
     * Refuses a JSON body that is not valid UTF-8 (bad input): decoding it leniently would store
     * replacement characters in place of what someone typed.
     */
    static void checkUtf8(Context ctx) {
        String type = ctx.contentType();
        if (!MUTATING.contains(ctx.method()) || type == null || !type.startsWith("application/json")) {
            return;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(ctx.bodyAsBytes()));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new io.javalin.http.BadRequestResponse(Requests.ui(ctx).t("error.invalidUtf8"));
        }
    }

    /** Headers by which some frameworks let a client pretend to use another method. */
    private static final java.util.List<String> METHOD_OVERRIDES = java.util.List.of(
            "X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

    /**
     * Refuses every method override: Javalin would otherwise route a GET with {@code X-HTTP-Method-Override:
     * DELETE} to the delete, so a link or an image could delete a step. A request means its own method only.
     */
    static void refuseMethodOverride(Context ctx) {
        for (String header : METHOD_OVERRIDES) {
            if (ctx.req().getHeader(header) != null) {
                throw new io.javalin.http.BadRequestResponse(Requests.ui(ctx).t("error.methodOverride", header));
            }
        }
    }

    /** This browser's CSRF token, issued on first visit. */
    static String csrfToken(Context ctx) {
        String token = ctx.attribute(CSRF_ATTRIBUTE);
        if (token != null) {
            return token;
        }
        token = ctx.cookie(CSRF_COOKIE);
        if (token == null || token.length() < 20) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            ctx.cookie(new Cookie(CSRF_COOKIE, token, "/", -1, Transport.isSecure(ctx), true, null, SameSite.STRICT));
        }
        ctx.attribute(CSRF_ATTRIBUTE, token);
        return token;
    }
}
