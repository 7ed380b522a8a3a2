package kusari.persona;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.JavalinTest;
import java.util.List;
import kusari.Http;
import kusari.SampleFiles;
import kusari.TestApp;
import kusari.files.WorkspaceFiles.StepEntry;
import org.junit.jupiter.api.Test;

class PersonaPagesTest {

    @Test
    void thePersonaListShowsAllEightPersonas() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            String html = client.get("/w/omitama/personas").body().string();
            assertEquals(8, Http.count(html, "data-testid=\"persona-card\""));
        });
    }

    @Test
    void bsanPageShowsHerProfileAndHerSevenStepsInTheDocumentsOrder() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            var res = client.get("/w/omitama/personas/b");
            assertEquals(200, res.code());
            String html = res.body().string();
            assertTrue(html.contains("子育てから一瞬でも解放されたい"), "tagline");
            assertTrue(html.contains("30歳女性"), "attribute list");
            assertTrue(html.contains("子育てアプリ知らない"), "attribute list");
            assertTrue(html.contains("政策分野1"), "policy field");

            List<String> steps = Http.all(html, "<span class=\"step-title\"[^>]*>(.*?)</span>");
            assertEquals(7, steps.size());
            assertEquals(SampleFiles.journey("b").steps().stream().map(StepEntry::title).toList(), steps);
            assertTrue(steps.get(0).contains("母子手帳"), steps.get(0));
            assertTrue(steps.get(6).contains("子育て広場"), steps.get(6));

            assertEquals(7, Http.count(html, "<circle class=\"point"), "one curve point per step");
            assertTrue(html.contains("data-actor=\"健康増進課\""), "健康増進課 has a lane");
            assertTrue(html.contains("訪問時に一言添える"));
            assertTrue(html.contains("href=\"/w/omitama/challenges/2\""), "課題2 band links to its page");
            assertTrue(html.contains("href=\"/w/omitama/challenges/3\""), "課題3 band links to its page");
        });
    }

    @Test
    void aPersonaWithAStoryShowsIt() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            String html = client.get("/w/omitama/personas/a").body().string();
            assertTrue(html.contains("Aさんストーリー"));
            assertTrue(html.contains("ローカルフォトスクール"), "A's story is transcribed");
            assertEquals(9, Http.count(html, "data-testid=\"step\""));
        });
    }

    @Test
    void troubledStepsAreMarkedInTextNotOnlyByColour() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            String html = client.get("/w/omitama/personas/b").body().string();
            long troubled = SampleFiles.journey("b").steps().stream().filter(s -> s.emotionScore() < 0).count();
            assertTrue(troubled > 0);
            assertEquals(troubled, Http.count(html, "class=\"mood-marker troubled-marker\">▼ 困った"));
        });
    }

    @Test
    void anUnknownPersonaIsA404() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            var res = client.get("/w/omitama/personas/zz");
            assertEquals(404, res.code());
            assertTrue(res.body().string().contains("ペルソナ「zz」は見つかりません。"));
        });
    }

    @Test
    void theJourneyHasItsOwnPrintablePage() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            var res = client.get("/w/omitama/journeys/b");
            assertEquals(200, res.code());
            String html = res.body().string();
            assertEquals(7, Http.count(html, "data-testid=\"step\""));
            assertTrue(html.contains("media=\"print\""));
            assertEquals(404, client.get("/w/omitama/journeys/nothing").code());
        });
    }
}
