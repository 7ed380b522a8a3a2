package kusari.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kusari.Http;
import kusari.TestApp;
import org.junit.jupiter.api.Test;

/**
 * The sample's chain check page as a planner reads it: the breaks residents feel first, housekeeping collapsed with
 * its counts, each kind's mend said once, small enough to open on a phone, and narrowed by kind, journey and
 * department.
 */
class ChainCheckLayoutTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSamplesPageStaysUnder150KilobytesWithTheBreaksResidentsFeelFirst() {
        // a planner's page, with what it may do on each break, is the larger one
        String cookie = TestApp.adminCookie(TestApp.sampleDatabase());
        JavalinTest.test(TestApp.create(), (server, client) -> {
            String html = client.get("/w/omitama/chain-check", b -> b.header("Cookie", cookie)).body().string();
            assertTrue(html.contains("class=\"dismiss-link"), "signed in as a planner");
            int bytes = html.getBytes(StandardCharsets.UTF_8).length;
            assertTrue(bytes < 150_000, "the page weighs " + bytes + " bytes");

            List<String> groups = Http.all(html, "data-testid=\"break-group\" data-group=\"([A-Z]+)\"");
            assertEquals(List.of("RESIDENTS", "LINKS", "HOUSEKEEPING"), groups);
            // every kind of break a resident feels comes before any other kind, in the check's order
            List<String> kinds = Http.all(html, "data-testid=\"break-kind\" data-kind=\"([A-Z_]+)\"");
            List<String> residents = List.of("TROUBLED_STEP_NO_ACTOR", "TROUBLED_STEP_NO_CHALLENGE", "BROKEN_STRETCH",
                    "HANDOFF_GAP");
            assertEquals(residents, kinds.subList(0, 4), "the sample has breaks of every resident kind, first");
            for (String kind : kinds) {
                int at = html.indexOf("<details class=\"break-kind\" id=\"kind-" + kind + "\"");
                String tag = html.substring(at, html.indexOf('>', at) + 1);
                boolean housekeeping = kind.startsWith("INDICATOR_") || kind.equals("PROJECT_NO_LEAD")
                        || kind.equals("PROJECT_NO_BUDGET");
                assertEquals(!housekeeping, tag.endsWith(" open>"), kind + " open only when it touches the chain: " + tag);
            }
            assertTrue(kinds.containsAll(List.of("PROJECT_NO_LEAD", "PROJECT_NO_BUDGET", "INDICATOR_NO_TARGET")));
        });
    }

    @Test
    void theCountsAreTheApisAndTheMendIsSaidOncePerKind() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            String html = client.get("/w/omitama/chain-check").body().string();
            JsonNode api = JSON.readTree(client.get("/api/v1/workspaces/omitama/chain-check").body().string());
            JsonNode counts = api.get("counts");
            List<String> kinds = Http.all(html, "data-testid=\"break-kind\" data-kind=\"([A-Z_]+)\"");
            assertFalse(kinds.isEmpty());
            long listed = 0;
            for (String kind : kinds) {
                String section = section(html, kind);
                String count = Http.all(section, "data-testid=\"kind-count\">(\\d+)<").get(0);
                assertEquals(counts.get(kind).asText(), count, kind + ": the page's count is the API's");
                long items = Http.count(section, "data-testid=\"break\"");
                assertEquals(counts.get(kind).asLong(), items, kind + ": every break is listed");
                listed += items;
                assertEquals(1, Http.count(section, "data-testid=\"mend\""), kind + ": one mend text");
            }
            assertEquals(api.get("breaks").size(), listed);
            // the mend text stands once on the page, not beside each break
            for (JsonNode b : api.get("breaks")) {
                String mend = b.get("mend").asText();
                assertEquals(1, Http.count(Http.text(html), mend), "said once: " + mend);
            }
            // the group's heading counts its kinds
            String housekeeping = html.substring(html.indexOf("data-group=\"HOUSEKEEPING\""));
            long sum = 0;
            for (String k : List.of("PROJECT_NO_LEAD", "PROJECT_NO_BUDGET", "INDICATOR_NO_BASELINE",
                    "INDICATOR_NO_TARGET", "INDICATOR_NO_ACTUAL")) {
                sum += counts.get(k).asLong();
            }
            assertEquals(String.valueOf(sum), Http.all(housekeeping, "class=\"count-badge\">(\\d+)<").get(0));
        });
    }

    @Test
    void onePlannerOpensOneBreaksDismissalFormAndAVisitorSeesNone() {
        String cookie = TestApp.adminCookie(TestApp.sampleDatabase());
        JavalinTest.test(TestApp.create(), (server, client) -> {
            String visitor = client.get("/w/omitama/chain-check").body().string();
            assertEquals(0, Http.count(visitor, "class=\"dismiss-link"), "a visitor may not dismiss: no link");

            String html = client.get("/w/omitama/chain-check", b -> b.header("Cookie", cookie)).body().string();
            assertEquals(0, Http.count(html, "data-testid=\"dismiss-form\""), "no form until one is asked for");
            assertEquals(Http.count(html, "data-testid=\"break\""), Http.count(html, "class=\"dismiss-link"),
                    "each break offers its dismissal");
            String link = Http.all(html, "class=\"dismiss-link screen-only\" href=\"([^\"]+)\"").get(0);
            String key = java.net.URLDecoder.decode(link.substring(link.indexOf("dismiss=") + 8, link.indexOf('#')),
                    StandardCharsets.UTF_8);
            String one = client.get(link.substring(0, link.indexOf('#')), b -> b.header("Cookie", cookie)).body()
                    .string();
            assertEquals(1, Http.count(one, "data-testid=\"dismiss-form\""));
            String form = one.substring(one.indexOf("data-testid=\"dismiss-form\""));
            assertTrue(form.contains("name=\"key\" value=\"" + key + "\""), "the form dismisses the break asked for");
        });
    }

    @Test
    void theListNarrowsByKindJourneyAndDepartment() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            JsonNode api = JSON.readTree(client.get("/api/v1/workspaces/omitama/chain-check").body().string());
            Set<String> all = new HashSet<>();
            api.get("breaks").forEach(b -> all.add(b.get("key").asText()));

            String kind = client.get("/w/omitama/chain-check?kind=PROJECT_NO_LEAD").body().string();
            assertEquals(api.get("counts").get("PROJECT_NO_LEAD").asInt(), Http.count(kind, "data-testid=\"break\""));
            assertTrue(Http.all(kind, "data-testid=\"break\" data-kind=\"([A-Z_]+)\"").stream()
                    .allMatch("PROJECT_NO_LEAD"::equals));
            assertTrue(kind.contains("id=\"kind-PROJECT_NO_LEAD\" data-testid=\"break-kind\" data-kind=\"PROJECT_NO_LEAD\" open>"),
                    "a housekeeping kind asked for by name is shown open");

            String journey = client.get("/w/omitama/chain-check?journey=b").body().string();
            List<String> hrefs = Http.all(journey, "data-testid=\"break\" data-kind=\"[A-Z_]+\" data-key=\"[^\"]+\"><a href=\"([^\"]+)\"");
            assertFalse(hrefs.isEmpty());
            assertTrue(hrefs.stream().allMatch(h -> h.startsWith("/w/omitama/journeys/b#")), hrefs.toString());

            String everyone = client.get("/w/omitama/chain-check").body().string();
            String actorId = Http.all(everyone, "<option value=\"(\\d+)\"[^>]*>企画調整課<").get(0);
            String narrowed = client.get("/w/omitama/chain-check?actor=" + actorId).body().string();
            assertTrue(Http.text(narrowed).contains("「企画調整課」が取り組むステップ"));
            List<String> keys = Http.all(narrowed, "data-testid=\"break\" data-kind=\"[A-Z_]+\" data-key=\"([^\"]+)\"");
            assertFalse(keys.isEmpty());
            assertTrue(keys.size() < all.size(), "fewer than every break");
            assertTrue(all.containsAll(keys), "only breaks of the whole check");
            // the hand-offs listed touch a step where the department acts (its own page lists those steps)
            String actorPage = client.get("/w/omitama/actors/" + actorId).body().string();
            Set<String> itsSteps = new HashSet<>(Http.all(actorPage, "class=\"step-card-title\" href=\"([^\"]+)\""));
            List<String> gaps = Http.all(narrowed, "data-kind=\"HANDOFF_GAP\" data-key=\"[^\"]+\"><a href=\"([^\"]+)\"");
            assertFalse(gaps.isEmpty(), "企画調整課 has hand-off gaps in the sample");
            for (String from : gaps) {
                int n = Integer.parseInt(from.substring(from.lastIndexOf('-') + 1));
                String next = from.substring(0, from.lastIndexOf('-') + 1) + (n + 1);
                assertTrue(itsSteps.contains(from) || itsSteps.contains(next), from + " is not 企画調整課's");
            }
            // the count badges are the department's, and the API's with the same filter
            assertTrue(narrowed.contains("data-testid=\"open-breaks\">" + keys.size() + "<"));
            JsonNode its = JSON.readTree(client.get("/api/v1/workspaces/omitama/chain-check?actor=" + actorId)
                    .body().string());
            assertEquals(keys.size(), its.get("total").asInt());
            List<String> apiKeys = new java.util.ArrayList<>();
            its.get("breaks").forEach(b -> apiKeys.add(b.get("key").asText()));
            assertEquals(keys, apiKeys, "the page and the API list the same breaks, in the same order");
            for (String k : Http.all(narrowed, "data-testid=\"break-kind\" data-kind=\"([A-Z_]+)\"")) {
                assertEquals(its.get("counts").get(k).asText(),
                        Http.all(section(narrowed, k), "data-testid=\"kind-count\">(\\d+)<").get(0), k);
            }
            assertEquals(404, client.get("/api/v1/workspaces/omitama/chain-check?actor=999999").code());
            assertEquals(404, client.get("/w/omitama/chain-check?actor=999999").code());
            assertEquals(400, client.get("/w/omitama/chain-check?actor=abc").code());
        });
    }

    /** The part of the page that lists one kind of break. */
    private static String section(String html, String kind) {
        int from = html.indexOf("id=\"kind-" + kind + "\" data-testid=\"break-kind\"");
        return html.substring(from, html.indexOf("</details>", from));
    }
}
