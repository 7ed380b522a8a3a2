package kusari.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.nio.file.Path;
import kusari.ApiClient;
import kusari.Http;
import kusari.Kusari;
import kusari.TestApp;
import kusari.core.AppConfig;
import kusari.db.Database;
import kusari.db.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review comments — the panel's (有識者会議), the department's and the next action — per indicator and per
 * project are shown on the indicator table, the review grid and the printable review report of the year, not
 * only in the API and the CSV.
 */
class ReviewCommentsShownTest {

    @TempDir
    Path dir;
    Database db;
    Javalin app;
    ApiClient api;
    long indicator;

    @BeforeEach
    void start() {
        db = TestApp.freshSampleDatabase(dir);
        app = Kusari.create(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false), db).start(0);
        api = ApiClient.signedIn(app.port(), db);
        indicator = db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM indicator WHERE name LIKE '合計特殊出生率%'"));
        long project = db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM project WHERE code = '1-03-4'"));
        assertTrue(api.post("/api/v1/workspaces/omitama/reviews/2020/values",
                "{\"cells\": [{\"indicator\": " + indicator + ", \"value\": \"1.55\"}]}").status() < 300);
        var review = api.post("/api/v1/workspaces/omitama/indicator-reviews", """
                {"indicator": %d, "fiscalYear": 2020, "panelComment": "若い世代への周知を強めること",
                 "departmentComment": "子育てアプリの登録が伸びた", "nextAction": "EXPAND"}""".formatted(indicator));
        assertEquals(201, review.status(), review.text());
        var projectReview = api.post("/api/v1/workspaces/omitama/project-reviews", """
                {"project": %d, "fiscalYear": 2020, "panelComment": "窓口との連携を", "departmentComment": "説明会を2回開催",
                 "nextAction": "CONTINUE"}""".formatted(project));
        assertEquals(201, projectReview.status(), projectReview.text());
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private String text(String path) {
        var answer = api.get(path);
        assertEquals(200, answer.status(), path);
        return Http.text(answer.text());
    }

    @Test
    void theIndicatorTableShowsEachIndicatorsComments() {
        String table = text("/w/omitama/indicators");
        assertTrue(table.contains("若い世代への周知を強めること"), "the panel's comment");
        assertTrue(table.contains("子育てアプリの登録が伸びた"), "the department's comment");
        assertTrue(table.contains("拡充"), "the next action");
    }

    @Test
    void theReviewGridShowsTheCommentsBesideTheRow() {
        String html = api.get("/w/omitama/review/2020").text();
        int row = html.indexOf("data-indicator=\"" + indicator + "\"");
        String line = Http.text(html.substring(row, html.indexOf("</tr>", row)));
        assertTrue(line.contains("若い世代への周知を強めること") && line.contains("子育てアプリの登録が伸びた"), line);
        assertTrue(Http.text(html).contains("説明会を2回開催"), "and the projects' reviews");
    }

    @Test
    void thePrintableReportOfTheYearHasValuesGradesAndComments() {
        String report = text("/w/omitama/review/2020/report");
        assertTrue(report.contains("令和2年度（2020）の効果検証"), report.substring(0, Math.min(400, report.length())));
        assertTrue(report.contains("1.55"), "the year's value");
        assertTrue(report.contains("86.1%"), "achievement");
        assertTrue(report.contains("若い世代への周知を強めること") && report.contains("子育てアプリの登録が伸びた"));
        assertTrue(report.contains("窓口との連携を") && report.contains("説明会を2回開催"), "the projects' reviews");
        assertTrue(api.get("/w/omitama/review/2020").text().contains("/w/omitama/review/2020/report"), "linked from the grid");
        assertEquals(404, api.get("/w/omitama/review/nineteen/report").status());
    }
}
