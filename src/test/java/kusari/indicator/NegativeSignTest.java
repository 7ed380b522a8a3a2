package kusari.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kusari.ApiClient;
import kusari.FreshAppTest;
import kusari.Http;
import org.junit.jupiter.api.Test;

/** Numbers with thousands separators and decimals as stored; negatives as −, △ or ▲ as the workspace chooses. */
class NegativeSignTest extends FreshAppTest {

    @Test
    void numbersAreShownWithSeparatorsAndTheChosenSign() {
        assertEquals("358,232", Achievement.formatShown(358232.0));
        assertEquals("1.55", Achievement.formatShown(1.55));
        assertEquals("-1,234.5", Achievement.formatShown(-1234.5));
        assertEquals("△1,234.5", Achievement.formatShown(-1234.5, "WHITE_TRIANGLE"));
        assertEquals("▲500", Achievement.formatShown(-500.0, "BLACK_TRIANGLE"));
        assertEquals("500", Achievement.formatShown(500.0, "BLACK_TRIANGLE"));
        assertEquals("", Achievement.formatShown(null, "WHITE_TRIANGLE"));
    }

    @Test
    void aWorkspaceChoosingTrianglesSeesThemOnTheIndicatorTableAndTheInputsTakeThem() {
        var goal = api.post("/api/v1/workspaces/omitama/indicators", """
                {"kind": "GOAL", "node": %d, "name": "社会増減数", "unit": "人", "direction": "INCREASE",
                 "baselineValue": "-500", "targetValue": "-200", "targetFiscalYear": "R6"}""".formatted(
                db.<Long>read(c -> kusari.db.Sql.queryLong(c, "SELECT MIN(id) FROM framework_node WHERE depth = 1"))));
        assertEquals(201, goal.status(), goal.text());
        long id = goal.body().get("id").asLong();
        assertEquals(201, api.post("/api/v1/workspaces/omitama/review-settings",
                "{\"scale\": \"A:100, B:80, C:50, D\", \"negativeSign\": \"WHITE_TRIANGLE\"}").status());
        var saved = api.post("/api/v1/workspaces/omitama/reviews/2020/values",
                "{\"cells\": [{\"indicator\": " + id + ", \"value\": \"△1,350\"}]}");
        assertTrue(saved.status() < 300, saved.text());
        String table = Http.text(api.get("/w/omitama/indicators").text());
        int row = table.indexOf("社会増減数");
        String line = table.substring(row, Math.min(table.length(), row + 200));
        assertTrue(line.contains("△500人"), "the baseline: " + line);
        assertTrue(line.contains("△1,350"), "the value: " + line);
    }
}
