package kusari.challenge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.JavalinTest;
import kusari.Http;
import kusari.TestApp;
import org.junit.jupiter.api.Test;

class ChallengePagesTest {

    @Test
    void theListShowsAllThirteenChallenges() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            String html = client.get("/w/omitama/challenges").body().string();
            assertEquals(13, Http.count(html, "data-testid=\"challenge-row\""));
            assertTrue(html.contains("子育てアプリが知られていない"));
            assertTrue(html.contains("土いじりする生活をしたい"));
        });
    }

    @Test
    void challengeTwoShowsEvidenceApproachesIndicatorsStepsAndItsProject() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            var res = client.get("/w/omitama/challenges/2");
            assertEquals(200, res.code());
            String html = res.body().string();
            assertTrue(html.contains("子育てアプリが知られていない"));
            assertTrue(html.contains("456件"), "evidence");
            assertTrue(html.contains("QRコード"), "approach");
            assertTrue(html.contains("子育て広場利用者アンケート"), "action indicator");
            String projects = html.substring(html.indexOf("data-testid=\"challenge-projects\""));
            assertTrue(projects.contains("href=\"/w/omitama/projects/1-03-4\""), "課題2 → 1-03-4");
            assertTrue(projects.contains("出産子育て情報アプリ利用促進事業"));
            String steps = html.substring(html.indexOf("data-testid=\"challenge-steps\""));
            assertTrue(steps.contains(">Bさん<"), "the spanned steps name their persona");
        });
    }

    @Test
    void anUnknownOrMalformedChallengeNumberIsA404() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            assertEquals(404, client.get("/w/omitama/challenges/99").code());
            var res = client.get("/w/omitama/challenges/abc");
            assertEquals(404, res.code());
            assertTrue(res.body().string().contains("課題「abc」は見つかりません。"));
        });
    }
}
