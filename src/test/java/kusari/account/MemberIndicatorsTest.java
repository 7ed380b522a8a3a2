package kusari.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javalin.Javalin;
import java.nio.file.Path;
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

/**
 * A department member enters the yearly values of the indicators it answers for (KPIs of the projects it leads,
 * action indicators of challenges those projects answer), and no others.
 */
class MemberIndicatorsTest {

    @TempDir
    Path dir;
    Database db;
    Javalin app;
    ApiClient admin;
    ApiClient member;
    long ownKpi;
    long goal;

    @BeforeEach
    void start() {
        db = TestApp.freshSampleDatabase(dir);
        app = Kusari.create(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false), db).start(0);
        admin = ApiClient.signedIn(app.port(), db);
        // The sample names no lead department (the document names none for any project): the test makes one
        // department the lead of the first project, as a city would once it has decided.
        long project = db.<Long>read(c -> Sql.queryLong(c, "SELECT MIN(id) FROM project"));
        long lead = db.<Long>read(c -> Sql.queryLong(c, "SELECT MIN(id) FROM actor WHERE kind = 'GOVERNMENT'"));
        db.inTransaction(c -> Sql.update(c,
                "INSERT INTO project_lead_actor (project_id, actor_id, position) VALUES (?, ?, 1)", project, lead));
        String actor = db.read(c -> Sql.queryOne(c, "SELECT name FROM actor WHERE id = ?",
                rs -> rs.getString(1), lead)).orElseThrow();
        var kpi = admin.post("/api/v1/workspaces/omitama/indicators",
                "{\"kind\": \"KPI\", \"project\": " + project + ", \"name\": \"相談件数\", \"unit\": \"件\"}");
        assertEquals(201, kpi.status(), kpi.text());
        ownKpi = kpi.body().get("id").asLong();
        goal = db.<Long>read(c -> Sql.queryLong(c, "SELECT MIN(id) FROM indicator WHERE kind = 'GOAL'"));
        member = new ApiClient(app.port(), TestApp.sessionCookie(db, "dept-member", "MEMBER", actor));
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void aMemberEntersTheValueOfAKpiOfItsOwnProject() {
        var answer = member.post("/api/v1/workspaces/omitama/actuals",
                "{\"indicator\": " + ownKpi + ", \"fiscalYear\": \"R3\", \"value\": 42}");
        assertEquals(201, answer.status(), answer.text());
        assertEquals(42.0, db.<Double>read(c -> Sql.queryOne(c, "SELECT value FROM actual WHERE indicator_id = ?",
                rs -> rs.getDouble(1), ownKpi).orElseThrow()));
        assertEquals("dept-member", db.read(c -> Sql.queryOne(c,
                "SELECT changed_by FROM change_log WHERE entity = 'actual' ORDER BY id DESC LIMIT 1",
                rs -> rs.getString(1))).orElseThrow());
    }

    @Test
    void aMemberCannotEnterTheValueOfAGoalIndicatorAndNothingIsWritten() {
        var answer = member.post("/api/v1/workspaces/omitama/actuals",
                "{\"indicator\": " + goal + ", \"fiscalYear\": \"R3\", \"value\": 1}");
        assertEquals(403, answer.status(), answer.text());
        assertEquals(0L, db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM actual WHERE indicator_id = ?", goal)));
    }

    @Test
    void aMemberCannotChangeTheIndicatorItself() {
        var answer = member.patch("/api/v1/workspaces/omitama/indicators/" + ownKpi, "{\"version\": 1, \"name\": \"x\"}");
        assertEquals(403, answer.status(), answer.text());
    }
}
