package kusari;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small helpers for reading rendered HTML in HTTP-level tests. */
public final class Http {

    private Http() {
    }

    /**
     * A GET with a client that keeps no cookies: JavalinTest's client shares a cookie jar across tests, so a
     * test that switches the language with it would leak English into the next test.
     */
    public static java.net.http.HttpResponse<String> rawGet(int port, String path, String... headers) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path));
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return java.net.http.HttpClient.newHttpClient().send(request.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The text of every match of group 1 of {@code regex}, tags stripped and whitespace folded. */
    public static List<String> all(String html, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(text(m.group(1)));
        }
        return found;
    }

    /** How many times {@code needle} occurs. */
    public static int count(String html, String needle) {
        int n = 0;
        for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    /** Visible text of an HTML fragment: tags removed, entities of the five escaped characters decoded. */
    public static String text(String html) {
        return html.replaceAll("<[^>]+>", " ")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&")
                .replaceAll("\\s+", " ").strip();
    }

    /** A body of text around raw bytes (e.g. invalid UTF-8 inside a JSON string). */
    public static byte[] concat(String before, byte[] raw, String after) {
        byte[] x = before.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] z = after.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] out = new byte[x.length + raw.length + z.length];
        System.arraycopy(x, 0, out, 0, x.length);
        System.arraycopy(raw, 0, out, x.length, raw.length);
        System.arraycopy(z, 0, out, x.length + raw.length, z.length);
        return out;
    }

    /**
     * The text of an .xlsx file's sheets and shared strings, with the XML character references fastexcel writes for
     * non-ASCII characters (&#x8a2a;) turned back into characters.
     */
    public static String xlsxText(byte[] workbook) {
        StringBuilder xml = new StringBuilder();
        try {
            // from a file: fastexcel's entries carry their sizes after the data, which ZipInputStream cannot read
            java.nio.file.Path file = java.nio.file.Files.createTempFile("kusari-export", ".xlsx");
            java.nio.file.Files.write(file, workbook);
            try (var zip = new java.util.zip.ZipFile(file.toFile())) {
                for (var e : java.util.Collections.list(zip.entries())) {
                    if (e.getName().startsWith("xl/")) {
                        xml.append(new String(zip.getInputStream(e).readAllBytes(),
                                java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            } finally {
                java.nio.file.Files.delete(file);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Pattern.compile("&#x([0-9a-fA-F]+);").matcher(xml)
                .replaceAll(m -> new String(Character.toChars(Integer.parseInt(m.group(1), 16))));
    }

    /**
     * Posts {@code file} as the form field {@code file} of a multipart form with the CSRF field, as a browser's
     * upload does, signed in with {@code cookie}; redirects are not followed.
     */
    public static java.net.http.HttpResponse<String> upload(int port, String path, String cookie, byte[] file) {
        String boundary = "----kusari" + System.nanoTime();
        byte[] body = concat("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                + ApiClient.CSRF + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"actuals.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n", file, "\r\n--" + boundary + "--\r\n");
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + port + path))
                    .header("Cookie", "kusari_csrf=" + ApiClient.CSRF + "; " + cookie)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
