package kusari.actor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.JavalinTest;
import java.util.List;
import kusari.Http;
import kusari.SampleFiles;
import kusari.TestApp;
import kusari.files.WorkspaceFiles.JourneyFile;
import org.junit.jupiter.api.Test;

class ActorPagesTest {

    @Test
    void theListSeparatesGovernmentAndPartners() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            String html = client.get("/w/omitama/actors").body().string();
            assertEquals(SampleFiles.omitama().actors().actors().size(), Http.count(html, "data-testid=\"actor-row\""));
            assertTrue(html.contains(">健康増進課<"));
            assertTrue(html.contains("kind-partner"), "partners are listed and marked");
        });
    }

    @Test
    void kenkoZoshinKaPageListsEveryActionStepByStepGroupedByJourney() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            String list = client.get("/w/omitama/actors").body().string();
            String href = Http.all(list, "<a href=\"(/w/omitama/actors/\\d+)\">健康増進課</a>").get(0);
            String html = client.get(href).body().string();
            long expected = SampleFiles.omitama().journeys().stream().map(JourneyFile::steps).flatMap(List::stream)
                    .flatMap(s -> s.actions().stream()).filter(a -> a.actors().contains("健康増進課")).count();
            assertTrue(expected >= 3, "the document gives 健康増進課 several actions");
            assertEquals(expected, Http.count(html, "data-testid=\"actor-action\""));
            assertTrue(html.contains("訪問時に一言添える"));
            assertTrue(html.contains("href=\"/w/omitama/personas/b\">Bさん</a>"), "grouped under Bさん's journey");
        });
    }

    @Test
    void anUnknownActorIsA404() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            assertEquals(404, client.get("/w/omitama/actors/99999").code());
            assertEquals(404, client.get("/w/omitama/actors/x").code());
        });
    }
}
