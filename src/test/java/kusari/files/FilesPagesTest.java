package kusari.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import kusari.core.AppConfig;
import kusari.Http;
import kusari.TestApp;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.Kusari;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export and import over HTTP, as a browser without JavaScript does it. */
class FilesPagesTest {

    @TempDir
    Path tmp;

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (var f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A browser's session: its cookies (CSRF, language) sent back on every request. */
    private static final class Browser {
        private final int port;
        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

        Browser(int port) {
            this.port = port;
        }

        /** Signed in with a session cookie (importing needs an administrator). */
        Browser(int port, String sessionCookie) {
            this(port);
            String[] pair = sessionCookie.split("=", 2);
            java.net.HttpCookie cookie = new java.net.HttpCookie(pair[0], pair[1]);
            cookie.setPath("/");
            cookie.setVersion(0);
            ((java.net.CookieManager) client.cookieHandler().orElseThrow()).getCookieStore()
                    .add(URI.create("http://localhost:" + port + "/"), cookie);
        }

        HttpResponse<byte[]> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }

        String page(String path) throws Exception {
            return new String(get(path).body(), StandardCharsets.UTF_8);
        }

        String csrf() throws Exception {
            String html = page("/import");
            return Http.all(html, "name=\"_csrf\" value=\"([^\"]+)\"").get(0);
        }

        HttpResponse<String> upload(String filename, byte[] content) throws Exception {
            String boundary = "----kusari" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"archive\"; filename=\"" + filename
                    + "\"\r\nContent-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/import"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            StringBuilder body = new StringBuilder("_csrf=" + csrf());
            form.forEach((k, v) -> body.append('&').append(k).append('=')
                    .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    private Javalin app(Database db) {
        return Kusari.create(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false), db);
    }

    @Test
    void theHomePageOffersTheZipAndTheZipHoldsTheShippedFiles() throws Exception {
        Javalin app = TestApp.create().start("127.0.0.1", 0);
        try {
            // Anyone may download; importing is for installation administrators.
            assertTrue(new Browser(app.port()).page("/w/omitama").contains("href=\"/w/omitama/export.zip\""));
            assertTrue(!new Browser(app.port()).page("/w/omitama").contains("href=\"/import\""));
            Browser browser = new Browser(app.port(), TestApp.adminCookie(TestApp.sampleDatabase()));
            String home = browser.page("/w/omitama");
            assertTrue(home.contains("href=\"/w/omitama/export.zip\""), "the home page links the download");
            assertTrue(home.contains("href=\"/import\""));

            for (String path : List.of("/w/omitama/export.zip", "/api/v1/workspaces/omitama/export.zip")) {
                HttpResponse<byte[]> res = browser.get(path);
                assertEquals(200, res.statusCode());
                assertEquals("application/zip", res.headers().firstValue("Content-Type").orElseThrow());
                String disposition = res.headers().firstValue("Content-Disposition").orElseThrow();
                assertTrue(disposition.matches("attachment; filename=\"kusari-omitama-\\d{4}-\\d\\d-\\d\\d\\.zip\""), disposition);
                assertEquals(WorkspaceExporter.fileMap(kusari.SampleFiles.omitama()), unzip(res.body()));
            }
            HttpResponse<byte[]> missing = browser.get("/api/v1/workspaces/nowhere/export.zip");
            assertEquals(404, missing.statusCode());
            String json = new String(missing.body(), StandardCharsets.UTF_8);
            assertTrue(json.contains("\"status\" : 404") && json.contains("ワークスペース「nowhere」は見つかりません。"), json);
        } finally {
            app.stop();
        }
    }

    @Test
    void uploadShowsTheDryRunThenApplyImportsAndTheResultSaysSo() throws Exception {
        Database db = TestApp.freshSampleDatabase(tmp);
        Javalin app = app(db).start("127.0.0.1", 0);
        try {
            Browser browser = new Browser(app.port(), TestApp.adminCookie(db));
            Map<String, String> files = new TreeMap<>(WorkspaceExporter.fileMap(kusari.SampleFiles.omitama()));
            files.remove("personas/omitama/h.json");
            files.remove("journeys/omitama/h.json");
            files.put("journeys/omitama/b.json", files.get("journeys/omitama/b.json")
                    .replace("\"title\": \"妊娠から子育て広場まで\"", "\"title\": \"妊娠から子育て広場まで（改訂）\""));

            HttpResponse<String> uploaded = browser.upload("omitama.zip", zip(files));
            assertEquals(303, uploaded.statusCode(), uploaded.body());
            String report = uploaded.headers().firstValue("Location").orElseThrow();
            assertTrue(report.matches("/import/[A-Za-z0-9_-]{32}"), report);

            String html = browser.page(report);
            assertTrue(html.contains("確認結果です。まだ何も取り込んでいません。"));
            List<String> items = Http.all(html, "<li data-testid=\"import-item\"[^>]*>(.*?)</li>");
            assertTrue(items.contains("削除 Hさん (h)"), items.toString());
            assertTrue(items.contains("変更 b: 妊娠から子育て広場まで（改訂）"), items.toString());
            assertTrue(items.contains("削除 h #1 Uターンを考える"), items.toString());
            assertEquals(List.of("既存のワークスペースの内容をファイルの内容に置き換えます（追加 0・変更 1・削除 9）。"),
                    Http.all(html, "data-testid=\"import-summary\">(.*?)</p>"));
            assertEquals(8L, db.<Long>read(c -> Sql.queryLong(c, "SELECT count(*) FROM persona")), "nothing written yet");
            String fingerprint = Http.all(html, "name=\"fingerprint\" value=\"([0-9a-f]+)\"").get(0);

            HttpResponse<String> applied = browser.post(report + "/apply", Map.of("fingerprint", fingerprint));
            assertEquals(303, applied.statusCode(), applied.body());
            assertEquals(report, applied.headers().firstValue("Location").orElseThrow());
            String done = browser.page(report);
            assertEquals(List.of("取り込みました"), Http.all(done, "<h2>(取り込みました)</h2>"));
            assertEquals(List.of("ダイヤモンドシティ・プロジェクト"), Http.all(done, "<a href=\"/w/omitama\">(.*?)</a>"));
            assertEquals(7L, db.<Long>read(c -> Sql.queryLong(c, "SELECT count(*) FROM persona")));
            assertEquals("妊娠から子育て広場まで（改訂）",
                    db.read(c -> Sql.queryOne(c, "SELECT title FROM journey WHERE slug = 'b'", rs -> rs.getString(1))).orElseThrow());
            assertEquals(1L, db.<Long>read(c -> Sql.queryLong(c, "SELECT count(*) FROM change_log WHERE operation = 'IMPORT'")));

            // Posting the confirmation again (a reload) does not import twice.
            assertEquals(303, browser.post(report + "/apply", Map.of("fingerprint", fingerprint)).statusCode());
            assertEquals(1L, db.<Long>read(c -> Sql.queryLong(c, "SELECT count(*) FROM change_log WHERE operation = 'IMPORT'")));
        } finally {
            app.stop();
        }
    }

    @Test
    void hostileOrBrokenUploadsAreRefusedInWordsAndFilesWithProblemsCannotBeApplied() throws Exception {
        Database db = TestApp.freshSampleDatabase(tmp);
        Javalin app = app(db).start("127.0.0.1", 0);
        try {
            Browser browser = new Browser(app.port(), TestApp.adminCookie(db));
            HttpResponse<String> evil = browser.upload("evil.zip", zip(Map.of("../../etc/cron.d/evil.json", "{}")));
            assertEquals(422, evil.statusCode());
            assertEquals(List.of("「../../etc/cron.d/evil.json」は展開先の外を指すか、使えない文字を含む名前です（../ や絶対パスは使えません）。 取り込みを中止しました。何も書き込んでいません。"),
                    Http.all(evil.body(), "data-testid=\"import-error\">(.*?)</p>"));

            HttpResponse<String> notZip = browser.upload("notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
            assertEquals(422, notZip.statusCode());
            assertTrue(notZip.body().contains("zipファイルとして読めません"));

            HttpResponse<String> tooLarge = browser.upload("big.zip", new byte[(int) FilesController.MAX_UPLOAD_BYTES + 1000]);
            assertEquals(413, tooLarge.statusCode());
            assertTrue(tooLarge.body().contains("ファイルが大きすぎます（上限 16 MB）"), tooLarge.body());

            Map<String, String> files = new TreeMap<>(WorkspaceExporter.fileMap(kusari.SampleFiles.omitama()));
            files.put("journeys/omitama/b.json", files.get("journeys/omitama/b.json").replace("\"persona\": \"b\"", "\"persona\": \"z\""));
            String report = browser.upload("bad.zip", zip(files)).headers().firstValue("Location").orElseThrow();
            String html = browser.page(report);
            assertEquals(List.of("journeys/omitama/b.json $.persona unknown persona \"z\" (no personas/omitama/z.json)"),
                    Http.all(html, "<tr data-testid=\"import-problem\">(.*?)</tr>"));
            assertFalse(html.contains("data-testid=\"import-apply\""), "no apply button while there are problems");
            HttpResponse<String> forced = browser.post(report + "/apply", Map.of("fingerprint", "x"));
            assertEquals(422, forced.statusCode());
            assertEquals(0L, db.<Long>read(c -> Sql.queryLong(c, "SELECT count(*) FROM change_log")));

            assertEquals(404, browser.get("/import/not-a-token").statusCode());
            assertEquals(404, browser.get("/import/..%2F..%2Fetc").statusCode());
        } finally {
            app.stop();
        }
    }

    @Test
    void aChangeAfterTheReportShowsTheNewReportInsteadOfApplyingAndCancelDiscardsTheUpload() throws Exception {
        Database db = TestApp.freshSampleDatabase(tmp);
        Javalin app = app(db).start("127.0.0.1", 0);
        try {
            Browser browser = new Browser(app.port(), TestApp.adminCookie(db));
            Map<String, String> files = new TreeMap<>(WorkspaceExporter.fileMap(kusari.SampleFiles.omitama()));
            files.remove("personas/omitama/h.json");
            files.remove("journeys/omitama/h.json");
            String report = browser.upload("omitama.zip", zip(files)).headers().firstValue("Location").orElseThrow();
            String seen = Http.all(browser.page(report), "name=\"fingerprint\" value=\"([0-9a-f]+)\"").get(0);

            // Someone else edits a step meanwhile.
            db.inTransaction(c -> Sql.update(c, "UPDATE step SET title = '別の人の編集' WHERE id = (SELECT min(id) FROM step)"));

            HttpResponse<String> stale = browser.post(report + "/apply", Map.of("fingerprint", seen));
            assertEquals(409, stale.statusCode());
            assertTrue(stale.body().contains("data-testid=\"import-stale\""));
            assertTrue(stale.body().contains("確認した後に、ほかの人がデータを変更しました。"));
            String fresh = Http.all(stale.body(), "name=\"fingerprint\" value=\"([0-9a-f]+)\"").get(0);
            assertFalse(fresh.equals(seen), "the new report carries the new state");
            assertTrue(Http.all(stale.body(), "<li data-testid=\"import-item\"[^>]*>(.*?)</li>").stream()
                    .anyMatch(item -> item.startsWith("削除 ") && item.endsWith("#1 別の人の編集")),
                    "the other person's edit now shows as something the import would change back");
            assertEquals(8L, db.<Long>read(c -> Sql.queryLong(c, "SELECT count(*) FROM persona")));

            HttpResponse<String> cancelled = browser.post(report + "/cancel", Map.of());
            assertEquals(303, cancelled.statusCode());
            assertEquals("/import", cancelled.headers().firstValue("Location").orElseThrow());
            assertEquals(404, browser.get(report).statusCode());
            assertTrue(browser.page(report).contains("この取り込みは見つかりません。"));
        } finally {
            app.stop();
        }
    }

    @Test
    void anUploadWithoutTheCsrfTokenIsRefused() throws Exception {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            var res = client.post("/import", "");
            assertEquals(403, res.code());
        });
    }
}
