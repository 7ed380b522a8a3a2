package kusari.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Answers a read of one thing a client may change: the body carries its {@code version}, and the ETag is
 * {@code "<version>.<checksum of the body>"} — the version so that {@code If-Match} can stand for the
 * {@code version} of a PATCH, the checksum so that a conditional GET still notices changes to what the document
 * also shows (steps, links) without the thing's own version moving.
 */
public final class Versioned {

    private Versioned() {
    }

    public static void json(Context ctx, long version, Object body) {
        String json = ctx.jsonMapper().toJsonString(body, body.getClass());
        CRC32 crc = new CRC32();
        crc.update(json.getBytes(StandardCharsets.UTF_8));
        ctx.header("ETag", "\"" + version + "." + Long.toHexString(crc.getValue()) + "\"");
        ctx.contentType("application/json").result(json);
    }

    /** The version an {@code If-Match} value names ({@code "7.1a2b"}, {@code W/"7"} or {@code 7}), or null. */
    public static Long fromIfMatch(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        int dot = tag.indexOf('.');
        if (dot >= 0) {
            tag = tag.substring(0, dot);
        }
        return tag.matches("\\d{1,18}") ? Long.valueOf(tag) : -1L;
    }
}
