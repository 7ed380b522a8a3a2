package kusari;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules, measured from the compiled classes: no package cycle; the shared layers (db, core, web, the
 * change path) know no feature; and a feature uses another only through the few read interfaces and records that
 * feature offers, along the edges listed here. A new edge is a decision: add it to {@link #EDGES} with its reason.
 */
class ArchitectureTest {

    /** Packages every feature may use, lowest first: each may use only those before it. */
    private static final List<String> LAYERS = List.of("db", "core", "web", "change");

    private static final Set<String> FEATURES = Set.of("account", "actor", "challenge", "edit", "files", "history",
            "home", "indicator", "journey", "persona", "strategy", "trace", "search", "workshop");

    /** What a feature offers to others: its read interface, the records it answers with and the values they hold. */
    private static final Map<String, Set<String>> OFFERED = Map.of(
            "actor", Set.of("ActorQueries", "Actor", "ActorKinds", "ActorKind"),
            "challenge", Set.of("ChallengeQueries", "Challenge", "ChallengeKinds", "LinkBasis"),
            "indicator", Set.of("IndicatorQueries", "Indicator", "Achievement", "IndicatorJson",
                    "IndicatorKind", "Direction", "NextAction"),
            "journey", Set.of("JourneyQueries", "Journey", "JourneySection", "JourneyMap", "Step", "StepAction"),
            "persona", Set.of("PersonaQueries", "Persona"),
            "strategy", Set.of("StrategyQueries", "FrameworkNode", "Project"),
            "trace", Set.of("ChainSummary", "ChainReport"));

    /**
     * The feature-to-feature edges, each for a reason in the chain: a step names who acts there and the challenges
     * it spans; a persona's page shows its journeys; a project its leads, challenges and KPIs; the home page the
     * whole strategy at a glance; the trace grades indicators the way the indicator table does.
     */
    private static final Set<String> EDGES = Set.of(
            "journey -> actor", "journey -> challenge",
            "persona -> journey", "persona -> actor", "persona -> challenge",
            "actor -> indicator", "challenge -> indicator",
            "strategy -> actor", "strategy -> challenge", "strategy -> indicator",
            "home -> persona", "home -> strategy", "home -> indicator", "home -> trace",
            "trace -> indicator",
            // a live workshop is held on a journey: its phones and board show the journey's steps
            "workshop -> journey",
            // a card becomes an actor's action at its step: the facilitator picks among the workspace's actors
            "workshop -> actor");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("kusari");
    }

    @Test
    void noPackageFormsACycle() {
        slices().matching("kusari.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theSharedLayersUseOnlyTheLayersBelowThem() {
        List<String> wrong = new ArrayList<>();
        for (JavaClass c : classes) {
            String from = packageOf(c);
            int layer = from == null ? -1 : LAYERS.indexOf(from);
            if (layer < 0) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = packageOf(d.getTargetClass());
                if (to == null || to.equals(from)) {
                    continue;
                }
                int target = LAYERS.indexOf(to);
                if (target < 0 || target > layer) {
                    wrong.add(d.getDescription());
                }
            }
        }
        assertTrue(wrong.isEmpty(), "db, core, web and change must not depend on a feature or a layer above:\n"
                + String.join("\n", distinct(wrong)));
    }

    @Test
    void featuresUseEachOtherOnlyAlongTheListedEdgesThroughWhatTheyOffer() {
        List<String> wrong = new ArrayList<>();
        for (JavaClass c : classes) {
            String from = packageOf(c);
            if (from == null || !FEATURES.contains(from)) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = packageOf(d.getTargetClass());
                if (to == null || to.equals(from) || !FEATURES.contains(to)) {
                    continue;
                }
                String outer = outermost(d.getTargetClass()).getSimpleName();
                if (!EDGES.contains(from + " -> " + to)) {
                    wrong.add("edge " + from + " -> " + to + " is not listed: " + d.getDescription());
                } else if (!OFFERED.getOrDefault(to, Set.of()).contains(outer)) {
                    wrong.add(to + "." + outer + " is not offered to other features: " + d.getDescription());
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", distinct(wrong)));
    }

    @Test
    void onlyTheCompositionRootKnowsTheCompositionRoot() {
        List<String> wrong = new ArrayList<>();
        for (JavaClass c : classes) {
            if (packageOf(c) == null) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                if (d.getTargetClass().getPackageName().equals("kusari")) {
                    wrong.add(d.getDescription());
                }
            }
        }
        assertTrue(wrong.isEmpty(), "the root package (App, Kusari, Cli) wires the parts; no part may use it:\n"
                + String.join("\n", distinct(wrong)));
    }

    @Test
    void everyPackageIsALayerAFeatureOrTheCompositionRoot() {
        Set<String> unknown = new TreeSet<>();
        for (JavaClass c : classes) {
            String p = packageOf(c);
            if (p != null && !LAYERS.contains(p) && !FEATURES.contains(p)) {
                unknown.add(p);
            }
        }
        assertTrue(unknown.isEmpty(), "a new package must be named in ArchitectureTest as a layer or a feature: " + unknown);
    }

    /** The first package below kusari ("journey" for kusari.journey.Step), or null for the composition root. */
    private static String packageOf(JavaClass c) {
        String name = c.getPackageName();
        if (!name.startsWith("kusari.")) {
            return null;
        }
        String rest = name.substring("kusari.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static JavaClass outermost(JavaClass c) {
        JavaClass current = c;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }

    private static List<String> distinct(List<String> all) {
        return new ArrayList<>(new TreeSet<>(all));
    }
}
