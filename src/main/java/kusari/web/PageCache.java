package kusari.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import kusari.core.Ui;
import kusari.db.Database;

/**
 * Keeps the pages that routes declare as kept ({@link Route#keptPage()}): the journey map, persona, challenge and
 * actor pages are read far more often than the chain changes (a department opens its page many times a day, a
 * projector reloads the map), and rendering one runs a dozen queries. A kept page is shown again while the stored
 * data is unchanged: the key holds the data's generation ({@link Database#generation}), so any committed change
 * (through Kusari or from another process) retires every kept page at once. The key also holds all else a page is
 * made from: the address with its query, the language, who is looking and the date (fiscal-year defaults).
 *
 * <p>Each browser's forms carry its own CSRF token, so a page is kept with a stand-in of the token's length and the
 * asking browser's token is put in its places when it is shown. Only complete 200 answers in HTML are kept, and
 * not those a handler marked as for one view only ({@link Pages#notKept}).
 */
final class PageCache {

    /**
     * A stand-in no real token equals: tokens are 32 characters of URL-safe Base64 ({@link Security}), which no
     * escaping changes, so the stand-in is made of the same characters.
     */
    static final String STAND_IN = "kusariCsrfStandIn000000000000000";
    private static final byte[] STAND_IN_BYTES = STAND_IN.getBytes(StandardCharsets.US_ASCII);
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{32}");
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** Memory the kept pages may take: a few hundred pages of the usual 10-60 kB. */
    private static final long MAX_BYTES = 24L << 20;

    /**
     * A kept page: its bytes with the stand-in, where the stand-in sits, and the ETag of those bytes. The tag of
     * what a browser gets is this tag and its token's checksum, made without reading the page again.
     */
    private record Kept(byte[] body, int[] tokenAt, String tag) {
    }

    private final Database database;
    private final Cache<String, Kept> pages = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((String key, Kept kept) -> key.length() * 2 + kept.body().length)
            .build();

    PageCache(Database database) {
        this.database = database;
    }

    /** The handler of a kept page: shows the kept copy when there is one, else renders and keeps it. */
    Handler keep(Handler render) {
        return ctx -> {
            if (ctx.method() != HandlerType.GET) {
                render.handle(ctx);
                return;
            }
            Ui ui = Ui.of(ctx);
            String token = ui.csrfToken();
            if (!TOKEN.matcher(token).matches()) {
                // a token the server did not issue (a cookie set by hand) is rendered by jte, escaped
                render.handle(ctx);
                return;
            }
            String key = key(ctx, ui);
            Kept kept = pages.getIfPresent(key);
            if (kept == null) {
                kept = renderAndKeep(ctx, ui, render, key);
                if (kept == null) {
                    return;  // not a page that can be kept: the answer stands as rendered
                }
            }
            ctx.contentType("text/html; charset=utf-8");
            String tag = tag(kept, token);
            ctx.header("ETag", tag);
            String encodings = ctx.header("Accept-Encoding");
            if ((encodings == null || encodings.isBlank()) && !tag.equals(ctx.header("If-None-Match"))) {
                // Answered as it is (nothing to compress for): said how long, like a file, so the server sends
                // it whole instead of in chunks; a compressed answer's length is only known once it is made.
                ctx.res().setContentLength(kept.body().length);
            }
            ctx.result(new WithToken(kept.body(), kept.tokenAt(), token.getBytes(StandardCharsets.US_ASCII)));
        };
    }

    private Kept renderAndKeep(Context ctx, Ui ui, Handler render, String key) throws Exception {
        Ui.attach(ctx, ui.withCsrfToken(STAND_IN));
        try {
            render.handle(ctx);
        } finally {
            Ui.attach(ctx, ui);
        }
        String type = ctx.res().getContentType();
        if (ctx.status() != HttpStatus.OK || type == null || !type.startsWith("text/html")
                || ctx.attribute(Pages.NOT_KEPT) != null
                || !(ctx.resultInputStream() instanceof ByteArrayInputStream memory)) {
            return null;
        }
        byte[] body = memory.readAllBytes();
        Kept kept = new Kept(body, positions(body), Etags.of(body));
        pages.put(key, kept);
        return kept;
    }

    private String key(Context ctx, Ui ui) {
        String query = ctx.queryString();
        return database.generation() + "|" + LocalDate.now(JAPAN) + "|" + ui.lang().code() + "|" + ui.identity()
                + "|" + ctx.path() + (query == null ? "" : "?" + query);
    }

    private static int[] positions(byte[] body) {
        int[] at = new int[8];
        int n = 0;
        for (int i = indexOf(body, 0); i >= 0; i = indexOf(body, i + STAND_IN_BYTES.length)) {
            if (n == at.length) {
                at = Arrays.copyOf(at, n * 2);
            }
            at[n++] = i;
        }
        return Arrays.copyOf(at, n);
    }

    private static int indexOf(byte[] body, int from) {
        byte first = STAND_IN_BYTES[0];
        outer:
        for (int i = from; i <= body.length - STAND_IN_BYTES.length; i++) {
            if (body[i] != first) {
                continue;
            }
            for (int j = 1; j < STAND_IN_BYTES.length; j++) {
                if (body[i + j] != STAND_IN_BYTES[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Two browsers' copies of a page differ only in their token, so the token's checksum tells them apart. */
    private static String tag(Kept kept, String token) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(token.getBytes(StandardCharsets.US_ASCII));
        String page = kept.tag();
        return page.substring(0, page.length() - 1) + "-" + Long.toHexString(crc.getValue()) + "\"";
    }

    /**
     * A kept page with the asking browser's token in the stand-in's places, read straight from the kept bytes: no
     * copy of the page per view (at thousands of views a second, those copies were most of what the server
     * allocated, and so of its collector's pauses).
     */
    static final class WithToken extends java.io.InputStream {

        private final byte[] body;
        private final int[] tokenAt;
        private final byte[] token;
        private int at;
        /** The next stand-in's index in {@code tokenAt}. */
        private int next;

        /** {@code tokenAt}: where the stand-ins begin, in order, each {@code token.length} bytes long. */
        WithToken(byte[] body, int[] tokenAt, byte[] token) {
            this.body = body;
            this.tokenAt = tokenAt;
            this.token = token;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int off, int len) {
            if (at >= body.length) {
                return -1;
            }
            int n = 0;
            while (n < len && at < body.length) {
                int start = next < tokenAt.length ? tokenAt[next] : body.length;
                if (at >= start) {
                    // inside a stand-in: the token's bytes
                    int k = Math.min(len - n, start + token.length - at);
                    System.arraycopy(token, at - start, into, off + n, k);
                    n += k;
                    at += k;
                    if (at == start + token.length) {
                        next++;
                    }
                } else {
                    int k = Math.min(len - n, start - at);
                    System.arraycopy(body, at, into, off + n, k);
                    n += k;
                    at += k;
                }
            }
            return n;
        }

        @Override
        public int available() {
            return body.length - at;
        }
    }
}
