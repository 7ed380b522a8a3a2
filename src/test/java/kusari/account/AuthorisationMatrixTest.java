package kusari.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kusari.core.AppConfig;
import kusari.TestApp;
import kusari.account.AccessRules.Need;
import kusari.db.Database;
import kusari.Kusari;
import kusari.core.Ui;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every registered route × every role (and anonymous) → allowed or refused, against the real server. The routes
 * come from Javalin's route table, so a route added tomorrow is in this test tomorrow: without a rule in
 * {@link AccessRules} it fails here (and is refused to everybody in the meantime).
 */
class AuthorisationMatrixTest {

    @TempDir
    static Path dir;
    static Database db;
    static Javalin app;
    static final Map<String, String> COOKIES = new LinkedHashMap<>();
    static final List<String> ROLES = List.of("anonymous", "viewer", "member", "planner", "admin", "site-admin");

    @BeforeAll
    static void start() {
        db = TestApp.freshSampleDatabase(dir);
        app = Kusari.create(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false), db).start("127.0.0.1", 0);
        COOKIES.put("anonymous", null);
        COOKIES.put("viewer", TestApp.sessionCookie(db, "m-viewer", "VIEWER"));
        COOKIES.put("member", TestApp.sessionCookie(db, "m-member", "MEMBER", "企画調整課"));
        COOKIES.put("planner", TestApp.sessionCookie(db, "m-planner", "PLANNER"));
        COOKIES.put("admin", TestApp.sessionCookie(db, "m-admin", "ADMIN"));
        COOKIES.put("site-admin", TestApp.sessionCookie(db, "m-site", null));
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    /** Who may, per need, in the sample workspace (readable without login) — the policy, written out. */
    static boolean expected(Need need, String role) {
        int rank = ROLES.indexOf(role);
        return switch (need) {
            case ANYONE, READ -> true;
            case SIGNED_IN -> rank >= 1;
            case EDIT_OWN -> rank >= 2;
            case EDIT, EDIT_BY_KIND -> rank >= 3;
            case WS_ADMIN, ANY_ADMIN -> rank >= 4;
            case SITE_ADMIN -> rank >= 5;
        };
    }

    record Route(HandlerType method, String template) {
    }

    static List<Route> routes() {
        Set<HandlerType> http = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(p -> new Route(p.endpoint.method, p.endpoint.path))
                .filter(r -> http.contains(r.method()))
                .distinct().toList();
    }

    @Test
    void everyRegisteredRouteHasARule() {
        List<Route> routes = routes();
        assertTrue(routes.size() > 60, "the route table was read: " + routes.size());
        List<String> missing = routes.stream().filter(r -> AccessRules.need(r.method(), r.template()).isEmpty())
                .map(r -> r.method() + " " + r.template()).toList();
        assertEquals(List.of(), missing, "routes without a rule in AccessRules (nobody may use them)");
    }

    @Test
    void theRuleTableSaysWhatThePolicySays() {
        // A few rules pinned by hand, so that the table itself cannot drift unnoticed.
        assertEquals(Need.SITE_ADMIN, need(HandlerType.POST, "/import"));
        assertEquals(Need.SITE_ADMIN, need(HandlerType.POST, "/workspaces/new"));
        assertEquals(Need.EDIT_BY_KIND, need(HandlerType.POST, "/w/{ws}/edit/{kind}/{id}"));
        assertEquals(Need.EDIT_OWN, need(HandlerType.PATCH, "/api/v1/workspaces/{ws}/actions/{key}"));
        assertEquals(Need.EDIT, need(HandlerType.PATCH, "/api/v1/workspaces/{ws}/steps/{key}"));
        assertEquals(Need.EDIT, need(HandlerType.POST, "/api/v1/workspaces/{ws}/chain-check/dismissals"));
        assertEquals(Need.WS_ADMIN, need(HandlerType.DELETE, "/api/v1/workspaces/{ws}"));
        assertEquals(Need.READ, need(HandlerType.GET, "/w/{ws}/journeys/{slug}"));
        assertEquals(Need.EDIT_OWN, need(HandlerType.GET, "/w/{ws}/journeys/{slug}/edit"));
        assertEquals(Need.ANYONE, need(HandlerType.GET, "/login"));
    }

    private static Need need(HandlerType method, String template) {
        return AccessRules.need(method, template).orElseThrow();
    }

    /** Concrete requests for a route: harmless values (unknown ids, no body) so that allowed requests change nothing. */
    static List<String[]> requests(Route route) {
        List<String[]> out = new ArrayList<>();
        List<String> kinds = route.template().contains("{kind}") ? List.of("personas", "actions", "workspaces") : List.of("");
        for (String kind : kinds) {
            String path = route.template().replace("{ws}", "omitama").replace("{kind}", kind)
                    .replace("{slug}", "b").replace("{code}", "1-03-4").replace("{number}", "1")
                    .replace("{link}", "step-challenges").replace("{token}", "not-a-token");
            path = path.replaceAll("\\{[a-z]+\\}", "999999");
            out.add(new String[] {kind, path});
        }
        return out;
    }

    @Test
    void everyRouteTimesEveryRoleIsAllowedOrRefusedAsTheTableSays() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        Ui ja = new Ui(Ui.Lang.JA, "", "");
        List<String> refusals = List.of(ja.t("account.refused.signIn"), ja.t("account.refused.role"),
                ja.t("account.refused.noRule"), ja.t("account.refused.notYourActor"));
        List<String> wrong = new ArrayList<>();
        StringBuilder matrix = new StringBuilder("| route | need | " + String.join(" | ", ROLES) + " |\n|---|---|"
                + "---|".repeat(ROLES.size()) + "\n");
        int checked = 0;
        // Signing out ends the session the later requests use: last.
        List<Route> ordered = new ArrayList<>(routes());
        ordered.sort(java.util.Comparator.comparing(r -> r.template().equals("/logout")));
        for (Route route : ordered) {
            for (String[] request : requests(route)) {
                Need need = AccessRules.byKind(AccessRules.need(route.method(), route.template()).orElseThrow(),
                        route.method(), route.template(), Map.of("kind", request[0]));
                matrix.append("| ").append(route.method()).append(' ').append(request[1]).append(" | ").append(need);
                for (String role : ROLES) {
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                            + request[1] + "?version=x"));
                    String cookie = "kusari_csrf=" + kusari.ApiClient.CSRF
                            + (COOKIES.get(role) == null ? "" : "; " + COOKIES.get(role));
                    b.header("Cookie", cookie).header("X-CSRF-Token", kusari.ApiClient.CSRF);
                    if (route.method() == HandlerType.GET) {
                        b.GET();
                    } else if (request[1].startsWith("/api/")) {
                        b.header("Content-Type", "application/json").method(route.method().name(),
                                HttpRequest.BodyPublishers.ofString("{}"));
                    } else {
                        b.header("Content-Type", "application/x-www-form-urlencoded").method(route.method().name(),
                                HttpRequest.BodyPublishers.ofString("_csrf=" + kusari.ApiClient.CSRF));
                    }
                    HttpResponse<String> res = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    String location = res.headers().firstValue("Location").orElse("");
                    boolean refused = (res.statusCode() == 303 && location.startsWith("/login?next="))
                            || ((res.statusCode() == 401 || res.statusCode() == 403)
                                && refusals.stream().anyMatch(res.body()::contains));
                    boolean allowed = expected(need, role);
                    matrix.append(" | ").append(refused ? "refused" : "allowed (" + res.statusCode() + ")");
                    if (refused == allowed || res.statusCode() >= 500) {
                        wrong.add(route.method() + " " + request[1] + " as " + role + ": expected "
                                + (allowed ? "allowed" : "refused") + ", got " + res.statusCode() + " " + location);
                    }
                    checked++;
                }
                matrix.append(" |\n");
            }
        }
        Files.createDirectories(TestApp.PROJECT_DIR.resolve("target"));
        Files.writeString(TestApp.PROJECT_DIR.resolve("target").resolve("authorisation-matrix.md"), matrix);
        assertTrue(checked > 400, "checked " + checked);
        assertEquals(List.of(), wrong.subList(0, Math.min(30, wrong.size())), wrong.size() + " wrong");
    }

    @Test
    void aPrivateWorkspaceIsHiddenFromAnonymousAndReadByItsViewers() throws Exception {
        long ws = db.read(c -> kusari.db.Sql.queryLong(c, "SELECT id FROM workspace WHERE slug = 'omitama'"));
        new AccountService(db, java.time.Clock.systemUTC(), java.time.Duration.ofMinutes(30)).setAccess(ws, false, false);
        try {
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            var anonymous = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                    + "/w/omitama/personas")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(303, anonymous.statusCode());
            assertEquals("/login?next=%2Fw%2Fomitama%2Fpersonas", anonymous.headers().firstValue("Location").orElse(""));
            var api = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                    + "/api/v1/workspaces/omitama/personas")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, api.statusCode());
            var list = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                    + "/api/v1/workspaces")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("[ ]", list.body().strip(), "the list of workspaces leaves out what one may not read");
            assertTrue(api.body().contains("\"message\""), api.body());
            var viewer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                    + "/w/omitama/personas")).header("Cookie", COOKIES.get("viewer")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, viewer.statusCode());
            assertTrue(viewer.body().contains("Aさん"), "the viewer sees the personas");
        } finally {
            new AccountService(db, java.time.Clock.systemUTC(), java.time.Duration.ofMinutes(30)).setAccess(ws, true, false);
        }
    }
}
