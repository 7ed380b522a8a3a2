package kusari.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import kusari.db.Database;
import kusari.db.Migrations;
import kusari.db.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files are checked and written by the same field declarations as forms and the API. */
class DeclaredLimitsTest {

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
    void aPersonaLabelLongerThanTheFormAllowsIsRefusedWithItsLimit() {
        MiniWorkspace.edit(data, "personas/mini/b.json", "\"label\": \"Bさん\"", "\"label\": \"" + "長".repeat(41) + "\"");
        DataFileProblem p = onlyProblem();
        assertEquals("personas/mini/b.json", p.file());
        assertEquals("$.label", p.path());
        assertEquals("must be at most 40 characters long, not 41", p.message());
    }

    @Test
    void anActorKindOutsideTheDeclaredChoicesIsRefused() {
        MiniWorkspace.edit(data, "journeys/mini/actors.json", "GOVERNMENT", "GOV");
        DataFileProblem p = onlyProblem();
        assertEquals("$.actors[0].kind", p.path());
        assertEquals("must be GOVERNMENT or PARTNER, not \"GOV\"", p.message());
    }

    @Test
    void moreLevelsThanTheWorkspaceFormTakesAreRefused() {
        // up to five levels (重点戦略 / 戦略方針 / 具体的施策 / 具体的な取組 / 事業); six are refused
        MiniWorkspace.edit(data, "journeys/mini/workspace.json", "\"事業\"", "\"事業\", \"a\", \"b\", \"c\"");
        DataFileProblem p = onlyProblem();
        assertEquals("$.levels", p.path());
        assertEquals("must have at most 5 items, not 6", p.message());
    }

    @Test
    void replacingAWorkspaceReplacesItsCodePatternsToo() {
        MiniWorkspace.edit(data, "journeys/mini/workspace.json", "\"description\"", "\"codePatterns\": [\"9\"],\n\"description\"");
        WorkspaceFiles.LoadedWorkspace mini = new WorkspaceLoader(data).load("mini");
        Database db = Database.open(data.resolve("kusari.db"));
        Migrations.apply(db);
        long id = db.inTransaction(c -> WorkspaceImporter.insert(c, mini));
        db.inTransaction(c -> {
            WorkspaceImporter.replace(c, id, mini);
            return null;
        });
        assertEquals(List.of("9"), db.read(c -> Sql.query(c,
                "SELECT pattern FROM framework_code_pattern WHERE workspace_id = ? ORDER BY depth", rs -> rs.getString(1), id)));
        assertEquals(2L, db.<Long>read(c -> Sql.queryLong(c, "SELECT version FROM workspace WHERE id = ?", id)));
    }
}
