package kusari.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * Gives every page answered from memory an ETag, so a page asked for again unchanged (the back button, a reload, a
 * projector refreshing) answers 304 without its body; Javalin compares the tag with If-None-Match when it writes the
 * answer. Javalin's own tags read the body one byte at a time through a checksum stream, which took more than half of
 * a journey map's time; here the whole body goes through two checksums the processor computes in hardware (CRC-32
 * and CRC-32C, 64 bits together) plus its length, a few microseconds for a 30 kB page. Streamed answers (exports)
 * are not held in memory and get no tag.
 */
final class Etags {

    private Etags() {
    }

    static void tag(Context ctx) throws IOException {
        if (ctx.method() != HandlerType.GET || ctx.status() != HttpStatus.OK || ctx.res().getHeader("ETag") != null) {
            return;
        }
        InputStream result = ctx.resultInputStream();
        if (!(result instanceof ByteArrayInputStream memory)) {
            return;
        }
        byte[] body = memory.readAllBytes();
        ctx.result(body);
        ctx.header("ETag", of(body));
    }

    /** The tag of a body: both checksums and the length, in hex; a strong tag (the bytes are the representation). */
    static String of(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        CRC32C crcC = new CRC32C();
        crcC.update(body);
        return "\"" + Long.toHexString(crc.getValue()) + Long.toHexString(crcC.getValue())
                + Integer.toHexString(body.length) + "\"";
    }
}
