package kusari.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kusari.db.Database;
import kusari.db.Migrations;
import kusari.db.Sql;
import kusari.change.ChangeEntry;
import kusari.change.ChangeLog;
import kusari.change.Operation;
import kusari.core.ValidationException;
import kusari.core.Workspace;
import kusari.core.WorkspaceRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainCheckTest {

    @TempDir
    Path dir;

    Database db;
    OneOfEachBreak f;
    Workspace ws;
    ChainCheck check;

    @BeforeEach
    void build() {
        db = Database.open(dir.resolve("breaks.db"));
        Migrations.apply(db);
        f = OneOfEachBreak.build(db);
        ws = new WorkspaceRepository(db).findBySlug("breaks").orElseThrow();
        check = new ChainCheck(db, OneOfEachBreak.CHECKED_ON);
    }

    @Test
    void aWorkspaceWithOneOfEachBreakListsExactlyThoseBreaks() {
        ChainReport report = check.report(ws, null);
        Map<BreakKind, String> found = new TreeMap<>();
        for (ChainBreak b : report.open()) {
            String before = found.put(b.kind(), b.key());
            assertNull(before, "two breaks of kind " + b.kind() + ": " + before + ", " + b.key());
        }
        assertEquals(EnumSet.allOf(BreakKind.class), found.keySet(), "one break of every kind and nothing else");
        assertEquals(BreakKind.values().length, report.open().size());

        assertEquals("TROUBLED_STEP_NO_ACTOR:step:" + f.step2, found.get(BreakKind.TROUBLED_STEP_NO_ACTOR));
        assertEquals("TROUBLED_STEP_NO_CHALLENGE:step:" + f.step4, found.get(BreakKind.TROUBLED_STEP_NO_CHALLENGE));
        assertEquals("BROKEN_STRETCH:step:" + f.step4 + ":" + f.step5, found.get(BreakKind.BROKEN_STRETCH));
        assertEquals("HANDOFF_GAP:step:" + f.step5 + ":" + f.step6, found.get(BreakKind.HANDOFF_GAP));
        assertEquals("CHALLENGE_NO_PROJECT:challenge:" + f.challenge2, found.get(BreakKind.CHALLENGE_NO_PROJECT));
        assertEquals("CHALLENGE_NO_ACTION_INDICATOR:challenge:" + f.challenge3,
                found.get(BreakKind.CHALLENGE_NO_ACTION_INDICATOR));
        assertEquals("PROJECT_NO_CHALLENGE:project:" + f.p2, found.get(BreakKind.PROJECT_NO_CHALLENGE));
        assertEquals("PROJECT_NO_LEAD:project:" + f.p3, found.get(BreakKind.PROJECT_NO_LEAD));
        assertEquals("PROJECT_NO_BUDGET:project:" + f.p4, found.get(BreakKind.PROJECT_NO_BUDGET));
        assertEquals("INDICATOR_NO_BASELINE:indicator:" + f.g1, found.get(BreakKind.INDICATOR_NO_BASELINE));
        assertEquals("INDICATOR_NO_TARGET:indicator:" + f.g2, found.get(BreakKind.INDICATOR_NO_TARGET));
        assertEquals("INDICATOR_NO_ACTUAL:indicator:" + f.g3, found.get(BreakKind.INDICATOR_NO_ACTUAL));

        assertEquals(2022, report.lastCompletedFiscalYear());
        ChainBreak budget = report.openOf(BreakKind.PROJECT_NO_BUDGET).get(0);
        assertEquals(List.of("1-01-4", "訪問事業", "2022", "1"), budget.args(), "names the missing fiscal year");
        ChainBreak stretch = report.openOf(BreakKind.BROKEN_STRETCH).get(0);
        assertEquals("/w/breaks/journeys/x#x-step-4", stretch.href(), "links to the first step of the stretch");
        assertEquals("/w/breaks/trace/step/x-4", stretch.traceHref());
    }

    @Test
    void theJourneyScoreCountsTheStepChecksThatHold() {
        ChainReport.JourneyScore score = check.report(ws, null).journeys().get(0);
        // 3 troubled steps × 2 checks + 5 neighbour pairs × 2 checks; 4 of them fail.
        assertEquals(6, score.steps());
        assertEquals(3, score.troubledSteps());
        assertEquals(16, score.checks());
        assertEquals(12, score.holding());
        assertEquals(75, score.score());
        assertEquals(Map.of(BreakKind.TROUBLED_STEP_NO_ACTOR, 1, BreakKind.TROUBLED_STEP_NO_CHALLENGE, 1,
                BreakKind.BROKEN_STRETCH, 1, BreakKind.HANDOFF_GAP, 1), score.failing());
    }

    @Test
    void theJourneyReportHoldsOnlyThatJourneysStepBreaks() {
        ChainReport report = check.report(ws, "x");
        assertEquals(Set.of(BreakKind.TROUBLED_STEP_NO_ACTOR, BreakKind.TROUBLED_STEP_NO_CHALLENGE,
                BreakKind.BROKEN_STRETCH, BreakKind.HANDOFF_GAP),
                Set.copyOf(report.open().stream().map(ChainBreak::kind).toList()));
        assertTrue(check.report(ws, "nobody").journeys().isEmpty());
    }

    @Test
    void aDismissedBreakLeavesTheOpenListIsRecordedAndCanBeUndone() {
        String key = "PROJECT_NO_LEAD:project:" + f.p3;
        long id = check.dismiss(ws, key, "  県の補助事業で、主担当は県が持つ  ");

        ChainReport after = check.report(ws, null);
        assertEquals(BreakKind.values().length - 1, after.open().size());
        assertEquals(1, after.dismissed().size());
        assertEquals("県の補助事業で、主担当は県が持つ", after.dismissed().get(0).dismissal().reason());

        List<ChangeEntry> history = db.read(c -> ChangeLog.forEntity(c, "chain_dismissal", id));
        assertEquals(1, history.size());
        assertEquals(Operation.DISMISS, history.get(0).operation());
        assertEquals(key, history.get(0).after().get("breakKey").asText());
        assertTrue(history.get(0).summary().contains("事業に主担当がいない"), history.get(0).summary());
        assertTrue(history.get(0).summary().contains("県の補助事業で、主担当は県が持つ"), history.get(0).summary());

        check.undo(ws, id);
        ChainReport undone = check.report(ws, null);
        assertEquals(BreakKind.values().length, undone.open().size(), "the break is open again");
        assertTrue(undone.dismissed().isEmpty());
        List<Dismissal> kept = check.dismissalHistory(ws);
        assertEquals(1, kept.size(), "an undone dismissal stays in the history");
        assertNotNull(kept.get(0).undoneAt());
        List<ChangeEntry> both = db.read(c -> ChangeLog.forEntity(c, "chain_dismissal", id));
        assertEquals(List.of(Operation.UNDISMISS, Operation.DISMISS), both.stream().map(ChangeEntry::operation).toList());
        assertEquals(both.get(0).id(), both.get(1).revertedBy(), "the dismissal is marked as undone by the undo");
        assertEquals(both.get(1).id(), both.get(0).revertsId());

        // and it can be dismissed again after the undo
        check.dismiss(ws, key, "再検討の結果やはり見送る");
        assertEquals(1, check.report(ws, null).dismissed().size());
    }

    @Test
    void aDismissalNeedsAReasonAndAnOpenBreak() {
        String key = "PROJECT_NO_LEAD:project:" + f.p3;
        ValidationException blank = assertThrows(ValidationException.class, () -> check.dismiss(ws, key, "   "));
        assertEquals("reason", blank.errors().get(0).field());
        assertThrows(ValidationException.class, () -> check.dismiss(ws, key, "x".repeat(ChainCheck.MAX_REASON + 1)));
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> check.dismiss(ws, "PROJECT_NO_LEAD:project:999999", "理由"));
        assertEquals("key", unknown.errors().get(0).field());
        check.dismiss(ws, key, "理由");
        assertThrows(ValidationException.class, () -> check.dismiss(ws, key, "二度目"), "already dismissed");
        assertEquals(0L, (long) db.read(c -> Sql.queryLong(c,
                "SELECT count(*) FROM change_log WHERE operation = 'DISMISS' AND summary LIKE '%二度目%'")));
    }

    @Test
    void checksSwitchedOffAreNeitherListedNorScored() {
        Set<BreakKind> enabled = EnumSet.allOf(BreakKind.class);
        enabled.remove(BreakKind.HANDOFF_GAP);
        enabled.remove(BreakKind.PROJECT_NO_BUDGET);
        check.saveChecks(ws, enabled);

        ChainReport report = check.report(ws, null);
        assertEquals(enabled, report.checks());
        assertTrue(report.openOf(BreakKind.HANDOFF_GAP).isEmpty());
        assertTrue(report.openOf(BreakKind.PROJECT_NO_BUDGET).isEmpty());
        assertEquals(BreakKind.values().length - 2, report.open().size());
        ChainReport.JourneyScore score = report.journeys().get(0);
        assertEquals(11, score.checks(), "3 × 2 troubled-step checks + 5 stretch checks");
        assertEquals(8, score.holding());
        assertEquals(1L, (long) db.read(c -> Sql.queryLong(c,
                "SELECT count(*) FROM change_log WHERE entity = 'chain_check_setting' AND operation = 'SETTINGS'")));
    }

    @Test
    void actualsAreExpectedOnlyOnceAPlanYearHasEnded() {
        Workspace early = new Workspace(ws.id(), ws.slug(), ws.name(), ws.fullName(), ws.municipality(), ws.published(),
                2024, 2028, "", "", ws.levels());
        assertNull(check.lastCompletedFiscalYear(early), "on 1 June 2023 no year of FY2024–2028 has ended");
        Workspace ended = new Workspace(ws.id(), ws.slug(), ws.name(), ws.fullName(), ws.municipality(), ws.published(),
                2015, 2019, "", "", ws.levels());
        assertEquals(2019, check.lastCompletedFiscalYear(ended), "after the plan, its last year");
        ChainCheck inMarch = new ChainCheck(db, java.time.Clock.fixed(java.time.Instant.parse("2023-03-31T00:00:00Z"),
                java.time.ZoneId.of("Asia/Tokyo")));
        assertEquals(2021, inMarch.lastCompletedFiscalYear(ws), "FY2022 runs until 31 March 2023");
    }
}
