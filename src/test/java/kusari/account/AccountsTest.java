package kusari.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import kusari.ApiClient;
import kusari.core.AppConfig;
import kusari.TestApp;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.Kusari;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in, throttling, sessions and their expiry, API tokens, department members, cookies behind a proxy. */
class AccountsTest {

    @TempDir
    Path dir;
    Database db;
    Javalin app;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static final String CSRF = ApiClient.CSRF;

    @BeforeEach
    void start() {
        db = TestApp.freshSampleDatabase(dir);
        app = Kusari.create(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false, false, Set.of("127.0.0.1"),
                java.time.Duration.ofMinutes(30)), db).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    HttpResponse<String> send(String method, String path, String cookie, String type, String body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        b.header("Cookie", "kusari_csrf=" + CSRF + (cookie == null ? "" : "; " + cookie));
        if (type != null) {
            b.header("Content-Type", type);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> login(String name, String password, String... headers) throws Exception {
        return send("POST", "/login", null, "application/x-www-form-urlencoded", "_csrf=" + CSRF + "&name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&next=%2Fw%2Fomitama", headers);
    }

    static String sessionCookie(HttpResponse<?> res) {
        String set = res.headers().allValues("Set-Cookie").stream().filter(c -> c.contains("kusari_session="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + res.headers().map()));
        return set.substring(0, set.indexOf(';'));
    }

    HttpResponse<String> patchStep(String cookie, long stepId, String title, String... headers) throws Exception {
        long version = db.read(c -> Sql.queryLong(c, "SELECT version FROM step WHERE id = ?", stepId));
        String[] all = new String[headers.length + 2];
        all[0] = "X-CSRF-Token";
        all[1] = CSRF;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send("PATCH", "/api/v1/workspaces/omitama/steps/" + stepId, cookie, "application/json",
                "{\"version\": " + version + ", \"title\": " + ApiClient.quote(title) + "}", all);
    }

    long firstStep() {
        return db.read(c -> Sql.queryLong(c, "SELECT MIN(id) FROM step"));
    }

    @Test
    void signingInGivesAnHttpOnlySessionThatEditsAndTheHistoryNamesTheAccount() throws Exception {
        TestApp.sessionCookie(db, "hanako", "PLANNER");
        HttpResponse<String> wrong = login("hanako", "not the password at all");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("アカウント名かパスワードが違います。"));
        HttpResponse<String> ok = login("hanako", TestApp.PASSWORD);
        assertEquals(303, ok.statusCode());
        assertEquals("/w/omitama", ok.headers().firstValue("Location").orElse(""));
        String setCookie = ok.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("kusari_session="))
                .findFirst().orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
        assertFalse(setCookie.contains("Secure"), "plain HTTP: not Secure, " + setCookie);
        String cookie = sessionCookie(ok);
        String token = cookie.substring(cookie.indexOf('=') + 1);
        assertEquals(0L, (long) db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM account_session WHERE token_hash = ?", token)),
                "only the token's hash is stored");

        assertEquals(200, patchStep(cookie, firstStep(), "窓口で相談した").statusCode());
        assertEquals("hanako", db.read(c -> Sql.queryOne(c, "SELECT changed_by FROM change_log ORDER BY id DESC LIMIT 1",
                rs -> rs.getString(1))).orElseThrow());
        HttpResponse<String> page = send("GET", "/w/omitama", cookie, null, null);
        assertTrue(page.body().contains("data-testid=\"account-name\">hanako<"), "the header names the account");

        assertEquals(303, send("POST", "/logout", cookie, "application/x-www-form-urlencoded", "_csrf=" + CSRF).statusCode());
        HttpResponse<String> after = patchStep(cookie, firstStep(), "もう一度");
        assertEquals(401, after.statusCode(), "signed out: the old cookie opens nothing");
    }

    @Test
    void failedSignInsAreThrottledPerAccountAndPerAddress() throws Exception {
        TestApp.sessionCookie(db, "taro", "PLANNER");
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT; i++) {
            assertEquals(401, login("taro", "wrong password " + i).statusCode());
        }
        HttpResponse<String> blocked = login("taro", TestApp.PASSWORD);
        assertEquals(429, blocked.statusCode(), "even the right password waits");
        assertTrue(blocked.body().contains("ログインの失敗が続いたため"));

        // Per address: many names guessed from one address (here via the trusted proxy's X-Forwarded-For).
        TestApp.sessionCookie(db, "jiro", "PLANNER");
        for (int i = 0; i < LoginThrottle.PER_ADDRESS; i++) {
            login("nobody" + i, "guess", "X-Forwarded-For", "203.0.113.9");
        }
        assertEquals(429, login("jiro", TestApp.PASSWORD, "X-Forwarded-For", "203.0.113.9").statusCode());
        assertEquals(303, login("jiro", TestApp.PASSWORD, "X-Forwarded-For", "198.51.100.1").statusCode(),
                "another address is not held up");
    }

    @Test
    void aSessionUnusedForLongerThanTheIdleTimeIsOver() throws Exception {
        String cookie = TestApp.sessionCookie(db, "sleepy", "PLANNER");
        assertEquals(200, patchStep(cookie, firstStep(), "まだ起きている").statusCode());
        String stale = Instant.now().minus(31, ChronoUnit.MINUTES).toString();
        db.inTransaction(c -> Sql.update(c, "UPDATE account_session SET last_seen_at = ?", stale));
        String before = db.read(c -> Sql.queryOne(c, "SELECT title FROM step WHERE id = ?", rs -> rs.getString(1), firstStep()))
                .orElseThrow();
        HttpResponse<String> res = patchStep(cookie, firstStep(), "寝ている間に");
        assertEquals(401, res.statusCode());
        assertTrue(res.body().contains("しばらく操作がなかったため"), res.body());
        assertEquals(before, db.read(c -> Sql.queryOne(c, "SELECT title FROM step WHERE id = ?", rs -> rs.getString(1),
                firstStep())).orElseThrow(), "nothing changed");
        HttpResponse<String> form = send("GET", "/w/omitama/edit/steps/" + firstStep(), cookie, null, null);
        assertEquals(303, form.statusCode());
        assertTrue(form.headers().firstValue("Location").orElse("").startsWith("/login?next="));
    }

    @Test
    void apiTokensWorkWithoutCsrfAreStoredHashedAndCanBeRevoked() throws Exception {
        TestApp.sessionCookie(db, "robot", "PLANNER");
        AccountService accounts = new AccountService(db, java.time.Clock.systemUTC(), java.time.Duration.ofMinutes(30));
        Account robot = accounts.find("robot").orElseThrow();
        String token = accounts.createToken(robot.id(), "nightly sync");
        assertTrue(token.startsWith("kst_") && token.length() > 40);
        assertEquals(0L, (long) db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM api_token WHERE token_hash = ? OR label = ?",
                token, token)), "the token itself is nowhere in the database");

        long version = db.read(c -> Sql.queryLong(c, "SELECT version FROM step WHERE id = ?", firstStep()));
        HttpRequest bearer = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                        + "/api/v1/workspaces/omitama/steps/" + firstStep()))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"version\": " + version + ", \"title\": \"連携で更新\"}"))
                .build();
        assertEquals(200, http.send(bearer, HttpResponse.BodyHandlers.ofString()).statusCode(),
                "no cookie, no CSRF header: the token is the proof");
        assertEquals("robot", db.read(c -> Sql.queryOne(c, "SELECT changed_by FROM change_log ORDER BY id DESC LIMIT 1",
                rs -> rs.getString(1))).orElseThrow());

        long id = accounts.tokens(robot.id()).get(0).id();
        assertTrue(accounts.revokeToken(robot.id(), id));
        HttpResponse<String> revoked = http.send(bearer, HttpResponse.BodyHandlers.ofString());
        assertEquals(401, revoked.statusCode());
        assertTrue(revoked.body().contains("\"message\""), revoked.body());

        // A wrong token is refused even with a valid session cookie beside it.
        String cookie = TestApp.sessionCookie(db, "robot", "PLANNER");
        HttpResponse<String> mixed = patchStep(cookie, firstStep(), "混ぜる", "Authorization", "Bearer kst_wrong");
        assertEquals(401, mixed.statusCode());
    }

    @Test
    void aDepartmentMemberChangesOnlyTheirOwnActorsActions() throws Exception {
        String cookie = TestApp.sessionCookie(db, "kikaku", "MEMBER", "企画調整課");
        long own = db.read(c -> Sql.queryLong(c, """
                SELECT MIN(aa.action_id) FROM action_actor aa JOIN actor a ON a.id = aa.actor_id WHERE a.name = '企画調整課'"""));
        long other = db.read(c -> Sql.queryLong(c, """
                SELECT MIN(x.id) FROM action x WHERE NOT EXISTS (SELECT 1 FROM action_actor aa JOIN actor a
                ON a.id = aa.actor_id WHERE aa.action_id = x.id AND a.name = '企画調整課')"""));
        String mine = send("PATCH", "/api/v1/workspaces/omitama/actions/" + own, cookie, "application/json",
                "{\"version\": " + version("action", own) + ", \"text\": \"広報紙で紹介する\"}", "X-CSRF-Token", CSRF).body();
        assertTrue(mine.contains("広報紙で紹介する"), mine);
        String otherText = db.read(c -> Sql.queryOne(c, "SELECT text FROM action WHERE id = ?", rs -> rs.getString(1), other))
                .orElseThrow();
        HttpResponse<String> refused = send("PATCH", "/api/v1/workspaces/omitama/actions/" + other, cookie,
                "application/json", "{\"version\": " + version("action", other) + ", \"text\": \"乗っ取り\"}",
                "X-CSRF-Token", CSRF);
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("あなたが担当する課・団体の取組だけを変更できます"), refused.body());
        assertEquals(otherText, db.read(c -> Sql.queryOne(c, "SELECT text FROM action WHERE id = ?", rs -> rs.getString(1),
                other)).orElseThrow());
        // Nor a step, nor a new actor.
        assertEquals(403, patchStep(cookie, firstStep(), "ステップ").statusCode());
        // Moving their own action onto another department only: the guard looks at the state after the change too.
        long otherActor = db.read(c -> Sql.queryLong(c, "SELECT id FROM actor WHERE name = '商工観光課'"));
        HttpResponse<String> handOver = send("PATCH", "/api/v1/workspaces/omitama/actions/" + own, cookie,
                "application/json", "{\"version\": " + version("action", own) + ", \"actors\": [" + otherActor + "]}",
                "X-CSRF-Token", CSRF);
        assertEquals(403, handOver.statusCode(), handOver.body());
        assertEquals("kikaku", db.read(c -> Sql.queryOne(c, "SELECT changed_by FROM change_log ORDER BY id DESC LIMIT 1",
                rs -> rs.getString(1))).orElseThrow());
    }

    long version(String table, long id) {
        return db.read(c -> Sql.queryLong(c, "SELECT version FROM " + table + " WHERE id = ?", id));
    }

    @Test
    void behindATrustedProxyOverHttpsTheCookieIsSecureWithTheHostPrefix() throws Exception {
        TestApp.sessionCookie(db, "secure", "PLANNER");
        HttpResponse<String> res = login("secure", TestApp.PASSWORD, "X-Forwarded-Proto", "https");
        assertEquals(303, res.statusCode());
        String set = res.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("__Host-kusari_session="))
                .findFirst().orElseThrow(() -> new AssertionError(res.headers().allValues("Set-Cookie").toString()));
        assertTrue(set.contains("Secure") && set.contains("HttpOnly") && set.contains("Path=/"), set);
        assertFalse(set.toLowerCase().contains("domain="), set);
        assertTrue(res.headers().firstValue("Strict-Transport-Security").isPresent());
    }

    @Test
    void anUntrustedClientCannotClaimHttps() throws Exception {
        Javalin plain = Kusari.create(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false), db).start("127.0.0.1", 0);
        try {
            TestApp.sessionCookie(db, "claims", "PLANNER");
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + plain.port() + "/login"))
                    .header("Cookie", "kusari_csrf=" + CSRF).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Forwarded-Proto", "https")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + CSRF + "&name=claims&password="
                            + URLEncoder.encode(TestApp.PASSWORD, StandardCharsets.UTF_8))).build();
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
            List<String> cookies = res.headers().allValues("Set-Cookie");
            assertTrue(cookies.stream().anyMatch(c -> c.startsWith("kusari_session=") && !c.contains("Secure")), cookies.toString());
        } finally {
            plain.stop();
        }
    }

    @Test
    void theSetupLinkCreatesTheFirstAdministratorOnceOnly() throws Exception {
        AccountService accounts = new AccountService(db, java.time.Clock.systemUTC(), java.time.Duration.ofMinutes(30));
        String token = accounts.issueSetupToken().orElseThrow();
        assertEquals(200, send("GET", "/setup/" + token, null, null, null).statusCode());
        String form = "_csrf=" + CSRF + "&name=kanri&password=" + URLEncoder.encode(TestApp.PASSWORD, StandardCharsets.UTF_8)
                + "&password2=" + URLEncoder.encode(TestApp.PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> created = send("POST", "/setup/" + token, null, "application/x-www-form-urlencoded", form);
        assertEquals(303, created.statusCode());
        assertTrue(accounts.find("kanri").orElseThrow().siteAdmin());
        assertNotNull(sessionCookie(created));
        HttpResponse<String> again = send("POST", "/setup/" + token, null, "application/x-www-form-urlencoded",
                form.replace("kanri", "intruder"));
        assertEquals(410, again.statusCode());
        assertTrue(accounts.find("intruder").isEmpty());
        assertTrue(accounts.issueSetupToken().isEmpty(), "with an administrator, no more setup links");
    }

    @Test
    void aNameOverItsLimitIsRefusedWholeNeverCutToAnotherName() throws Exception {
        String long64 = "a".repeat(64);
        TestApp.sessionCookie(db, long64, "PLANNER");
        // a name cut to its first 64 characters would be the account above
        assertEquals(401, login(long64 + "b", TestApp.PASSWORD).statusCode(), "the longer name is nobody's");
        assertEquals(303, login(long64, TestApp.PASSWORD).statusCode());

        AccountService accounts = new AccountService(db, java.time.Clock.systemUTC(), java.time.Duration.ofMinutes(30));
        db.inTransaction(c -> Sql.update(c, "DELETE FROM account"));
        String token = accounts.issueSetupToken().orElseThrow();
        String name = "k".repeat(70);
        HttpResponse<String> refused = send("POST", "/setup/" + token, null, "application/x-www-form-urlencoded",
                "_csrf=" + CSRF + "&name=" + name + "&password=" + URLEncoder.encode(TestApp.PASSWORD,
                        StandardCharsets.UTF_8) + "&password2=" + URLEncoder.encode(TestApp.PASSWORD, StandardCharsets.UTF_8));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("アカウント名は64文字以内"), "the limit is said: " + refused.body());
        assertTrue(refused.body().contains("value=\"" + name + "\""), "what was typed stays whole in the box");
        assertFalse(refused.body().contains("maxlength="), "the browser is told no limit that would cut a paste");
        assertTrue(accounts.find(name).isEmpty() && accounts.find(name.substring(0, 64)).isEmpty(), "nobody was made");
    }

    @Test
    void passwordsAreHashedWithPbkdf2AtOwaspStrength() {
        String hash = Passwords.hash(TestApp.PASSWORD);
        assertTrue(hash.startsWith("pbkdf2-sha256$600000$"), hash);
        assertTrue(Passwords.verify(TestApp.PASSWORD, hash));
        assertFalse(Passwords.verify(TestApp.PASSWORD + " ", hash));
        assertEquals("account.password.tooShort", Passwords.problem("short"));
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        String cookie = TestApp.sessionCookie(db, "big", "PLANNER");
        String huge = "{\"title\": \"" + "あ".repeat(600_000) + "\"}";
        HttpResponse<String> res = send("POST", "/api/v1/workspaces/omitama/personas", cookie, "application/json", huge,
                "X-CSRF-Token", CSRF);
        assertEquals(413, res.statusCode(), res.body());
    }

    @Test
    void anUploadOverTheJsonLimitButUnderTheUploadLimitIsNotCutOff() throws Exception {
        String cookie = TestApp.adminCookie(db);
        String boundary = "----kusari" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + CSRF + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"archive\"; filename=\"big.zip\""
                + "\r\nContent-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(new byte[3_000_000]);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/import"))
                .header("Cookie", "kusari_csrf=" + CSRF + "; " + cookie)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertTrue(res.statusCode() != 413 && res.statusCode() < 500, res.statusCode() + " " + res.body());
    }

    @Test
    void hostileSignInsGetAPlainAnswerAndChangeNothing() throws Exception {
        long accounts = db.read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM account"));
        // Markup in the name comes back as text.
        HttpResponse<String> xss = login("<script>alert(1)</script>", "whatever password");
        assertEquals(401, xss.statusCode());
        String field = xss.body().substring(xss.body().indexOf("id=\"login-name\""));
        field = field.substring(0, field.indexOf('>') + 1);
        assertFalse(xss.body().contains("<script>alert(1)</script>"), field);
        assertTrue(xss.body().contains("value=\"&lt;script>alert(1)&lt;/script>\""), field);
        // SQL metacharacters are just characters.
        assertEquals(401, login("' OR '1'='1' --", "' OR '1'='1").statusCode());
        // No CSRF token, or a forged one: refused before the password is looked at.
        HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=a&password=b")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, noToken.statusCode());
        HttpResponse<String> forged = send("POST", "/login", null, "application/x-www-form-urlencoded",
                "_csrf=forged-token-forged-token&name=a&password=b");
        assertEquals(403, forged.statusCode());
        // A "next" address elsewhere is not followed.
        TestApp.sessionCookie(db, "wanderer", "VIEWER");
        HttpResponse<String> away = send("POST", "/login", null, "application/x-www-form-urlencoded", "_csrf=" + CSRF
                + "&name=wanderer&password=" + URLEncoder.encode(TestApp.PASSWORD, StandardCharsets.UTF_8)
                + "&next=" + URLEncoder.encode("//evil.example/", StandardCharsets.UTF_8));
        assertEquals("/", away.headers().firstValue("Location").orElse(""));
        assertEquals(accounts + 1, (long) db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM account")));
    }

    @Test
    void aDisabledAccountCannotSignInAndItsSessionsAndTokensStop() throws Exception {
        String cookie = TestApp.sessionCookie(db, "leaver", "PLANNER");
        AccountService accounts = new AccountService(db, java.time.Clock.systemUTC(), java.time.Duration.ofMinutes(30));
        Account leaver = accounts.find("leaver").orElseThrow();
        String token = accounts.createToken(leaver.id(), "t");
        String admin = TestApp.adminCookie(db);
        assertEquals(303, send("POST", "/admin/accounts/" + leaver.id() + "/disable", admin,
                "application/x-www-form-urlencoded", "_csrf=" + CSRF).statusCode());
        assertEquals(401, patchStep(cookie, firstStep(), "まだいる").statusCode());
        assertEquals(401, login("leaver", TestApp.PASSWORD).statusCode());
        assertTrue(accounts.tokenAccount(token).isEmpty());
    }

    @Test
    void aWorkspaceThatRequiresASecondFactorOfAdministratorsTreatsOneWithoutItAsAPlanner() throws Exception {
        String cookie = TestApp.sessionCookie(db, "ws-admin", "ADMIN");
        String form = "_csrf=" + CSRF + "&publicRead=1";
        assertEquals(303, send("POST", "/w/omitama/settings/access", cookie, "application/x-www-form-urlencoded",
                form + "&requireTotp=1").statusCode());
        HttpResponse<String> refused = send("POST", "/w/omitama/settings/access", cookie,
                "application/x-www-form-urlencoded", form);
        assertEquals(403, refused.statusCode(), "administration now needs the second factor");
        assertEquals(200, patchStep(cookie, firstStep(), "企画としては編集できる").statusCode());
    }

    @Test
    void aWorkspaceMadeOnceAccountsExistStartsPrivateWhileTheSampleStaysReadable() throws Exception {
        TestApp.adminCookie(db);
        db.inTransaction(c -> {
            List<String> columns = Sql.query(c, "SELECT name FROM pragma_table_info('workspace') WHERE name NOT IN ('id', 'slug')",
                    rs -> rs.getString(1));
            String list = String.join(", ", columns);
            return Sql.update(c, "INSERT INTO workspace (slug, " + list + ") SELECT 'naisho', " + list
                    + " FROM workspace WHERE slug = 'omitama'");
        });
        assertEquals(303, send("GET", "/w/naisho", null, null, null).statusCode(), "to the sign-in page");
        assertEquals(200, send("GET", "/w/omitama", null, null, null).statusCode());
        assertEquals(200, send("GET", "/w/naisho", TestApp.adminCookie(db), null, null).statusCode());
    }

    @Test
    void aWorkspaceAdministratorListsChangesByPersonOfTheirWorkspaceOnly() throws Exception {
        String planner = TestApp.sessionCookie(db, "henshu", "PLANNER");
        assertEquals(200, patchStep(planner, firstStep(), "編集者の変更").statusCode());
        db.inTransaction(c -> kusari.change.Authors.as(kusari.change.Authors.Author.unrestricted("elsewhere"), () -> {
            try {
                return kusari.change.ChangeLog.record(c, new kusari.change.Change(987_654L, "persona", 1L,
                        kusari.change.Operation.UPDATE, "よその変更", null, null));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
        String admin = TestApp.sessionCookie(db, "ws-kanri", "ADMIN");
        HttpResponse<String> mine = send("GET", "/admin/changes?by=henshu", admin, null, null);
        assertEquals(200, mine.statusCode());
        assertTrue(mine.body().contains("編集者の変更"), "their workspace's change by that person");
        HttpResponse<String> all = send("GET", "/admin/changes", admin, null, null);
        assertFalse(all.body().contains("よその変更"), "not another workspace's");
        assertFalse(all.body().contains("elsewhere"), "nor who made changes only there");
        assertTrue(send("GET", "/admin/changes", TestApp.adminCookie(db), null, null).body().contains("よその変更"),
                "the installation administrator sees every workspace");
        assertEquals(403, send("GET", "/admin/changes", planner, null, null).statusCode());
        HttpResponse<String> badDate = send("GET", "/admin/changes?from=yesterday", admin, null, null);
        assertEquals(400, badDate.statusCode());
        assertTrue(badDate.body().contains("2026-04-01 の形で"));
    }
}
