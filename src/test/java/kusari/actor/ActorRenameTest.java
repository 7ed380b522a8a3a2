package kusari.actor;

import kusari.change.WorkspaceKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import kusari.core.AppConfig;
import kusari.Http;
import kusari.TestApp;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.Kusari;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renaming a department from a fiscal year on: both names stay findable; bad input and stale forms are refused. */
class ActorRenameTest {

    @TempDir
    Path dir;

    private Database db;
    private Javalin app;
    private Browserless browser;
    private long id;

    @BeforeEach
    void start() {
        db = TestApp.freshSampleDatabase(dir);
        app = Kusari.create(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false), db).start("127.0.0.1", 0);
        browser = new Browserless(app.port(), TestApp.adminCookie(db));
        id = ActorSample.idOf(browser.get("/w/omitama/actors").body(), "健康増進課");
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void theSampleNamesTakeEffectFromThePlansFirstYear() throws Exception {
        JsonNode names = new ObjectMapper().readTree(browser.get("/api/v1/workspaces/omitama/actors/" + id).body())
                .get("names");
        assertEquals(1, names.size());
        assertEquals(2020, names.get(0).get("fromFiscalYear").asInt());
        assertEquals("健康増進課", names.get(0).get("name").asText());
    }

    @Test
    void renamingInALaterFiscalYearKeepsBothNamesFindable() {
        String page = browser.get("/w/omitama/actors/" + id).body();
        var res = browser.post("/w/omitama/actors/" + id + "/names", "_csrf", Browserless.hidden(page, "_csrf"),
                "version", Browserless.hidden(page, "version"), "name", "健康づくり推進課", "fromFiscalYear", "2023");
        assertEquals(303, res.statusCode(), res.body());
        String location = res.headers().firstValue("Location").orElseThrow();
        String after = browser.get(location).body();
        assertTrue(after.contains("data-testid=\"flash\""), "the change is confirmed");
        assertTrue(after.contains("data-testid=\"actor-name\">健康づくり推進課<"), "the page shows FY2023's name");
        assertFalse(browser.get(location).body().contains("data-testid=\"flash\""),
                "the confirmation shows once: the page seen again (a kept page) does not repeat it");

        assertTrue(browser.get("/w/omitama/actors/" + id + "?fy=2022").body().contains("data-testid=\"actor-name\">健康増進課<"),
                "FY2022 keeps the old name");
        assertTrue(browser.get("/w/omitama/actors/" + id).body().contains("data-testid=\"actor-name\">健康づくり推進課<"),
                "without a year, the newest name");

        String byOld = browser.get("/w/omitama/actors?q=" + q("健康増進課")).body();
        assertEquals(1, Http.count(byOld, "data-testid=\"actor-row\""));
        assertTrue(byOld.contains(">健康づくり推進課</a>"), "the old name finds the renamed actor");
        assertTrue(Http.all(byOld, "data-testid=\"matched-old-name\">(.*?)</span>").get(0).contains("健康増進課"),
                "and says which name matched");
        String byNew = browser.get("/w/omitama/actors?q=" + q("健康づくり")).body();
        assertEquals(1, Http.count(byNew, "data-testid=\"actor-row\""));
        String inOldYear = browser.get("/w/omitama/actors?q=" + q("健康づくり") + "&fy=2021").body();
        assertTrue(inOldYear.contains(">健康増進課</a>"), "the new name finds the actor, shown with FY2021's name");

        String matrix2021 = browser.get("/w/omitama/matrix?fy=2021").body();
        assertTrue(matrix2021.contains("data-actor=\"健康増進課\""));
        assertTrue(browser.get("/w/omitama/matrix?fy=2024").body().contains("data-actor=\"健康づくり推進課\""));

        long logged = db.<Long>read(c -> Sql.queryLong(c,
                "SELECT count(*) FROM change_log WHERE entity = 'actor' AND entity_id = ? AND operation = 'UPDATE'", id));
        assertEquals(1, logged, "the rename is in the audit history");
        assertEquals(2L, (long) db.<Long>read(c -> Sql.queryLong(c, "SELECT version FROM actor WHERE id = ?", id)));
    }

    @Test
    void anEmptyNameOrABadYearIsShownNextToItsFieldAndNothingIsSaved() {
        String page = browser.get("/w/omitama/actors/" + id).body();
        var res = browser.post("/w/omitama/actors/" + id + "/names", "_csrf", Browserless.hidden(page, "_csrf"),
                "version", Browserless.hidden(page, "version"), "name", "  ", "fromFiscalYear", "令和五年");
        assertEquals(422, res.statusCode());
        assertTrue(res.body().contains("data-testid=\"error-name\">新しい名称を入力してください。<"));
        assertTrue(res.body().contains("data-testid=\"error-fromFiscalYear\">年度は 1989〜2100 の西暦の数字で入力してください"));
        assertTrue(res.body().contains("value=\"令和五年\""), "the entered year is kept");

        var taken = browser.post("/w/omitama/actors/" + id + "/names", "_csrf", Browserless.hidden(page, "_csrf"),
                "version", Browserless.hidden(page, "version"), "name", "企画調整課", "fromFiscalYear", "2023");
        assertEquals(422, taken.statusCode());
        assertTrue(taken.body().contains("「企画調整課」という別の担当"));
        assertEquals(0L, (long) db.<Long>read(c -> Sql.queryLong(c, "SELECT count(*) FROM change_log WHERE entity = 'actor'")));
    }

    @Test
    void aStaleFormIsAConflictAndIsNotSaved() {
        String page = browser.get("/w/omitama/actors/" + id).body();
        String csrf = Browserless.hidden(page, "_csrf");
        assertEquals(303, browser.post("/w/omitama/actors/" + id + "/names", "_csrf", csrf, "version", "1",
                "name", "健康づくり課", "fromFiscalYear", "2022").statusCode());
        var stale = browser.post("/w/omitama/actors/" + id + "/names", "_csrf", csrf, "version", "1",
                "name", "健康推進課", "fromFiscalYear", "2024");
        assertEquals(409, stale.statusCode());
        assertTrue(stale.body().contains("data-testid=\"rename-conflict\""));
        assertFalse(db.read(c -> Sql.query(c, "SELECT name FROM actor_name WHERE actor_id = ?", rs -> rs.getString(1), id))
                .contains("健康推進課"));
    }

    @Test
    void withoutTheCsrfTokenNothingIsSaved() {
        browser.get("/w/omitama/actors/" + id);
        var res = browser.post("/w/omitama/actors/" + id + "/names", "version", "1", "name", "健康づくり課",
                "fromFiscalYear", "2022");
        assertEquals(403, res.statusCode());
        assertEquals(List.of(), storedNames());
        assertEquals(1L, (long) db.<Long>read(c -> Sql.queryLong(c, "SELECT version FROM actor WHERE id = ?", id)));
    }

    @Test
    void theApiRenamesWithTheSameRules() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String page = browser.get("/w/omitama/actors/" + id).body();
        String csrf = Browserless.hidden(page, "_csrf");
        var bad = browser.postJson("/api/v1/workspaces/omitama/actors/" + id + "/names", csrf,
                "{\"name\": \"\", \"fromFiscalYear\": 2023, \"version\": 1}");
        assertEquals(400, bad.statusCode());
        assertEquals("name", json.readTree(bad.body()).get("fields").get(0).get("field").asText());
        var ok = browser.postJson("/api/v1/workspaces/omitama/actors/" + id + "/names", csrf,
                "{\"name\": \"健康づくり課\", \"fromFiscalYear\": 2023, \"version\": 1}");
        assertEquals(201, ok.statusCode(), ok.body());
        var stale = browser.postJson("/api/v1/workspaces/omitama/actors/" + id + "/names", csrf,
                "{\"name\": \"健康課\", \"fromFiscalYear\": 2024, \"version\": 1}");
        assertEquals(409, stale.statusCode());
        JsonNode actor = json.readTree(browser.get("/api/v1/workspaces/omitama/actors/" + id + "?fy=2022").body());
        assertEquals("健康増進課", actor.get("name").asText());
        assertEquals(2, actor.get("names").size());
        JsonNode found = json.readTree(browser.get("/api/v1/workspaces/omitama/actors?q=" + q("健康増進")).body());
        assertEquals(1, found.size());
        assertEquals("健康づくり課", found.get(0).get("name").asText());
        assertEquals("健康増進課", found.get(0).get("matchedOldNames").get(0).get("name").asText());
    }

    private List<String> storedNames() {
        return db.read(c -> Sql.query(c, "SELECT from_fiscal_year || ':' || name FROM actor_name WHERE actor_id = ? "
                + "ORDER BY from_fiscal_year", rs -> rs.getString(1), id));
    }

    @Test
    void editingTheNameDirectlyCorrectsTheNewestNameAndUndoingARenameRemovesIt() {
        String page = browser.get("/w/omitama/actors/" + id).body();
        assertEquals(303, browser.post("/w/omitama/actors/" + id + "/names", "_csrf", Browserless.hidden(page, "_csrf"),
                "version", "1", "name", "健康づくり課", "fromFiscalYear", "2023").statusCode());
        assertEquals(List.of("2020:健康増進課", "2023:健康づくり課"), storedNames());
        db.inTransaction(c -> Sql.update(c, "UPDATE actor SET name = ? WHERE id = ?", "健康づくり推進課", id));
        assertEquals(List.of("2020:健康増進課", "2023:健康づくり推進課"), storedNames(), "an edit corrects the newest name");
        db.inTransaction(c -> Sql.update(c, "UPDATE actor SET name = ? WHERE id = ?", "健康増進課", id));
        assertEquals(List.of("2020:健康増進課"), storedNames(), "going back to the earlier name undoes the rename");
    }

    @Test
    void theGenericHistoryRevertsARenameAndRestoresADeletedActorWithItsNames() {
        var edits = new kusari.change.EditService(db, kusari.EditKinds.all());
        var actorKind = ActorKinds.ACTOR;
        long ws = db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM workspace WHERE slug = 'omitama'"));
        var json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        long created = edits.create(ws, actorKind, java.util.Map.of("name", json.textNode("移住定住課"),
                "kind", json.textNode("GOVERNMENT")), null).state().get("id").asLong();
        var service = new ActorService(db, new ActorRepository(db), new kusari.indicator.IndicatorRepository(db));
        var workspace = new kusari.core.WorkspaceRepository(db).findBySlug("omitama").orElseThrow();
        service.rename(workspace, created, new ActorService.Rename("移住・定住推進課", "2022", "1"));
        service.rename(workspace, created, new ActorService.Rename("定住推進課", "2024", "2"));
        long lastRename = db.<Long>read(c -> Sql.queryLong(c,
                "SELECT MAX(id) FROM change_log WHERE entity = 'actor' AND entity_id = ?", created));
        edits.revert(ws, lastRename);
        assertEquals(List.of("2020:移住定住課", "2022:移住・定住推進課"), db.read(c -> Sql.query(c,
                "SELECT from_fiscal_year || ':' || name FROM actor_name WHERE actor_id = ? ORDER BY 1",
                rs -> rs.getString(1), created)), "reverting the rename takes its entry away");

        long version = db.<Long>read(c -> Sql.queryLong(c, "SELECT version FROM actor WHERE id = ?", created));
        long deleted = edits.delete(ws, actorKind, created, version).changeId();
        assertEquals(0L, (long) db.<Long>read(c -> Sql.queryLong(c, "SELECT count(*) FROM actor_name WHERE actor_id = ?", created)));
        edits.revert(ws, deleted);
        String found = browser.get("/w/omitama/actors?q=" + q("移住定住課")).body();
        assertTrue(found.contains(">移住・定住推進課</a>"), "restored from the trash, found by its first name");
    }

    @Test
    void aCopiedWorkspaceKeepsTheNameHistory() {
        String page = browser.get("/w/omitama/actors/" + id).body();
        assertEquals(303, browser.post("/w/omitama/actors/" + id + "/names", "_csrf", Browserless.hidden(page, "_csrf"),
                "version", "1", "name", "健康づくり課", "fromFiscalYear", "2023").statusCode());
        var edits = new kusari.change.EditService(db, kusari.EditKinds.all());
        var json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        long ws = db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM workspace WHERE slug = 'omitama'"));
        edits.copyWorkspace(kusari.change.WorkspaceKind.WORKSPACE, ws, java.util.Map.of("slug", json.textNode("omitama2"),
                "name", json.textNode("次期戦略")));
        String copy = browser.get("/w/omitama2/actors?q=" + q("健康増進課")).body();
        assertEquals(1, Http.count(copy, "data-testid=\"actor-row\""), "the copy's actor is found by its old name");
        assertTrue(copy.contains(">健康づくり課</a>"));
        assertTrue(browser.get("/w/omitama2/matrix?fy=2022").body().contains("data-actor=\"健康増進課\""));
    }
}
