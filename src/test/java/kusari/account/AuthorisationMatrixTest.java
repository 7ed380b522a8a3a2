package kusari.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.security.Roles;
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
import kusari.db.Database;
import kusari.Kusari;
import kusari.core.Ui;
import kusari.web.Access;
import kusari.web.Route;
import kusari.web.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every declared route × every role (and anonymous) → allowed or refused, against the real server. The routes
 * come from the app's route table ({@link Server#routes}), each with the {@link Access} it is declared with, so a
 * route added tomorrow is in this test tomorrow; and whatever Javalin has registered must be exactly that table.
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
    static boolean expected(Access need, String role) {
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

    static List<Route> routes() {
        return Server.routes(app).routes();
    }

    @Test
    void whatJavalinRegisteredIsTheRouteTableEachRouteWithItsAccess() {
        List<Route> routes = routes();
        assertTrue(routes.size() > 60, "the route table was read: " + routes.size());
        Set<HandlerType> http = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);
        List<String> registered = app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(p -> http.contains(p.endpoint.method))
                .map(p -> p.endpoint.method + " " + p.endpoint.path + " " + p.endpoint.metadata(Roles.class))
                .sorted().toList();
        List<String> declared = routes.stream()
                .map(r -> r.method() + " " + r.path().template() + " " + new Roles(Set.of(r.access())))
                .sorted().toList();
        assertEquals(declared, registered, "every registered route is a declared one, with its Access as its one role");
    }

    @Test
    void theRouteTableSaysWhatThePolicySays() {
        // A few needs pinned by hand, so that the declarations cannot drift unnoticed.
        assertEquals(Access.SITE_ADMIN, need(HandlerType.POST, "/import"));
        assertEquals(Access.SITE_ADMIN, need(HandlerType.POST, "/workspaces/new"));
        assertEquals(Access.EDIT_BY_KIND, need(HandlerType.POST, "/w/{ws}/edit/{kind}/{id}"));
        assertEquals(Access.EDIT_OWN, need(HandlerType.PATCH, "/api/v1/workspaces/{ws}/actions/{key}"));
        assertEquals(Access.EDIT_OWN, need(HandlerType.POST, "/api/v1/workspaces/{ws}/actuals"));
        assertEquals(Access.EDIT, need(HandlerType.PATCH, "/api/v1/workspaces/{ws}/steps/{key}"));
        assertEquals(Access.EDIT, need(HandlerType.POST, "/api/v1/workspaces/{ws}/chain-check/dismissals"));
        assertEquals(Access.WS_ADMIN, need(HandlerType.DELETE, "/api/v1/workspaces/{ws}"));
        assertEquals(Access.WS_ADMIN, need(HandlerType.POST, "/w/{ws}/chain-check/settings"));
        assertEquals(Access.READ, need(HandlerType.GET, "/w/{ws}/journeys/{slug}"));
        assertEquals(Access.EDIT_OWN, need(HandlerType.GET, "/w/{ws}/journeys/{slug}/edit"));
        assertEquals(Access.ANYONE, need(HandlerType.GET, "/login"));
        assertEquals(Access.ANY_ADMIN, need(HandlerType.GET, "/admin/changes"));
        // the form routes of every kind, resolved per {kind}
        assertEquals(Access.EDIT_OWN, Access.EDIT_BY_KIND.resolve("/w/{ws}/edit/{kind}/{id}", Map.of("kind", "actions")));
        assertEquals(Access.EDIT, Access.EDIT_BY_KIND.resolve("/w/{ws}/edit/{kind}/{id}", Map.of("kind", "workspaces")));
        assertEquals(Access.WS_ADMIN, Access.EDIT_BY_KIND.resolve("/w/{ws}/edit/{kind}/{id}/delete",
                Map.of("kind", "workspaces")));
    }

    private static Access need(HandlerType method, String template) {
        return routes().stream().filter(r -> r.method().equals(method) && r.path().template().equals(template))
                .map(Route::access).findFirst().orElseThrow(() -> new AssertionError("no route " + method + " " + template));
    }

    /** Concrete requests for a route: harmless values (unknown ids, no body) so that allowed requests change nothing. */
    static List<String[]> requests(Route route) {
        List<String[]> out = new ArrayList<>();
        String template = route.path().template();
        List<String> kinds = template.contains("{kind}") ? List.of("personas", "actions", "workspaces") : List.of("");
        for (String kind : kinds) {
            String path = template.replace("{ws}", "omitama").replace("{kind}", kind)
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
        // Reads first: an allowed write may change what later requests see (a workspace's access settings posted
        // empty make it private). Signing out ends the session the later requests use: last.
        List<Route> ordered = new ArrayList<>(routes());
        ordered.sort(java.util.Comparator.comparing((Route r) -> r.path().template().equals("/logout"))
                .thenComparing(r -> r.method() != HandlerType.GET));
        for (Route route : ordered) {
            for (String[] request : requests(route)) {
                Access need = route.access().resolve(route.path().template(), Map.of("kind", request[0]));
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
