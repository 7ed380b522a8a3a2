package kusari.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.JavalinTest;
import kusari.Http;
import kusari.TestApp;
import org.junit.jupiter.api.Test;

class StrategyPagesTest {

    @Test
    void theFrameworkShowsFieldsDirectionsMeasuresAndProjectsWithGoalIndicators() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            String html = client.get("/w/omitama/framework").body().string();
            assertEquals(4, Http.count(html, "class=\"fw-node depth-1\""));
            assertEquals(16, Http.count(html, "class=\"fw-node depth-3\""));
            assertEquals(36, Http.count(html, "data-testid=\"framework-project\""));
            assertTrue(html.contains("id=\"node-1-03\""));
            assertTrue(html.contains("1-03-4"));
            assertTrue(html.contains("出産子育て情報アプリ利用促進事業"));
            assertTrue(html.contains("人口動態調査"), "baseline source");
            assertTrue(html.contains("RESAS"), "baseline source");
            assertTrue(Http.count(html, "data-testid=\"indicator-table\"") >= 4, "each field has goal indicators");
        });
    }

    @Test
    void projectPageShowsPlaceDescriptionAndTheChallengesAndStepsItServes() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            var res = client.get("/w/omitama/projects/1-03-4");
            assertEquals(200, res.code());
            String html = res.body().string();
            assertTrue(html.contains("出産子育て情報アプリ利用促進事業"));
            assertTrue(html.contains("おみたま子育て"), "description");
            assertTrue(html.contains("href=\"/w/omitama/framework?node=1#node-1\""), "place: policy field");
            assertTrue(html.contains("href=\"/w/omitama/framework?node=1-03#node-1-03\""), "place: measure");
            String serves = html.substring(html.indexOf("data-testid=\"project-serves\""));
            assertTrue(serves.contains("href=\"/w/omitama/challenges/2\""));
            assertTrue(serves.contains(">Bさん<"));
        });
    }

    @Test
    void anUnknownProjectIsA404() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            var res = client.get("/w/omitama/projects/9-99-9");
            assertEquals(404, res.code());
            assertTrue(res.body().string().contains("事業「9-99-9」は見つかりません。"));
        });
    }
}
