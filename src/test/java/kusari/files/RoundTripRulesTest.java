package kusari.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks that keep files → database → files lossless: what the database cannot hold twice, or cannot tell apart,
 * is refused with its path instead of being silently merged.
 */
class RoundTripRulesTest {

    @TempDir
    Path data;

    @BeforeEach
    void writeValidWorkspace() {
        MiniWorkspace.write(data);
    }

    private DataFileProblem onlyProblem() {
        DataFileException e = assertThrows(DataFileException.class, () -> new WorkspaceLoader(data).load("mini"));
        assertEquals(1, e.problems().size(), "expected one problem, got " + e.problems());
        return e.problems().get(0);
    }

    /** Rewrites the mini journey with its one step replaced. */
    private void step(List<Integer> challenges, List<String> actors) {
        WorkspaceFiles.JourneyFile j = DataJsonTestSupport.read(data, "journeys/mini/b.json", WorkspaceFiles.JourneyFile.class);
        WorkspaceFiles.StepEntry s = j.steps().get(0);
        MiniWorkspace.put(data, "journeys/mini/b.json", DataJson.canonical(new WorkspaceFiles.JourneyFile(j.slug(), j.persona(),
                j.title(), List.of(new WorkspaceFiles.StepEntry(s.title(), s.emotionText(), s.emotionScore(), s.painPoint(),
                        challenges, List.of(new WorkspaceFiles.ActionEntry(actors, "発行時に一言添える")))), j.readings())));
    }

    @Test
    void aChallengeListedTwiceOnAStepIsRefused() {
        step(List.of(1, 1), List.of("健康増進課"));
        DataFileProblem p = onlyProblem();
        assertEquals("$.steps[0].challenges[1]", p.path());
        assertEquals("challenge 1 is listed twice", p.message());
    }

    @Test
    void anActorListedTwiceOnAnActionIsRefused() {
        step(List.of(1), List.of("健康増進課", "健康増進課"));
        DataFileProblem p = onlyProblem();
        assertEquals("$.steps[0].actions[0].actors[1]", p.path());
        assertEquals("actor \"健康増進課\" is listed twice", p.message());
    }

    @Test
    void aLeadActorListedTwiceIsRefused() {
        MiniWorkspace.edit(data, "journeys/mini/framework.json", "\"leadActors\": [", "\"leadActors\": [\"健康増進課\",");
        DataFileProblem p = onlyProblem();
        assertEquals("$.nodes[0].children[0].projects[0].leadActors[1]", p.path());
        assertEquals("actor \"健康増進課\" is listed twice", p.message());
    }

    @Test
    void aStoryParagraphWithABlankLineIsRefused() {
        MiniWorkspace.edit(data, "personas/mini/b.json", "\"story\": [],", "\"story\": [\"一段落目\\n\\n二段落目\"],");
        DataFileProblem p = onlyProblem();
        assertEquals("personas/mini/b.json", p.file());
        assertEquals("$.story[0]", p.path());
        assertTrue(p.message().startsWith("a paragraph must have text and no blank line"), p.message());
    }

    @Test
    void rolesMayBeLeftOutButNotNullAndMunicipalitiesAreUnique() {
        assertEquals(List.of(), new WorkspaceLoader(data).load("mini").framework().nodes().get(0).children().get(0)
                .projects().get(0).roles(), "left out: no roles");

        MiniWorkspace.edit(data, "journeys/mini/framework.json", "\"budgets\": [", "\"roles\": null,\n\"budgets\": [");
        DataFileProblem p = onlyProblem();
        assertEquals("$.nodes[0].children[0].projects[0].roles", p.path());
        assertEquals("must not be null", p.message());

        MiniWorkspace.edit(data, "journeys/mini/framework.json", "\"roles\": null,", """
                "roles": [{"municipality": "テスト市", "role": "a"}, {"municipality": "テスト市", "role": "b"}],""");
        p = onlyProblem();
        assertEquals("$.nodes[0].children[0].projects[0].roles[1].municipality", p.path());
        assertEquals("duplicate municipality \"テスト市\"", p.message());
    }

    @Test
    void aRoleNamesOneOfTheStrategysMunicipalities() {
        // without a list the strategy's one municipality is テスト市: a role of 石岡市 has no column to sit in
        MiniWorkspace.edit(data, "journeys/mini/framework.json", "\"budgets\": [",
                "\"roles\": [{\"municipality\": \"石岡市\", \"role\": \"会場の提供\"}],\n\"budgets\": [");
        DataFileProblem p = onlyProblem();
        assertEquals("$.nodes[0].children[0].projects[0].roles[0].municipality", p.path());
        assertEquals("\"石岡市\" is not one of the strategy's municipalities (workspace.json municipalities, or its "
                + "municipality): テスト市", p.message());

        MiniWorkspace.edit(data, "journeys/mini/workspace.json", "\"municipality\": \"テスト市\",",
                "\"municipality\": \"テスト市・石岡市\", \"municipalities\": [\"テスト市\", \"石岡市\"],");
        WorkspaceFiles.LoadedWorkspace joint = new WorkspaceLoader(data).load("mini");
        assertEquals(List.of("テスト市", "石岡市"), joint.workspace().members(), "listed, the role is at home");
    }

    @Test
    void aMunicipalityListedTwiceIsRefused() {
        MiniWorkspace.edit(data, "journeys/mini/workspace.json", "\"municipality\": \"テスト市\",",
                "\"municipality\": \"テスト市\", \"municipalities\": [\"テスト市\", \"石岡市\", \"テスト市\"],");
        DataFileProblem p = onlyProblem();
        assertEquals("journeys/mini/workspace.json", p.file());
        assertEquals("$.municipalities[2]", p.path());
        assertEquals("duplicate municipality \"テスト市\": list each municipality once", p.message());
    }

    @Test
    void aMunicipalityNameLongerThanTheFormAllowsIsRefused() {
        String longName = "長".repeat(101);
        MiniWorkspace.edit(data, "journeys/mini/workspace.json", "\"municipality\": \"テスト市\",",
                "\"municipality\": \"テスト市\", \"municipalities\": [\"テスト市\", \"" + longName + "\"],");
        DataFileProblem p = onlyProblem();
        assertEquals("$.municipalities[1]", p.path());
        assertEquals("must be at most 100 characters long, not 101", p.message());
    }

    @Test
    void numbersAreWrittenInTheirShortestFormAndRolesOnlyWhenThereAreSome() {
        MiniWorkspace.edit(data, "journeys/mini/framework.json", "\"value\": 1.8,", "\"value\": 1.80,");
        String framework = DataJson.canonical(new WorkspaceLoader(data).load("mini").framework());
        assertTrue(framework.contains("\"value\": 1.8,"), "1.80 is written 1.8");
        assertTrue(!framework.contains("\"roles\""), "no empty roles list in the file");
        assertEquals("30", DataJson.shortest(new java.math.BigDecimal("30.0")).toString());
        assertEquals("1200", DataJson.shortest(new java.math.BigDecimal("1.2E+3")).toString());
        assertEquals("0", DataJson.shortest(new java.math.BigDecimal("0.00")).toString());
        assertEquals("-0.18", DataJson.shortest(new java.math.BigDecimal("-0.180")).toString());
    }
}
