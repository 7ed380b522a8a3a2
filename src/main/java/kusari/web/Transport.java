package kusari.web;

import io.javalin.http.Context;
import java.util.Set;

/**
 * Whether a request came over HTTPS, and from which address. Kusari itself speaks plain HTTP
 * and is meant to sit behind a TLS reverse proxy (README). It trusts the proxy's {@code X-Forwarded-Proto} and
 * {@code X-Forwarded-For} only when the connection comes from an address listed in KUSARI_TRUSTED_PROXIES, so
 * nobody can claim HTTPS or another address by sending the header themselves. KUSARI_HTTPS=true declares every
 * request secure (a proxy that does not send the header).
 *
 * @param https          KUSARI_HTTPS
 * @param trustedProxies KUSARI_TRUSTED_PROXIES, comma-separated addresses
 */
public record Transport(boolean https, Set<String> trustedProxies) {

    public static final Transport PLAIN = new Transport(false, Set.of());
    private static final String SECURE_ATTRIBUTE = "kusari.secure";

    /** Before every request: notes whether it is secure, for cookies and headers. */
    void mark(Context ctx) {
        ctx.attribute(SECURE_ATTRIBUTE, secure(ctx));
    }

    boolean secure(Context ctx) {
        if (https) {
            return true;
        }
        String proto = ctx.header("X-Forwarded-Proto");
        return fromProxy(ctx) && proto != null && proto.strip().equalsIgnoreCase("https");
    }

    private boolean fromProxy(Context ctx) {
        return trustedProxies.contains(ctx.req().getRemoteAddr());
    }

    /** This request's client: the address the trusted proxy saw (last X-Forwarded-For entry), else the peer's. */
    public String clientAddress(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-For");
        if (fromProxy(ctx) && forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].strip();
        }
        return ctx.req().getRemoteAddr();
    }

    /** True when this request came over HTTPS (cookies get Secure and the __Host- prefix). */
    public static boolean isSecure(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(SECURE_ATTRIBUTE));
    }
}
