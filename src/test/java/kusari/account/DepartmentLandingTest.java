package kusari.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import io.javalin.Javalin;
import kusari.ApiClient;
import kusari.EditKinds;
import kusari.Kusari;
import kusari.TestApp;
import kusari.actor.ActorKinds;
import kusari.change.EditService;
import kusari.core.AppConfig;
import kusari.db.Database;
import kusari.db.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A department member who signs in lands on its own department's page, without the forms it may not use; the
 * department is made here (not taken from the sample, whose leads may change).
 */
class DepartmentLandingTest {

    @TempDir
    Path dir;
    Database db;
    Javalin app;
    long actorId;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() {
        db = TestApp.freshSampleDatabase(dir);
        long ws = db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM workspace WHERE slug = 'omitama'"));
        var j = JsonNodeFactory.instance;
        actorId = new EditService(db, EditKinds.all()).create(ws, ActorKinds.ACTOR, Map.of("name",
                j.textNode("かささぎ推進課"), "kind", j.textNode("GOVERNMENT")), null).state().get("id").asLong();
        AccountService accounts = new AccountService(db, Clock.systemUTC(), Duration.ofMinutes(30));
        accounts.setRole(accounts.create("kasasagi", TestApp.PASSWORD, false).id(), ws, Role.MEMBER, Set.of(actorId));
        accounts.setRole(accounts.create("kikaku", TestApp.PASSWORD, false).id(), ws, Role.PLANNER, Set.of());
        app = Kusari.create(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false, false, Set.of("127.0.0.1"),
                Duration.ofMinutes(30)), db).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private HttpResponse<String> send(String method, String path, String cookie, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Cookie", "kusari_csrf=" + ApiClient.CSRF + (cookie == null ? "" : "; " + cookie));
        if (body != null) {
            b.header("Content-Type", "application/x-www-form-urlencoded");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> login(String name) throws Exception {
        return send("POST", "/login", null, "_csrf=" + ApiClient.CSRF + "&name=" + name + "&password="
                + URLEncoder.encode(TestApp.PASSWORD, StandardCharsets.UTF_8));
    }

    @Test
    void aMemberLandsOnItsDepartmentWithoutTheRenameForm() throws Exception {
        HttpResponse<String> signedIn = login("kasasagi");
        assertEquals(303, signedIn.statusCode());
        String landing = signedIn.headers().firstValue("Location").orElseThrow();
        assertEquals("/w/omitama/actors/" + actorId, landing);
        String cookie = AccountsTest.sessionCookie(signedIn);
        String page = send("GET", landing, cookie, null).body();
        assertTrue(page.contains("かささぎ推進課"));
        assertFalse(page.contains("rename-form"), "a member may not rename its department: no form for it");
    }

    @Test
    void aPlannerStillLandsWhereItAskedAndSeesTheRenameForm() throws Exception {
        HttpResponse<String> signedIn = login("kikaku");
        assertEquals("/", signedIn.headers().firstValue("Location").orElseThrow());
        String page = send("GET", "/w/omitama/actors/" + actorId, AccountsTest.sessionCookie(signedIn), null).body();
        assertTrue(page.contains("rename-form"));
    }
}
