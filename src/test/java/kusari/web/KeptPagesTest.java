package kusari.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import kusari.FreshAppTest;
import kusari.TestApp;
import kusari.db.Database;
import kusari.db.Sql;
import org.junit.jupiter.api.Test;

/**
 * Kept pages are shown again only while nothing changed: an edit through Kusari, or a change another process commits
 * to the same database file, shows on the very next view; each browser's forms carry its own CSRF token; a signed-in
 * person and a visitor are never shown each other's page.
 */
class KeptPagesTest extends FreshAppTest {

    private static final String MAP = "/w/omitama/journeys/b";
    private static final String ALICE = "kusari_csrf=AliceAliceAliceAliceAliceAlice01";
    private static final String BOB = "kusari_csrf=BobBobBobBobBobBobBobBobBobBob02";

    private final HttpClient http = HttpClient.newHttpClient();

    private String page(String path, String cookie) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), path);
        return answer.body();
    }

    private static String title(Database db) {
        return db.read(c -> Sql.queryOne(c, "SELECT s.title FROM step s JOIN journey j ON j.id = s.journey_id "
                + "JOIN workspace w ON w.id = j.workspace_id WHERE w.slug = 'omitama' AND j.slug = 'b' "
                + "ORDER BY s.position LIMIT 1", rs -> rs.getString(1))).orElseThrow();
    }

    @Test
    void eachBrowserGetsItsOwnTokenInAKeptPage() throws Exception {
        String alice = page(MAP, ALICE);
        String bob = page(MAP, BOB);
        String aliceAgain = page(MAP, ALICE);
        assertTrue(alice.contains("AliceAliceAliceAliceAliceAlice01"), "Alice's forms carry her token");
        assertTrue(bob.contains("BobBobBobBobBobBobBobBobBobBob02"), "Bob's carry his");
        assertFalse(bob.contains("AliceAlice"), "never another browser's token");
        assertFalse(alice.contains(PageCache.STAND_IN) || bob.contains(PageCache.STAND_IN), "never the stand-in");
        assertEquals(alice, aliceAgain, "the page shown again is the page");
        assertEquals(alice.replace("AliceAliceAliceAliceAliceAlice01", "BobBobBobBobBobBobBobBobBobBob02"),
                bob, "the same page apart from the token");
    }

    @Test
    void anEditShowsOnTheNextView() throws Exception {
        String before = page(MAP, ALICE);
        assertTrue(before.contains(title(db)));
        var step = api.get("/api/v1/workspaces/omitama/steps/" + stepId(db)).body();
        assertEquals(200, api.patch("/api/v1/workspaces/omitama/steps/" + stepId(db), "{\"version\": "
                + step.get("version").asLong() + ", \"title\": \"駅前で迷った\"}").status());
        assertTrue(page(MAP, ALICE).contains("駅前で迷った"), "the edit shows at once");
    }

    @Test
    void aChangeFromAnotherProcessShowsOnTheNextView() throws Exception {
        for (int i = 0; i < 3; i++) {
            page(MAP, ALICE);  // kept, and each of the server's read connections has looked once
        }
        // A second Database on the same file: its connections are not the server's, like a command-line tool's.
        try (Database other = Database.open(db.file())) {
            other.inTransaction(c -> Sql.update(c, "UPDATE step SET title = 'ほかの道具で直した' WHERE id = ?",
                    stepId(db)));
        }
        assertTrue(page(MAP, ALICE).contains("ほかの道具で直した"), "the change shows at once");
    }

    @Test
    void aSignedInPersonAndAVisitorAreShownTheirOwnPages() throws Exception {
        String session = TestApp.adminCookie(db);
        String visitor = page(MAP, ALICE);
        String admin = page(MAP, ALICE + "; " + session);
        String visitorAgain = page(MAP, ALICE);
        assertTrue(admin.contains("test-admin"), "the header names who is signed in");
        assertFalse(visitor.contains("test-admin"), "a visitor is not shown the signed-in page");
        assertFalse(visitorAgain.contains("test-admin"));
    }

    @Test
    void readingPagesMakesNoSessionForAVisitor() throws Exception {
        long actor = db.read(c -> Sql.queryOne(c, "SELECT a.id FROM actor a JOIN workspace w ON w.id = a.workspace_id "
                + "WHERE w.slug = 'omitama' ORDER BY a.id LIMIT 1", rs -> rs.getLong(1))).orElseThrow();
        for (String path : new String[] {MAP, "/w/omitama/actors", "/w/omitama/actors/" + actor, "/w/omitama",
                "/w/omitama/chain-check", "/w/omitama/challenges/2"}) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port()
                    + path)).header("Cookie", ALICE).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), path);
            // a session is a cookie and server memory per visitor: reading must not make one
            assertFalse(answer.headers().allValues("Set-Cookie").stream().anyMatch(v -> v.startsWith("JSESSIONID")),
                    path + " made a session: " + answer.headers().allValues("Set-Cookie"));
        }
    }

    @Test
    void theChainCheckCountsFollowAChangeFromAnotherProcess() throws Exception {
        String path = "/api/v1/workspaces/omitama/chain-check";
        long before = api.get(path).body().get("counts").path("PROJECT_NO_LEAD").asLong(-1);
        assertTrue(before > 0, "the sample has projects with no lead department: " + before);
        assertEquals(before, api.get(path).body().get("counts").path("PROJECT_NO_LEAD").asLong(-1), "asked again");
        try (Database other = Database.open(db.file())) {
            other.inTransaction(c -> Sql.update(c, "INSERT INTO project_lead_actor (project_id, actor_id, position) "
                    + "SELECT p.id, (SELECT a.id FROM actor a WHERE a.workspace_id = w.id ORDER BY a.id LIMIT 1), 0 "
                    + "FROM project p JOIN workspace w ON w.id = p.workspace_id WHERE w.slug = 'omitama' AND NOT EXISTS "
                    + "(SELECT 1 FROM project_lead_actor l WHERE l.project_id = p.id) ORDER BY p.id LIMIT 1"));
        }
        assertEquals(before - 1, api.get(path).body().get("counts").path("PROJECT_NO_LEAD").asLong(-1),
                "the project given a lead by another process is no longer counted");
    }

    private static long stepId(Database db) {
        return db.read(c -> Sql.queryOne(c, "SELECT s.id FROM step s JOIN journey j ON j.id = s.journey_id "
                + "JOIN workspace w ON w.id = j.workspace_id WHERE w.slug = 'omitama' AND j.slug = 'b' "
                + "ORDER BY s.position LIMIT 1", rs -> rs.getLong(1))).orElseThrow();
    }
}
