package kusari.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import kusari.Http;
import kusari.Kusari;
import kusari.TestApp;
import kusari.bench.SyntheticWorkspace;
import kusari.core.AppConfig;
import kusari.db.Database;
import kusari.db.Migrations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A policy field of a large workspace reaches more than a trace can show: the page shows part of it and says so. */
class LargeTraceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTraceThatReachesTooManyStepsShowsTheFirstOnesAndSaysHowManyItLeftOut(@TempDir Path dir) {
        Database db = Database.open(dir.resolve("large.db"));
        Migrations.apply(db);
        SyntheticWorkspace.generate(db, "bench", SyntheticWorkspace.Size.scaled(0.05));
        JavalinTest.test(Kusari.create(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false), db), (server, client) -> {
            var res = client.get("/w/bench/trace/policy-field/1");
            assertEquals(200, res.code());
            String html = res.body().string();
            String text = Http.text(html);
            assertTrue(text.contains("各層は最初の100件だけを示し"), "the page says the trace is cut");
            assertTrue(text.matches("(?s).*示さなかった項目（少なくとも）: [^。]*ステップ [0-9,]+件.*"), "and how many steps it left out");
            String table = html.substring(html.indexOf("data-testid=\"trace-table\""));
            assertTrue(Http.count(table, "<tr data-node=\"step:") <= TraceService.SHOWN_PER_LAYER);

            JsonNode json = JSON.readTree(client.get("/api/v1/workspaces/bench/trace/policy-field/1").body().string());
            assertTrue(json.get("cut").size() > 0, "the JSON names the layers it cut");
            for (JsonNode column : json.get("columns")) {
                assertTrue(column.get("nodes").size() <= TraceService.SHOWN_PER_LAYER);
            }

            // a raw request: the test client would keep the language cookie for the tests that follow
            String english = Http.text(Http.rawGet(server.port(), "/w/bench/trace/policy-field/1?lang=en").body());
            assertTrue(english.contains("each layer shows its first 100"), english);
        });
    }

    @Test
    void theSamplesTracesAreWhole() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            String html = client.get("/w/omitama/trace/policy-field/1").body().string();
            assertFalse(html.contains("data-testid=\"trace-cut\""));
            JsonNode json = JSON.readTree(client.get("/api/v1/workspaces/omitama/trace/policy-field/1").body().string());
            assertEquals(0, json.get("cut").size());
        });
    }
}
