package kusari.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import kusari.db.Database;
import kusari.db.Migrations;
import kusari.db.Sql;
import kusari.files.WorkspaceFiles.LoadedWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceLoaderTest {

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

    @Test
    void aValidWorkspaceLoadsCompletely() {
        LoadedWorkspace ws = new WorkspaceLoader(data).load("mini");
        assertEquals("ミニ戦略", ws.workspace().name());
        assertEquals(1, ws.personas().size());
        assertEquals("発行時に一言添える", ws.journeys().get(0).steps().get(0).actions().get(0).text());
        assertEquals(List.of("mini"), new WorkspaceLoader(data).workspaceSlugs());
    }

    @Test
    void badJsonNamesTheFileAndTheLine() {
        MiniWorkspace.edit(data, "journeys/mini/b.json", "\"title\": \"妊娠から子育て広場まで\",", "\"title\": \"妊娠から子育て広場まで\"");
        DataFileProblem p = onlyProblem();
        assertEquals("journeys/mini/b.json", p.file());
        assertTrue(p.message().startsWith("is not valid JSON (line 5"), p.message());
    }

    @Test
    void aMissingFieldNamesItsJsonPath() {
        MiniWorkspace.edit(data, "journeys/mini/b.json", "\"painPoint\": \"情報が身近でない\",", "");
        DataFileProblem p = onlyProblem();
        assertEquals("journeys/mini/b.json", p.file());
        assertEquals("$.steps[0].painPoint", p.path());
        assertEquals("required field is missing", p.message());
    }

    @Test
    void anUnknownFieldIsReportedAsAPossibleTypo() {
        MiniWorkspace.edit(data, "personas/mini/b.json", "\"tagline\"", "\"mood\": \"x\",\n  \"tagline\"");
        DataFileProblem p = onlyProblem();
        assertEquals("$.mood", p.path());
        assertEquals("unknown field \"mood\" (see docs/data-format.md)", p.message());
    }

    @Test
    void aMisspelledFieldIsReportedAsTheMissingOne() {
        MiniWorkspace.edit(data, "personas/mini/b.json", "\"tagline\"", "\"tagLine\"");
        DataFileProblem p = onlyProblem();
        assertEquals("$.tagline", p.path());
        assertEquals("required field is missing", p.message());
    }

    @Test
    void aWrongTypeSaysWhatWasExpected() {
        MiniWorkspace.edit(data, "journeys/mini/b.json", "\"emotionScore\": -1", "\"emotionScore\": \"困った\"");
        DataFileProblem p = onlyProblem();
        assertEquals("$.steps[0].emotionScore", p.path());
        assertEquals("expected a whole number here", p.message());
    }

    @Test
    void aStepNamingAnUnknownActorIsRejected() {
        MiniWorkspace.edit(data, "journeys/mini/b.json", "\"健康増進課\"", "\"健康増進科\"");
        DataFileProblem p = onlyProblem();
        assertEquals("journeys/mini/b.json", p.file());
        assertEquals("$.steps[0].actions[0].actors[0]", p.path());
        assertEquals("unknown actor \"健康増進科\" (not in actors.json)", p.message());
    }

    @Test
    void aChallengeLinkingAMissingProjectCodeIsRejected() {
        MiniWorkspace.edit(data, "journeys/mini/challenges.json", "\"code\": \"1-01-1\"", "\"code\": \"1-01-9\"");
        DataFileProblem p = onlyProblem();
        assertEquals("journeys/mini/challenges.json", p.file());
        assertEquals("$.challenges[0].projects[0].code", p.path());
        assertTrue(p.message().contains("unknown project code \"1-01-9\""), p.message());
    }

    @Test
    void aCodeTwiceOnOneLevelIsRejectedNamingTheLevel() {
        MiniWorkspace.edit(data, "journeys/mini/framework.json", "\"nodes\": [", """
                "nodes": [{"code": "1", "title": "重複", "description": "", "indicators": [], "children": [], "projects": []},""");
        DataFileProblem p = onlyProblem();
        assertEquals("journeys/mini/framework.json", p.file());
        assertEquals("$.nodes[1].code", p.path());
        assertEquals("duplicate code \"1\" on level 1 (政策分野)", p.message());
    }

    @Test
    void theSameCodeOnTwoLevelsIsAccepted() {
        // real plans number each level on its own: 政策分野1 and under it 施策1
        MiniWorkspace.edit(data, "journeys/mini/framework.json", "\"code\": \"1-01\"", "\"code\": \"1\"");
        LoadedWorkspace ws = new WorkspaceLoader(data).load("mini");
        assertEquals("1", ws.framework().nodes().get(0).code());
        assertEquals("1", ws.framework().nodes().get(0).children().get(0).code());
    }

    @Test
    void duplicateActorsAreRejected() {
        MiniWorkspace.edit(data, "journeys/mini/actors.json", "\"市民組織\"", "\"健康増進課\"");
        DataFileProblem p = onlyProblem();
        assertEquals("$.actors[1].name", p.path());
    }

    @Test
    void aJourneyOfAnUnknownPersonaIsRejected() {
        MiniWorkspace.edit(data, "journeys/mini/b.json", "\"persona\": \"b\"", "\"persona\": \"z\"");
        DataFileProblem p = onlyProblem();
        assertEquals("$.persona", p.path());
        assertTrue(p.message().startsWith("unknown persona \"z\""), p.message());
    }

    @Test
    void anEmotionScoreOutsideTheScaleIsRejected() {
        MiniWorkspace.edit(data, "journeys/mini/b.json", "\"emotionScore\": -1", "\"emotionScore\": -3");
        assertEquals("must be between -2 and 2, not -3", onlyProblem().message());
    }

    @Test
    void aStepNamingAnUnknownChallengeIsRejected() {
        MiniWorkspace.edit(data, "journeys/mini/b.json", "\"challenges\": [\n        1\n      ]",
                "\"challenges\": [\n        7\n      ]");
        DataFileProblem p = onlyProblem();
        assertEquals("$.steps[0].challenges[0]", p.path());
    }

    @Test
    void aMissingFileIsNamed() {
        MiniWorkspace.put(data, "journeys/mini/actors.json", "");
        DataFileProblem p = onlyProblem();
        assertEquals("journeys/mini/actors.json", p.file());
    }

    @Test
    void aFileNameThatDiffersFromItsSlugIsRejected() {
        MiniWorkspace.put(data, "personas/mini/c.json", MiniWorkspace.PERSONA.replace("\"order\": 1", "\"order\": 2"));
        DataFileException e = assertThrows(DataFileException.class, () -> new WorkspaceLoader(data).load("mini"));
        assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("personas/mini/c.json") && p.path().equals("$.slug")),
                e.getMessage());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        MiniWorkspace.edit(data, "journeys/mini/b.json", "\"健康増進課\"", "\"健康増進科\"");
        MiniWorkspace.edit(data, "journeys/mini/challenges.json", "\"code\": \"1-01-1\"", "\"code\": \"9-99-9\"");
        DataFileException e = assertThrows(DataFileException.class, () -> new WorkspaceLoader(data).load("mini"));
        assertEquals(2, e.problems().size(), e.getMessage());
    }

    @Test
    void aBadFileLeavesTheDatabaseEmptyNotHalfLoaded() {
        MiniWorkspace.edit(data, "journeys/mini/b.json", "\"健康増進課\"", "\"健康増進科\"");
        Database db = Database.open(data.resolve("db/k.db"));
        Migrations.apply(db);
        assertThrows(DataFileException.class, () -> new WorkspaceImporter(db).importMissing(new WorkspaceLoader(data)));
        assertEquals(0L, db.<Long>read(c -> Sql.queryLong(c, "SELECT count(*) FROM workspace")));
        assertEquals(0L, db.<Long>read(c -> Sql.queryLong(c, "SELECT count(*) FROM actor")));
    }

    @Test
    void importIsDoneOnceAndKeepsEveryLink() {
        Database db = Database.open(data.resolve("db/k.db"));
        Migrations.apply(db);
        assertEquals(List.of("mini"), new WorkspaceImporter(db).importMissing(new WorkspaceLoader(data)));
        assertEquals(List.of(), new WorkspaceImporter(db).importMissing(new WorkspaceLoader(data)));
        assertEquals(1L, db.<Long>read(c -> Sql.queryLong(c, "SELECT count(*) FROM workspace")));
        assertEquals("健康増進課", db.read(c -> Sql.queryOne(c, """
                SELECT a.name FROM action x JOIN action_actor aa ON aa.action_id = x.id JOIN actor a ON a.id = aa.actor_id
                WHERE x.text = '発行時に一言添える'""", rs -> rs.getString(1)).orElseThrow()));
        assertEquals(1200L, db.<Long>read(c -> Sql.queryLong(c, "SELECT thousand_yen FROM budget WHERE fiscal_year = 2020")));
        assertEquals("1-01-1", db.read(c -> Sql.queryOne(c, """
                SELECT p.code FROM challenge_project cp JOIN project p ON p.id = cp.project_id""",
                rs -> rs.getString(1)).orElseThrow()));
    }

    @Test
    void theCanonicalFormIsStable() {
        LoadedWorkspace ws = new WorkspaceLoader(data).load("mini");
        assertEquals(MiniWorkspace.FRAMEWORK, DataJson.canonical(ws.framework()));
        assertEquals(MiniWorkspace.JOURNEY, DataJson.canonical(ws.journeys().get(0)));
        assertEquals(MiniWorkspace.WORKSPACE, DataJson.canonical(ws.workspace()));
    }
}
