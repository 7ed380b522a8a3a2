package kusari.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import kusari.Http;
import kusari.TestApp;
import kusari.bench.SyntheticWorkspace;
import kusari.db.Database;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The indicator table of a workspace with more indicators than a page holds: 200 a page, by group, and it says so. */
class IndicatorTablePagingTest {

    @TempDir
    static Path dir;
    private static Database db;

    @BeforeAll
    static void generate() {
        db = TestApp.synthetic(dir.resolve("indicators.db"), "many", new SyntheticWorkspace.Size(5, 3, 60, 100, 450, 4, 3));
    }

    private static Javalin app() {
        return TestApp.create(db);
    }

    @Test
    void theTableShowsTwoHundredRowsAPageAndSaysWhichPart() {
        JavalinTest.test(app(), (server, client) -> {
            String html = client.get("/w/many/indicators").body().string();
            assertEquals(200, Http.count(html, "<tr data-indicator="));
            assertTrue(html.contains("戦略の450件の指標"), "the lead counts the whole table");
            assertTrue(html.contains("指標が 450 件あるため、200 件ずつ表示しています。いまは 1〜200 件目です（全 3 ページ中 1 ページ目）"),
                    html);
            assertTrue(html.contains("data-testid=\"indicator-groups\""), "the groups to choose from");
            String last = client.get("/w/many/indicators?page=3").body().string();
            assertEquals(50, Http.count(last, "<tr data-indicator="));
            var beyond = client.get("/w/many/indicators?page=4");
            assertEquals(400, beyond.code());
            assertTrue(beyond.body().string().contains("page=4 のページはありません（全 3 ページ）"));
            assertEquals(400, client.get("/w/many/indicators?page=-1").code());
        });
    }

    @Test
    void oneGroupCanBeChosenAndAnUnknownOneIsRefused() {
        JavalinTest.test(app(), (server, client) -> {
            String html = client.get("/w/many/indicators?group=1").body().string();
            int rows = Http.count(html, "<tr data-indicator=");
            assertTrue(rows > 0 && rows < 450, "only the first policy field's indicators: " + rows);
            assertTrue(html.contains("「分野1」の指標 " + rows + " 件を表示しています。"), html);
            String challenges = client.get("/w/many/indicators?group=challenges").body().string();
            assertTrue(challenges.contains("「課題の行動指標」の指標"));
            var unknown = client.get("/w/many/indicators?group=nothing");
            assertEquals(400, unknown.code());
            assertTrue(unknown.body().string().contains("指標のグループ「nothing」はありません"));
        });
    }

    @Test
    void theExportHoldsEveryIndicator() {
        JavalinTest.test(app(), (server, client) -> {
            String csv = client.get("/w/many/indicators.csv").body().string();
            Set<String> ids = new HashSet<>();
            // The indicator's id is the second column, after its name.
            for (org.apache.commons.csv.CSVRecord r : org.apache.commons.csv.CSVParser.parse(csv.substring(1),
                    org.apache.commons.csv.CSVFormat.EXCEL).getRecords().stream().skip(1).toList()) {
                ids.add(r.get(1));
            }
            assertEquals(450, ids.size());
        });
    }

    @Test
    void theSampleTableIsOnOnePage() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            assertFalse(client.get("/w/omitama/indicators").body().string().contains("indicator-pager"));
        });
    }
}
