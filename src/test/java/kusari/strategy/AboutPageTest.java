package kusari.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.JavalinTest;
import kusari.Http;
import kusari.TestApp;
import org.junit.jupiter.api.Test;

/** The whole strategy, not only its chain: what the document says around the personas and the framework. */
class AboutPageTest {

    @Test
    void theAboutPageShowsSloganPrinciplesViewpointsNationalGoalsProgressAndSurveys() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            String home = client.get("/w/omitama").body().string();
            assertTrue(home.contains("href=\"/w/omitama/about\""), "the workspace home links to the about page");
            var res = client.get("/w/omitama/about");
            assertEquals(200, res.code());
            String html = res.body().string();
            assertTrue(html.contains("見つける。みがく。光をあてる。"), "slogan");
            String principles = html.substring(html.indexOf("data-testid=\"about-principles\""));
            assertTrue(principles.contains("小美玉市民としての誇り"));
            assertTrue(principles.contains("マーケティングを用いた自治体経営"));
            String viewpoints = html.substring(html.indexOf("data-testid=\"about-viewpoints\""));
            assertTrue(viewpoints.contains("シビックプライド"));
            String goals = html.substring(html.indexOf("data-testid=\"about-goals\""));
            goals = goals.substring(0, goals.indexOf("</table>"));
            // national 基本目標 1 (しごと) is the city's policy field 3, not field 1
            int work = goals.indexOf("地方にしごとをつくり");
            assertTrue(work > 0);
            assertTrue(goals.indexOf("href=\"/w/omitama/framework?node=3#node-3\"", work)
                    < goals.indexOf("地方への新しいひとの流れ"), "national goal 1 → 政策分野3");
            assertTrue(html.contains("年度ごとに進捗・達成状況を確認します"), "進行管理");
            assertTrue(html.contains("実在する8人の方"), "the personas are real, interviewed residents");
            assertEquals(3, Http.count(html, "data-testid=\"about-survey\""));
            assertTrue(html.contains("結婚を希望する") && html.contains("80.7") && html.contains("85.1"));
            assertTrue(html.contains("愛着度"), "the readings of workspace.json are shown");
        });
    }

    @Test
    void aKeptReadingLinkSaysEstimatedAndWhyWithoutExpandingAnything() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            String html = client.get("/w/omitama/challenges/5").body().string();
            String projects = html.substring(html.indexOf("data-testid=\"challenge-projects\""));
            projects = projects.substring(0, projects.indexOf("</ul>"));
            assertFalse(projects.contains("<details"), "the ground of a link is on the page itself");
            assertTrue(projects.contains("推定: 3つの交流エリアの事業はどれも"));
            assertFalse(projects.contains("href=\"/w/omitama/projects/1-01-1\""), "weak link 課題5 → 1-01-1 dropped");
        });
    }

    @Test
    void projectPagesShowNoInferredLeadDepartment() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            String html = client.get("/w/omitama/projects/1-01-1").body().string();
            assertTrue(html.contains("文書はどの事業にも担当課を示していない"));
            assertFalse(html.contains("href=\"/w/omitama/actors/"), "no lead actor is linked as fact");
        });
    }

    @Test
    void aBandThatSkipsStepsIsDrawnAsSeparateSegments() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            String html = client.get("/w/omitama/journeys/h").body().string();
            int row = html.indexOf("課題13</th>");
            assertTrue(row > 0);
            String band = html.substring(row, html.indexOf("</tr>", row));
            // 課題13 covers step 1 and steps 4–7: two segments around a gap over steps 2–3 (課題12's)
            assertEquals(2, Http.count(band, "data-testid=\"challenge-band\""));
            assertTrue(band.contains("<td colspan=\"1\" class=\"band\">"));
            assertTrue(band.contains("<td colspan=\"2\" class=\"band-gap\">"));
            assertTrue(band.contains("<td colspan=\"4\" class=\"band\">"));
        });
    }

    @Test
    void readingsOfFrameworkNodesIndicatorsAndActorsAreShownWhereTheyBelong() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            String framework = client.get("/w/omitama/framework").body().string();
            String measure = framework.substring(framework.indexOf("id=\"node-1-02\""));
            measure = measure.substring(0, measure.indexOf("</section>"));
            assertTrue(measure.contains("どの基本的方向の下か"), "where 1-02 sits, as read");
            assertTrue(framework.contains("平日滞在人口率 (滞在人口/国勢調査人口): 文書では1つの指標"),
                    "the split indicator says so next to its policy field");
            String actors = client.get("/w/omitama/actors").body().string();
            int at = actors.indexOf(">小美玉観光協会<");
            String href = actors.substring(actors.lastIndexOf("href=\"", at) + 6, actors.indexOf('"', actors.lastIndexOf("href=\"", at) + 6));
            String actor = client.get(href).body().string();
            assertTrue(actor.contains("同じ団体と読み、1つの担当（小美玉観光協会）にまとめた"), href);
        });
    }
}
