package kusari.actor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
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

/**
 * The indicators on an actor's page: action indicators of its steps' challenges and KPIs of the projects answering
 * them, each with its latest actual against its target. The sample has no actuals yet, so the test records some.
 */
class ActorIndicatorsTest {

    @TempDir
    Path dir;

    private Database db;
    private Javalin app;
    private Browserless browser;
    private long kikaku;

    @BeforeEach
    void start() {
        db = TestApp.freshSampleDatabase(dir);
        // 課題3's action indicator 「広報紙で年1回特集。」 gets numbers: from 0 to 5 features by FY2024, 1 in FY2021, 3 in FY2022.
        db.inTransaction(c -> {
            long indicator = Sql.queryLong(c, "SELECT id FROM indicator WHERE name = ?", "広報紙で年1回特集。");
            Sql.update(c, "UPDATE indicator SET baseline_value = 0, target_value = 5, target_fiscal_year = 2024, unit = '回' WHERE id = ?",
                    indicator);
            Sql.update(c, "INSERT INTO actual (indicator_id, fiscal_year, value) VALUES (?, 2021, 1), (?, 2022, 3)",
                    indicator, indicator);
            // A KPI of 1-03-2, the project answering 課題3, already achieved.
            long project = Sql.queryLong(c, "SELECT id FROM project WHERE code = '1-03-2'");
            long kpi = Sql.insert(c, """
                    INSERT INTO indicator (workspace_id, kind, project_id, position, name, unit, baseline_value, target_value,
                                           target_fiscal_year)
                    SELECT workspace_id, 'KPI', id, 1, 'リフレッシュ事業の参加者数', '人', 100, 150, 2024 FROM project WHERE id = ?""",
                    project);
            Sql.update(c, "INSERT INTO actual (indicator_id, fiscal_year, value) VALUES (?, 2022, 160)", kpi);
            return null;
        });
        app = Kusari.create(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false), db).start("127.0.0.1", 0);
        browser = new Browserless(app.port());
        kikaku = ActorSample.idOf(browser.get("/w/omitama/actors").body(), "企画調整課");
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private static String row(String html, String name) {
        return Http.text(ActorSample.raw(html, "(<tr id=\"ind-\\d+\" data-testid=\"indicator-row\">.*?</tr>)").stream()
                .filter(r -> r.contains(name)).findFirst().orElseThrow(() -> new AssertionError("no row " + name)));
    }

    @Test
    void theLatestActualIsComparedWithTheTarget() {
        String html = browser.get("/w/omitama/actors/" + kikaku).body();
        String feature = row(html, "広報紙で年1回特集。");
        // The straight line from 0 (FY2019) to 5 (FY2024) stands at 3 in FY2022: reached, so on track.
        assertTrue(feature.contains("3回 令和4年度（2022）"), feature);
        assertTrue(feature.contains("5回"), feature);
        assertTrue(feature.contains("順調"), feature);
        String kpi = row(html, "リフレッシュ事業の参加者数");
        assertTrue(kpi.contains("160人") && kpi.contains("達成") && kpi.contains("1-03-2"), kpi);
        assertTrue(Http.text(html).contains("順調・達成 2（実績あり 2）"), "the summary counts both as on track");
    }

    @Test
    void aChosenFiscalYearShowsWhatWasKnownThen() {
        String html = browser.get("/w/omitama/actors/" + kikaku + "?fy=2021").body();
        String feature = row(html, "広報紙で年1回特集。");
        // In FY2021 the line stands at 2, and the actual was 1: behind.
        assertTrue(feature.contains("1回 令和3年度（2021）"), feature);
        assertTrue(feature.contains("遅れ"), feature);
        assertTrue(row(html, "リフレッシュ事業の参加者数").contains("実績なし"));
    }

    @Test
    void theStepsCsvCarriesTheIndicatorsWithTheirStatus() {
        String csv = new String(browser.getBytes("/api/v1/workspaces/omitama/actors/" + kikaku + "/steps.csv").body(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(csv.contains("広報紙で年1回特集。 — 最新の実績 3回 (令和4年度（2022）) / 目標値 5回 [順調]"), csv);
        List<String> lines = csv.lines().toList();
        assertEquals(lines.size(), csv.lines().count());
    }
}
