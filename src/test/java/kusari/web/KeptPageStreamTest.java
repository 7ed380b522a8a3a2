package kusari.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A kept page read with a browser's token in place gives the same bytes as the page with the token written in. */
class KeptPageStreamTest {

    private static final byte[] TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz012345".getBytes(StandardCharsets.US_ASCII);

    private static byte[] page(int... tokenAt) {
        byte[] body = new byte[5000];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('a' + i % 23);
        }
        for (int at : tokenAt) {
            System.arraycopy(PageCache.STAND_IN.getBytes(StandardCharsets.US_ASCII), 0, body, at, TOKEN.length);
        }
        return body;
    }

    private static byte[] expected(byte[] body, int... tokenAt) {
        byte[] out = body.clone();
        for (int at : tokenAt) {
            System.arraycopy(TOKEN, 0, out, at, TOKEN.length);
        }
        return out;
    }

    private static byte[] readAll(PageCache.WithToken in, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[chunk];
        for (int n; (n = in.read(buffer, 0, chunk)) >= 0; ) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    @Test
    void everyWayOfReadingGivesThePageWithTheTokenInEachPlace() throws IOException {
        int[][] places = {{}, {0}, {4968}, {100, 132, 2000}, {0, 32, 64, 4968}};
        for (int[] at : places) {
            byte[] body = page(at);
            byte[] want = expected(body, at);
            for (int chunk : new int[] {1, 7, 31, 32, 33, 1000, 32768}) {
                PageCache.WithToken in = new PageCache.WithToken(body, at, TOKEN);
                assertEquals(body.length, in.available());
                assertArrayEquals(want, readAll(in, chunk), "chunks of " + chunk + ", tokens at " + at.length);
            }
            PageCache.WithToken single = new PageCache.WithToken(body, at, TOKEN);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int b; (b = single.read()) >= 0; ) {
                out.write(b);
            }
            assertArrayEquals(want, out.toByteArray(), "one byte at a time");
            assertArrayEquals(page(at), body, "the kept page itself still holds the stand-ins");
        }
    }
}
