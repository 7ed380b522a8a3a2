package kusari.actor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.JavalinTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kusari.Http;
import kusari.SampleFiles;
import kusari.TestApp;
import kusari.files.WorkspaceFiles.JourneyFile;
import kusari.files.WorkspaceFiles.StepEntry;
import org.junit.jupiter.api.Test;

class ActorPagesTest {

    @Test
    void theListSeparatesGovernmentAndPartners() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            String html = client.get("/w/omitama/actors").body().string();
            assertEquals(SampleFiles.omitama().actors().actors().size(), Http.count(html, "data-testid=\"actor-row\""));
            String government = html.substring(html.indexOf("data-testid=\"actor-group-GOVERNMENT\""),
                    html.indexOf("data-testid=\"actor-group-PARTNER\""));
            String partners = html.substring(html.indexOf("data-testid=\"actor-group-PARTNER\""));
            assertTrue(government.contains(">健康増進課<"));
            assertFalse(government.contains(">市民組織<"));
            assertTrue(partners.contains(">市民組織<"), "partners are listed in their own group");
            assertTrue(partners.contains("行政以外"), "the kind is written, not only coloured");
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
    void kenkoZoshinKaListsExactlyTheBsanStepsWhereTheDocumentNamesItWithItsActions() {
        // The source document's Bさん table: ■ 健康増進課 under ハローベビー教室 (・開催時に一言案内する),
        // 赤ちゃん訪問 (・訪問時に一言添える) and 4ヶ月等の定期検診 (・案内通知にQRコードを印刷する); nowhere else.
        Map<Integer, String> document = new LinkedHashMap<>();
        document.put(2, "開催時に一言案内する");
        document.put(4, "訪問時に一言添える");
        document.put(5, "案内通知にQRコードを印刷する");
        assertEquals(Map.of("b", List.copyOf(document.keySet())), ActorSample.journeysOf("健康増進課"),
                "the data files agree with the document");
        JavalinTest.test(TestApp.create(), (server, client) -> {
            long id = ActorSample.idOf(client.get("/w/omitama/actors").body().string(), "健康増進課");
            String html = client.get("/w/omitama/actors/" + id).body().string();
            assertEquals(List.of("b"), Http.all(html, "data-testid=\"actor-journey\" data-journey=\"([a-z]+)\""));
            List<String> cards = ActorSample.raw(html, "(<article class=\"step-card[^>]*>.*?</article>)");
            assertEquals(3, cards.size());
            List<String> steps = Http.all(html, "data-testid=\"actor-step\" data-step=\"(\\d+)\"");
            assertEquals(List.of("2", "4", "5"), steps);
            List<StepEntry> b = SampleFiles.journey("b").steps();
            int i = 0;
            for (var e : document.entrySet()) {
                String card = cards.get(i++);
                assertTrue(card.contains(b.get(e.getKey() - 1).title()), card);
                assertTrue(card.contains(e.getValue()), "step " + e.getKey() + " shows its action: " + card);
                assertTrue(card.contains("困った"), "the step's emotion is told in words");
                assertTrue(card.contains("市の子育て情報が身近に感じない"), "the pain point is shown");
                assertTrue(card.contains("課題2"), "the challenge it belongs to");
                assertTrue(card.contains("1-03-4"), "the project answering 課題2");
            }
            assertTrue(Http.text(cards.get(0)).contains("ステップ1 妊娠母子手帳: 市民課・総合窓口課・各保健センター"),
                    "hand-off from step 1's actors");
            assertTrue(Http.text(cards.get(2)).contains("ステップ6 友人から子育て広場に誘われる: 企画調整課"),
                    "hand-off to step 6's actor: " + Http.text(cards.get(2)));
            assertTrue(html.contains("data-testid=\"sum-steps\">3<"), "summary counts its three steps");
            assertTrue(html.contains("data-testid=\"sum-journeys\">1<"));
        });
    }

    @Test
    void thePartnerKankoKyokaiListsItsStepsInCsanAndDsanJourneys() {
        // The sample merges Cさん's 「観光協会」 and Dさん's 「小美玉観光協会」 into one partner.
        Map<String, List<Integer>> expected = ActorSample.journeysOf("小美玉観光協会");
        assertEquals(List.of("c", "d"), List.copyOf(expected.keySet()));
        JavalinTest.test(TestApp.create(), (server, client) -> {
            String found = client.get("/w/omitama/actors?q=%E8%A6%B3%E5%85%89%E5%8D%94%E4%BC%9A").body().string();
            assertEquals(1, Http.count(found, "data-testid=\"actor-row\""), "searching 観光協会 finds the one association");
            long id = ActorSample.idOf(found, "小美玉観光協会");
            String html = client.get("/w/omitama/actors/" + id).body().string();
            assertTrue(html.contains("kind-partner"));
            assertEquals(List.of("c", "d"), Http.all(html, "data-testid=\"actor-journey\" data-journey=\"([a-z]+)\""));
            List<String> shown = new ArrayList<>();
            for (String section : ActorSample.raw(html, "(<section class=\"actor-journey\".*?</section>)")) {
                shown.add(Http.all(section, "data-testid=\"actor-step\" data-step=\"(\\d+)\"").toString());
            }
            assertEquals(expected.values().stream().map(l -> l.stream().map(String::valueOf).toList().toString()).toList(),
                    shown);
            assertTrue(html.contains("各店舗がインセンティブを出し合って周遊を促す"));
            assertTrue(html.contains("商工観光課と共同"), "the actions it shares say with whom");
        });
    }

    @Test
    void theMatrixCellKikakuChoseiKaTimesFsanHoldsItsStepCountAndLinksToThoseSteps() {
        List<Integer> fSteps = ActorSample.stepsOf("f", "企画調整課");
        assertEquals(List.of(1, 3, 5), fSteps, "the document's Fさん map names 企画調整課 at steps 1, 3 and 5");
        JavalinTest.test(TestApp.create(), (server, client) -> {
            String html = client.get("/w/omitama/matrix").body().string();
            String row = ActorSample.raw(html, "(<tr data-testid=\"matrix-row\" data-actor=\"企画調整課\">.*?</tr>)").get(0);
            String cell = ActorSample.raw(row, "(<td[^>]*data-persona=\"f\">.*?</td>)").get(0);
            assertEquals(String.valueOf(fSteps.size()), Http.text(cell), "the number is written in the cell");
            assertTrue(cell.contains("heat heat-"), "and coloured by how many");
            String href = Http.all(cell, "href=\"([^\"]+)\"").get(0).replace("&amp;", "&");
            assertTrue(href.contains("persona=f"), href);
            String steps = client.get(href.substring(0, href.indexOf('#'))).body().string();
            assertTrue(steps.contains("data-testid=\"persona-filter\""), "the page says it shows only Fさん's steps");
            assertEquals(List.of("f"), Http.all(steps, "data-testid=\"actor-journey\" data-journey=\"([a-z]+)\""));
            assertEquals(fSteps.stream().map(String::valueOf).toList(),
                    Http.all(steps, "data-testid=\"actor-step\" data-step=\"(\\d+)\""));
            assertTrue(steps.contains("広報紙取材"));
        });
    }

    @Test
    void theMatrixSortsByAPersonaColumnAndFiltersPartners() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            String sorted = client.get("/w/omitama/matrix?sort=persona:c").body().string();
            List<String> actors = Http.all(sorted, "data-testid=\"matrix-row\" data-actor=\"([^\"]+)\"");
            int best = actors.stream().mapToInt(a -> ActorSample.stepsOf("c", a).size()).max().orElseThrow();
            assertEquals(best, ActorSample.stepsOf("c", actors.get(0)).size(), "most Cさん steps first: " + actors);
            for (int i = 1; i < actors.size(); i++) {
                assertTrue(ActorSample.stepsOf("c", actors.get(i - 1)).size() >= ActorSample.stepsOf("c", actors.get(i)).size());
            }
            String partners = client.get("/w/omitama/matrix?kind=PARTNER").body().string();
            long expected = SampleFiles.omitama().actors().actors().stream().filter(a -> a.kind().equals("PARTNER")).count();
            assertEquals(expected, Http.count(partners, "data-testid=\"matrix-row\""));
            assertFalse(partners.contains("data-actor=\"企画調整課\""));
            String field3 = client.get("/w/omitama/matrix?field=3").body().string();
            assertTrue(field3.contains("data-persona=\"f\""));
            assertFalse(field3.contains("data-persona=\"b\""), "only the personas of policy field 3");
        });
    }

    @Test
    void badFiltersAnswerAClearMessageNotAServerError() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            var res = client.get("/w/omitama/matrix?fy=abc");
            assertEquals(400, res.code());
            assertTrue(res.body().string().contains("年度「abc」は読み取れません"));
            assertEquals(400, client.get("/w/omitama/matrix?kind=OTHER").code());
            assertEquals(400, client.get("/w/omitama/matrix?field=99").code());
            var api = client.get("/api/v1/workspaces/omitama/matrix?fy=1");
            assertEquals(400, api.code());
            assertTrue(api.body().string().contains("\"status\" : 400"));
        });
    }

    @Test
    void aJourneyChartHighlightsTroubledStepsWithNobodyActing() {
        List<Integer> expected = new ArrayList<>();
        List<StepEntry> a = SampleFiles.journey("a").steps();
        for (int i = 0; i < a.size(); i++) {
            StepEntry s = a.get(i);
            if (s.emotionScore() < 0 && s.actions().stream().allMatch(x -> x.actors().isEmpty())) {
                expected.add(i + 1);
            }
        }
        assertFalse(expected.isEmpty(), "Aさん's journey has troubled steps where nobody acts");
        JavalinTest.test(TestApp.create(), (server, client) -> {
            String html = client.get("/w/omitama/matrix/journeys/a").body().string();
            List<String> flagged = Http.all(html, "class=\"step-col troubled unowned\" data-testid=\"chart-step\" data-step=\"(\\d+)\"");
            assertEquals(expected.stream().map(String::valueOf).toList(), flagged);
            assertTrue(Http.text(html).contains("困ったステップのうち " + expected.size() + " か所には、取り組む担当がいません。"));
            assertTrue(html.contains("data-actor=\"市民組織\""), "市民組織 acts on Aさん's journey");
        });
    }

    @Test
    void anUnknownActorIsA404() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            assertEquals(404, client.get("/w/omitama/actors/99999").code());
            assertEquals(404, client.get("/w/omitama/actors/x").code());
            assertEquals(404, client.get("/w/omitama/matrix/journeys/zz").code());
            long id = ActorSample.idOf(client.get("/w/omitama/actors").body().string(), "企画調整課");
            assertEquals(404, client.get("/w/omitama/actors/" + id + "?persona=zz").code());
            assertEquals(404, client.get("/api/v1/workspaces/omitama/actors/99999/steps.csv").code());
        });
    }
}
