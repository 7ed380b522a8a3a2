package kusari.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kusari.SampleFiles;
import kusari.TestApp;
import kusari.db.Database;
import kusari.db.Migrations;
import kusari.files.WorkspaceFiles.StepEntry;
import kusari.core.Workspace;
import kusari.core.WorkspaceRepository;
import kusari.indicator.IndicatorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Traces on the sample workspace and on a small built one. */
class TraceServiceTest {

    private final Database db = TestApp.sampleDatabase();
    private final Workspace omitama = new WorkspaceRepository(db).findBySlug("omitama").orElseThrow();
    private final TraceService traces = new TraceService(db);

    private Trace trace(TraceKind kind, String id) {
        return traces.trace(omitama, kind, id).orElseThrow();
    }

    private static List<TraceNode> of(Trace t, Layer layer) {
        return t.nodes().stream().filter(n -> n.layer() == layer).toList();
    }

    @Test
    void fromChallenge2TheTraceReachesProject1034AndPolicyField1WithItsGoalIndicators() {
        Trace t = trace(TraceKind.CHALLENGE, "2");
        assertEquals("子育てアプリが知られていない", t.startTitle());
        assertEquals(List.of("1-03-4"), of(t, Layer.PROJECT).stream().map(TraceNode::code).toList(),
                "only the project that answers 課題2, not its siblings under measure 1-03");
        List<String> nodes = of(t, Layer.NODE).stream().map(TraceNode::code).toList();
        assertEquals(List.of("1-03", "1-2", "1"), nodes, "measure → direction → policy field, left to right");
        assertEquals(1, t.columns().stream().filter(c -> c.layer() == Layer.NODE && c.depth() == 1).count());

        Set<String> goals = of(t, Layer.INDICATOR).stream().map(TraceNode::title).collect(Collectors.toSet());
        Set<String> expected = SampleFiles.omitama().framework().nodes().stream().filter(n -> n.code().equals("1"))
                .flatMap(n -> n.indicators().stream()).map(i -> i.name()).collect(Collectors.toSet());
        assertEquals(5, expected.size());
        assertEquals(expected, goals, "every goal indicator of policy field 1, and no other");
        assertTrue(of(t, Layer.INDICATOR).stream().allMatch(i -> i.indicator().kind() == IndicatorKind.GOAL));

        assertEquals(1, of(t, Layer.ACTION_INDICATOR).size(), "the action indicator of 課題2");
        assertTrue(t.edges().contains(new Trace.Edge(key(t, Layer.PROJECT, "1-03-4"), key(t, Layer.NODE, "1-03"))));
    }

    @Test
    void backFromProject1034TheTraceReachesBsansSteps() {
        Trace t = trace(TraceKind.PROJECT, "1-03-4");
        List<String> personas = of(t, Layer.PERSONA).stream().map(TraceNode::title).toList();
        assertEquals(List.of("Bさん"), personas);
        List<StepEntry> bSteps = SampleFiles.journey("b").steps();
        Set<String> expected = bSteps.stream().filter(s -> s.challenges().contains(2)).map(StepEntry::title)
                .collect(Collectors.toSet());
        assertFalse(expected.isEmpty());
        Set<String> reached = of(t, Layer.STEP).stream().map(TraceNode::title).collect(Collectors.toSet());
        assertEquals(expected, reached, "Bさん's steps in 課題2");
        assertTrue(of(t, Layer.STEP).stream().allMatch(s -> s.step().journeySlug().equals("b")));
        assertEquals(1, t.reach().personas());
        assertEquals(1, t.reach().journeys());
        assertEquals(expected.size(), t.reach().steps());
        assertEquals(of(t, Layer.STEP).stream().filter(TraceNode::troubled).count(), t.reach().troubledSteps().size());
        assertEquals(List.of("2"), of(t, Layer.CHALLENGE).stream().map(TraceNode::code).toList());
        assertTrue(of(t, Layer.PROJECT).get(0).start());
    }

    @Test
    void aPolicyFieldTraceGoesDownToItsProjectsAndOnToTheResidents() {
        Trace t = trace(TraceKind.POLICY_FIELD, "1");
        Set<String> projects = of(t, Layer.PROJECT).stream().map(TraceNode::code).collect(Collectors.toSet());
        assertTrue(projects.containsAll(Set.of("1-01-1", "1-02-1", "1-03-4")), projects.toString());
        assertTrue(projects.stream().allMatch(p -> p.startsWith("1-")), "nothing from another field: " + projects);
        assertTrue(of(t, Layer.PERSONA).stream().anyMatch(p -> p.title().equals("Bさん")));
    }

    @Test
    void aStepTraceStartsAtTheStepAndShowsWhoseStepItIs() {
        Trace t = trace(TraceKind.STEP, "b-1");
        TraceNode start = t.nodes().stream().filter(TraceNode::start).findFirst().orElseThrow();
        assertEquals(Layer.STEP, start.layer());
        assertEquals(SampleFiles.journey("b").steps().get(0).title(), start.title());
        assertEquals(List.of("Bさん"), of(t, Layer.PERSONA).stream().map(TraceNode::title).toList());
        assertEquals(1, of(t, Layer.STEP).size(), "a step trace does not wander to the other steps of its challenges");
    }

    @Test
    void anIndicatorTraceStartsAtTheIndicatorAndGoesBackThroughItsOwner() {
        Trace field = trace(TraceKind.POLICY_FIELD, "1");
        TraceNode goal = of(field, Layer.INDICATOR).get(0);
        Trace t = trace(TraceKind.INDICATOR, goal.key().substring(goal.key().indexOf(':') + 1));
        assertEquals(goal.title(), t.startTitle());
        assertEquals(1, of(t, Layer.INDICATOR).size(), "the start, not its sibling goals");
        assertEquals(of(field, Layer.PROJECT).size(), of(t, Layer.PROJECT).size());
    }

    @Test
    void unknownStartsAreEmpty() {
        assertTrue(traces.trace(omitama, TraceKind.CHALLENGE, "99").isEmpty());
        assertTrue(traces.trace(omitama, TraceKind.CHALLENGE, "x").isEmpty());
        assertTrue(traces.trace(omitama, TraceKind.STEP, "b-99").isEmpty());
        assertTrue(traces.trace(omitama, TraceKind.STEP, "b").isEmpty());
        assertTrue(traces.trace(omitama, TraceKind.PROJECT, "9-99-9").isEmpty());
        assertTrue(traces.trace(omitama, TraceKind.POLICY_FIELD, "1-03").isEmpty(), "1-03 is a measure");
        assertTrue(traces.trace(omitama, TraceKind.MEASURE, "1").isEmpty(), "1 is a policy field");
        assertTrue(traces.trace(omitama, TraceKind.INDICATOR, "999999").isEmpty());
    }

    @Test
    void aProjectReachedAlongSeveralPathsIsBudgetedOnce(@TempDir Path dir) {
        Database built = Database.open(dir.resolve("t.db"));
        Migrations.apply(built);
        OneOfEachBreak f = OneOfEachBreak.build(built);
        Workspace ws = new WorkspaceRepository(built).findBySlug("breaks").orElseThrow();
        // Step 1 is in 課題1 only; 課題1 is answered by P1, P3, P4; P1 also answers 課題3.
        Trace t = new TraceService(built).trace(ws, TraceKind.MEASURE, "1-01").orElseThrow();
        assertEquals(4, t.reach().projects());
        // P1, P2, P3 have 1,000 per year for FY2020–2022, P4 for FY2020–2021: 11,000 in all, each project once.
        assertEquals(11_000, t.reach().budgetTotalThousandYen());
        assertEquals(List.of(4_000L, 4_000L, 3_000L),
                t.reach().budgetByYear().stream().map(TraceNode.BudgetYear::thousandYen).toList());
        Trace fromChallenge = new TraceService(built).trace(ws, TraceKind.CHALLENGE, "1").orElseThrow();
        assertEquals(8_000, fromChallenge.reach().budgetTotalThousandYen(), "P1 + P3 + P4");
        assertEquals(f.p1, Long.parseLong(of(fromChallenge, Layer.PROJECT).get(0).key().split(":")[1]));
    }

    private static String key(Trace t, Layer layer, String code) {
        return of(t, layer).stream().filter(n -> code.equals(n.code())).findFirst().orElseThrow().key();
    }
}
