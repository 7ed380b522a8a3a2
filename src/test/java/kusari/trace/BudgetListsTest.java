package kusari.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kusari.Http;
import kusari.Kusari;
import kusari.TestApp;
import kusari.core.AppConfig;
import kusari.db.Database;
import kusari.db.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The budgets page lists every project besides the roll-ups, never reads "0 projects" for a group whose
 * projects are counted in the shared row, and traces say plainly when no estimate was entered.
 */
class BudgetListsTest {

    @TempDir
    Path dir;

    @Test
    void everyProjectIsListedWithItsYearsAndTotalAndNoGroupReadsZeroWhenItsProjectsAreShared() {
        Database db = TestApp.freshSampleDatabase(dir);
        long projects = db.<Long>read(c -> Sql.queryLong(c,
                "SELECT COUNT(*) FROM project WHERE workspace_id = (SELECT id FROM workspace WHERE slug = 'omitama')"));
        db.inTransaction(c -> {
            long id = Sql.queryLong(c, "SELECT id FROM project WHERE code = '1-01-1'");
            Sql.update(c, "INSERT INTO budget (project_id, fiscal_year, thousand_yen) VALUES (?, 2021, 279072)", id);
            return null;
        });
        JavalinTest.test(Kusari.create(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false), db), (server, client) -> {
            String html = client.get("/w/omitama/budgets").body().string();
            assertEquals(projects, count(html, "data-testid=\"project-budget\""), "every project has its row");
            String list = html.substring(html.indexOf("data-testid=\"project-budgets\""));
            String row = list.substring(list.indexOf("1-01-1"), list.indexOf("</tr>", list.indexOf("1-01-1")));
            assertTrue(Http.text(row).contains("279,072"), Http.text(row));
            assertTrue(Http.text(row).contains("未入力"), "the years without an estimate say so: " + Http.text(row));
            // 課題1's only project with a budget, 1-01-1, also answers 課題5: it is counted in the shared row, and
            // 課題1's row says so instead of a bare count of its own projects.
            Matcher cells = Pattern.compile("data-testid=\"projects-cell\">([^<]*)<").matcher(html);
            int shared = 0;
            while (cells.find()) {
                if (cells.group(1).contains("共有")) {
                    shared++;
                }
            }
            assertTrue(shared > 0, "groups sharing projects say so in their projects cell");
        });
    }

    @Test
    void aGroupWhoseOnlyProjectIsSharedDoesNotReadZero() {
        BudgetRollup r = BudgetRollups.rollup("CHALLENGE", java.util.List.of(2020), java.util.List.of(1L),
                java.util.Map.of(1L, java.util.Map.of(2020, 100L)),
                java.util.List.of(group(10, "1"), group(11, "2")),
                java.util.Map.of(1L, new java.util.LinkedHashSet<>(java.util.List.of(10L, 11L))));
        kusari.core.Ui ui = new kusari.core.Ui(kusari.core.Ui.Lang.JA, "/", "t");
        BudgetPage page = new BudgetPage(ui, null, java.util.List.of(r), java.util.List.of());
        assertEquals("共有の行に1件", page.projectsCell(r.rows().get(0)));
        assertEquals("未入力", page.amountOrMissing(null));
        assertEquals("279,072", page.amountOrMissing(279072L));
    }

    @Test
    void aTraceWithNoEstimatesEnteredSaysSoAndOneWithSomeSaysHowManyAreMissing() {
        Database db = TestApp.freshSampleDatabase(dir);
        JavalinTest.test(Kusari.create(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false), db), (server, client) -> {
            String none = client.get("/w/omitama/trace/challenge/2").body().string();
            assertTrue(none.contains("data-testid=\"no-budget\""), "no estimates: said plainly");
            assertFalse(none.contains("data-testid=\"trace-budget\""), "and no table of zeros");
        });
        db.inTransaction(c -> {
            long id = Sql.queryLong(c, "SELECT id FROM project WHERE code = '1-03-4'");
            Sql.update(c, "INSERT INTO budget (project_id, fiscal_year, thousand_yen) VALUES (?, 2021, 1200)", id);
            return null;
        });
        JavalinTest.test(Kusari.create(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false), db), (server, client) -> {
            String some = client.get("/w/omitama/trace/challenge/2").body().string();
            assertTrue(some.contains("data-testid=\"trace-budget\""));
            long reached = db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM challenge_project cp "
                    + "JOIN challenge ch ON ch.id = cp.challenge_id WHERE ch.number = 2"));
            assertEquals(reached > 1, some.contains("data-testid=\"some-without-budget\""),
                    "the projects without an estimate are counted when some have one");
        });
    }

    private static BudgetRollups.Group group(long id, String code) {
        return new BudgetRollups.Group(id, code, "課題" + code, null);
    }

    private static int count(String html, String needle) {
        int n = 0;
        for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
