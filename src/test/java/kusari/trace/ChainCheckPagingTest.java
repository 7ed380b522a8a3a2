package kusari.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kusari.bench.SyntheticWorkspace;
import kusari.core.Workspace;
import kusari.core.WorkspaceRepository;
import kusari.db.Database;
import kusari.db.Migrations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counts and scores the aggregate query gives, and the pages of the list of open breaks, against the breaks
 * found one by one, on a small synthetic workspace with breaks of every kind.
 */
class ChainCheckPagingTest {

    @TempDir
    Path dir;

    Database db;
    Workspace ws;
    ChainCheck check;

    @BeforeEach
    void build() {
        db = Database.open(dir.resolve("paging.db"));
        Migrations.apply(db);
        SyntheticWorkspace.generate(db, "bench", SyntheticWorkspace.Size.scaled(0.02));
        ws = new WorkspaceRepository(db).findBySlug("bench").orElseThrow();
        check = new ChainCheck(db, Clock.fixed(Instant.parse("2023-06-01T00:00:00Z"), ZoneId.of("Asia/Tokyo")));
    }

    @Test
    void theCountsAndScoresMatchTheBreaksFoundOneByOne() {
        // a dismissed break of every kind, so that counting open and dismissed ones is held to the keys
        for (BreakKind k : BreakKind.values()) {
            check.everyOpenBreak(ws, null).stream().filter(b -> b.kind() == k).findFirst()
                    .ifPresent(b -> check.dismiss(ws, b.key(), "見送りの確かめ"));
        }
        sameAsOneByOne(null);
        sameAsOneByOne("j3");

        Set<BreakKind> some = EnumSet.allOf(BreakKind.class);
        some.remove(BreakKind.BROKEN_STRETCH);
        some.remove(BreakKind.INDICATOR_NO_TARGET);
        check.saveChecks(ws, some);
        sameAsOneByOne(null);
    }

    private void sameAsOneByOne(String journey) {
        List<ChainBreak> expected = check.everyOpenBreak(ws, journey);
        ChainReport report = check.report(ws, journey);
        assertEquals(keys(expected), keys(report.open()), "the whole list, in the same order");
        Map<BreakKind, Long> counts = new EnumMap<>(BreakKind.class);
        report.checks().forEach(k -> counts.put(k, 0L));
        expected.forEach(b -> counts.merge(b.kind(), 1L, Long::sum));
        assertEquals(counts, report.openCounts());
        assertEquals(expected.size(), report.openTotal());
        assertTrue(expected.size() > (journey == null ? 200 : 0), "enough breaks to page: " + expected.size());

        Map<String, Map<BreakKind, Integer>> failing = new LinkedHashMap<>();
        for (ChainBreak b : expected) {
            if (b.journey() != null) {
                int weight = b.kind() == BreakKind.BROKEN_STRETCH ? Integer.parseInt(b.args().get(3)) - 1 : 1;
                failing.computeIfAbsent(b.journey(), x -> new EnumMap<>(BreakKind.class))
                        .merge(b.kind(), weight, Integer::sum);
            }
        }
        for (ChainReport.JourneyScore score : report.journeys()) {
            Map<BreakKind, Integer> fails = failing.getOrDefault(score.journey(), Map.of());
            assertEquals(fails, score.failing(), score.journey());
            assertEquals(score.checks() - fails.values().stream().mapToInt(Integer::intValue).sum(), score.holding());
        }

        ChainReport glance = journey == null ? check.glance(ws) : report;
        assertEquals(report.openCounts(), glance.openCounts());
        assertEquals(report.dismissed().size(), glance.dismissed().size());
    }

    @Test
    void aWindowListsItsSliceOfTheWholeList() {
        List<ChainBreak> all = check.report(ws, null).open();
        int n = all.size();
        for (int[] w : new int[][] {{0, 50}, {150, 100}, {n - 10, 100}, {n, 100}, {n + 500, 10}}) {
            ChainReport page = check.report(ws, null, new ChainReport.Window(null, w[0], w[1]));
            assertEquals(keys(all.subList(Math.min(n, w[0]), Math.min(n, w[0] + w[1]))), keys(page.open()),
                    "offset " + w[0] + ", limit " + w[1]);
            assertEquals(n, page.matching(), "the total does not depend on the page");
        }
        List<ChainBreak> handOffs = all.stream().filter(b -> b.kind() == BreakKind.HANDOFF_GAP).toList();
        ChainReport kind = check.report(ws, null, new ChainReport.Window(BreakKind.HANDOFF_GAP, 5, 10));
        assertEquals(keys(handOffs.subList(5, 15)), keys(kind.open()));
        assertEquals(handOffs.size(), kind.matching());
        assertTrue(check.glance(ws).open().isEmpty(), "the home page's glance lists no break");
    }

    @Test
    void aWindowOfOneCheckOfATroubledStepListsTheSameBreaksAsTheWholeList() {
        for (String journey : new String[] {null, "j3"}) {
            List<ChainBreak> all = check.report(ws, journey).open();
            for (BreakKind k : List.of(BreakKind.TROUBLED_STEP_NO_ACTOR, BreakKind.TROUBLED_STEP_NO_CHALLENGE)) {
                List<ChainBreak> ofKind = all.stream().filter(b -> b.kind() == k).toList();
                assertTrue(journey != null || ofKind.size() > 20, k + ": enough to page: " + ofKind.size());
                for (int[] w : new int[][] {{0, 5}, {3, 7}, {0, Integer.MAX_VALUE}, {ofKind.size(), 5}}) {
                    ChainReport page = check.report(ws, journey, new ChainReport.Window(k, w[0], w[1]));
                    int from = Math.min(ofKind.size(), w[0]);
                    int to = (int) Math.min(ofKind.size(), (long) w[0] + w[1]);
                    assertEquals(ofKind.subList(from, to), page.open(), k + " " + journey + " " + w[0] + "+" + w[1]);
                }
            }
            // the first page of everything, whose first breaks are of the first check of a troubled step
            ChainReport first = check.report(ws, journey, new ChainReport.Window(null, 0, 10));
            assertEquals(all.subList(0, Math.min(10, all.size())), first.open(), "first page of " + journey);
        }
        // with a break of the check dismissed, the window skips it as the whole list does
        ChainBreak firstNoActor = check.report(ws, null).open().stream()
                .filter(b -> b.kind() == BreakKind.TROUBLED_STEP_NO_ACTOR).findFirst().orElseThrow();
        check.dismiss(ws, firstNoActor.key(), "見送りの確かめ");
        List<ChainBreak> open = check.report(ws, null).open().stream()
                .filter(b -> b.kind() == BreakKind.TROUBLED_STEP_NO_ACTOR).toList();
        ChainReport page = check.report(ws, null, new ChainReport.Window(BreakKind.TROUBLED_STEP_NO_ACTOR, 0, 5));
        assertEquals(open.subList(0, 5), page.open());
        assertEquals(List.of(firstNoActor.key()), page.dismissed().stream().map(ChainBreak::key).toList());
    }

    private static List<String> keys(List<ChainBreak> breaks) {
        return breaks.stream().map(ChainBreak::key).toList();
    }
}
