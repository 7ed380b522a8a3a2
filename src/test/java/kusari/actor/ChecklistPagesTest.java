package kusari.actor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.JavalinTest;
import java.time.LocalDate;
import java.time.ZoneId;
import kusari.Http;
import kusari.TestApp;
import org.junit.jupiter.api.Test;

/** The A4 checklist a department prints: the hand-offs around each step, the print date, a box for the sign-off. */
class ChecklistPagesTest {

    @Test
    void eachStepCarriesItsHandOffsAndThePageItsPrintDateAndSignOff() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            long id = ActorSample.idOf(client.get("/w/omitama/actors").body().string(), "健康増進課");
            String html = client.get("/w/omitama/actors/" + id + "/checklist").body().string();
            int steps = Http.count(html, "data-testid=\"checklist-step\"");
            assertTrue(steps >= 3, "健康増進課 acts at several steps");
            assertEquals(steps, Http.count(html, "data-testid=\"checklist-handoff-before\""));
            assertEquals(steps, Http.count(html, "data-testid=\"checklist-handoff-after\""));
            String before = Http.all(html, "data-testid=\"checklist-handoff-before\">(.*?)</span>").get(0);
            assertTrue(before.contains("前"), before);
            String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
            String yesterday = LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(1).toString();
            assertTrue(html.contains("印刷日 " + today) || html.contains("印刷日 " + yesterday), "the print date");
            String signoff = html.substring(html.indexOf("data-testid=\"checklist-signoff\""));
            assertTrue(signoff.contains("確認した人") && signoff.contains("承認した人") && signoff.contains("印・サイン"));
            // rawGet: the test client keeps cookies across tests, and ?lang=en would stay with it
            String english = Http.rawGet(server.port(), "/w/omitama/actors/" + id + "/checklist?lang=en").body();
            assertTrue(english.contains("Printed ") && english.contains("Sign-off") && english.contains("Approved by"));
        });
    }
}
