package kusari.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kusari.TestApp;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.files.ImportReport.Item;
import kusari.files.ImportReport.Kind;
import kusari.files.ImportReport.WorkspacePlan;
import kusari.files.WorkspaceFiles.JourneyFile;
import kusari.files.WorkspaceFiles.LoadedWorkspace;
import kusari.files.WorkspaceFiles.StepEntry;
import kusari.change.ChangeEntry;
import kusari.change.ChangeLog;
import kusari.change.Operation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dry-run report says exactly what an import would do; applying does it in one go and records it. */
class ImportServiceTest {

    @TempDir
    Path tmp;
    private Database db;
    private Path files;

    @BeforeEach
    void sampleAndItsExport() throws IOException {
        db = TestApp.freshSampleDatabase(tmp);
        files = tmp.resolve("files");
        WorkspaceExporter.writeTo(files, new WorkspaceExporter(db).find("omitama").orElseThrow());
    }

    private LoadedWorkspace loaded() {
        return new WorkspaceLoader(files).load("omitama");
    }

    private void write(String path, Object content) throws IOException {
        Files.writeString(files.resolve(path), DataJson.canonical(content));
    }

    /** Edits the export: a step changed, a step inserted, persona and journey h removed, an actor added. */
    private void editExport() throws IOException {
        LoadedWorkspace ws = loaded();
        JourneyFile b = ws.journeys().stream().filter(j -> j.slug().equals("b")).findFirst().orElseThrow();
        List<StepEntry> steps = new ArrayList<>(b.steps());
        StepEntry third = steps.get(2);
        steps.set(2, new StepEntry(third.title(), third.emotionText(), third.emotionScore(), "窓口で声をかけられなかった",
                third.challenges(), third.actions()));
        steps.add(1, new StepEntry("子育てアプリを知る", "便利そう", 1, "", List.of(2), List.of()));
        write("journeys/omitama/b.json", new JourneyFile(b.slug(), b.persona(), b.title(), steps, b.readings()));
        Files.delete(files.resolve("journeys/omitama/h.json"));
        Files.delete(files.resolve("personas/omitama/h.json"));
        List<WorkspaceFiles.ActorEntry> actors = new ArrayList<>(ws.actors().actors());
        actors.add(new WorkspaceFiles.ActorEntry("子育てサークル", "PARTNER"));
        write("journeys/omitama/actors.json", new WorkspaceFiles.ActorsFile(actors));
    }

    private static List<String> lines(WorkspacePlan plan) {
        return plan.items().stream().map(i -> i.change() + " " + i.entity() + " " + i.label()).toList();
    }

    @Test
    void theDryRunListsWhatWouldBeAddedChangedAndRemovedAndWritesNothing() throws IOException {
        editExport();
        String before = DataJson.canonical(new WorkspaceExporter(db).find("omitama").orElseThrow().journeys());

        ImportReport report = new ImportService(db).dryRun(files);

        assertTrue(report.ok(), report.problems().toString());
        WorkspacePlan plan = report.workspaces().get(0);
        assertFalse(plan.isNew());
        List<String> lines = lines(plan);
        assertTrue(lines.contains("ADDED actor 子育てサークル"), lines.toString());
        assertTrue(lines.contains("REMOVED persona Hさん (h)"), lines.toString());
        assertTrue(lines.contains("CHANGED journey b: 妊娠から子育て広場まで"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("REMOVED journey h: ")), lines.toString());
        assertTrue(lines.contains("ADDED step b #2 子育てアプリを知る"), lines.toString());
        assertEquals(1, plan.of("step").stream().filter(i -> i.change() == Kind.CHANGED).count(),
                "only the edited step changed; the steps after the inserted one merely moved: " + lines);
        assertEquals(7, plan.of("step").stream().filter(i -> i.change() == Kind.REMOVED).count(), "Hさん's 7 steps go");
        assertEquals(0, plan.of("challenge").size());
        assertEquals(0, plan.of("project").size());
        assertTrue(plan.files().contains(new Item("file", "personas/omitama/h.json", "personas/omitama/h.json", Kind.REMOVED)));
        assertTrue(plan.files().contains(new Item("file", "journeys/omitama/actors.json", "journeys/omitama/actors.json", Kind.CHANGED)));
        assertEquals(4, plan.files().size(), plan.files().toString());

        assertEquals(before, DataJson.canonical(new WorkspaceExporter(db).find("omitama").orElseThrow().journeys()),
                "a dry run writes nothing");
        assertEquals(8L, db.<Long>read(c -> Sql.queryLong(c, "SELECT count(*) FROM persona")));
    }

    @Test
    void applyingReplacesTheWorkspaceKeepsItsIdAndRecordsTheImportInTheHistory() throws IOException {
        long id = db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM workspace WHERE slug = 'omitama'"));
        Map<String, String> shipped = WorkspaceExporter.fileMap(loaded());
        editExport();
        ImportService service = new ImportService(db);
        ImportReport report = service.dryRun(files);

        ImportService.Result result = service.apply(files, report.fingerprint());

        assertTrue(result.applied());
        assertEquals(Map.copyOf(WorkspaceExporter.fileMap(loaded())),
                Map.copyOf(WorkspaceExporter.fileMap(new WorkspaceExporter(db).find("omitama").orElseThrow())),
                "the database now holds exactly the files");
        assertEquals(id, db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM workspace WHERE slug = 'omitama'")));
        assertEquals(7L, db.<Long>read(c -> Sql.queryLong(c, "SELECT count(*) FROM persona WHERE workspace_id = ?", id)));
        assertEquals(2L, db.<Long>read(c -> Sql.queryLong(c, "SELECT version FROM workspace WHERE id = ?", id)),
                "the workspace's version moves on, so pages opened before the import cannot save over it");

        List<ChangeEntry> history = db.read(c -> ChangeLog.forWorkspace(c, id, null, 10));
        assertEquals(1, history.size());
        ChangeEntry entry = history.get(0);
        assertEquals(Operation.IMPORT, entry.operation());
        assertEquals("workspace", entry.entity());
        assertEquals(id, entry.entityId());
        assertTrue(entry.summary().startsWith("ファイルから取り込み: 追加 "), entry.summary());
        assertTrue(entry.before().has("personas/omitama/h.json"), "before: the files as they were");
        assertFalse(entry.after().has("personas/omitama/h.json"), "after: the files imported");
        assertEquals(DataJson.mapper().readTree(shipped.get("journeys/omitama/b.json")),
                entry.before().get("journeys/omitama/b.json"));
    }

    @Test
    void theRecordedBeforeTreeRestoresTheWorkspaceAsItWas() throws IOException {
        long id = db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM workspace WHERE slug = 'omitama'"));
        Map<String, String> original = WorkspaceExporter.fileMap(new WorkspaceExporter(db).find("omitama").orElseThrow());
        editExport();
        ImportService service = new ImportService(db);
        assertTrue(service.apply(files, service.dryRun(files).fingerprint()).applied());
        ChangeEntry entry = db.read(c -> ChangeLog.forWorkspace(c, id, null, 1)).get(0);

        db.inTransaction(c -> {
            ImportService.restore(c, id, entry.before());
            return null;
        });

        assertEquals(original, WorkspaceExporter.fileMap(new WorkspaceExporter(db).find("omitama").orElseThrow()),
                "reverting an import gives back the workspace byte for byte");
    }

    @Test
    void anImportIsUndoneFromTheHistoryAndTheUndoCanBeUndone() throws IOException {
        long id = db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM workspace WHERE slug = 'omitama'"));
        Map<String, String> original = WorkspaceExporter.fileMap(new WorkspaceExporter(db).find("omitama").orElseThrow());
        editExport();
        ImportService service = new ImportService(db);
        assertTrue(service.apply(files, service.dryRun(files).fingerprint()).applied());
        Map<String, String> imported = WorkspaceExporter.fileMap(new WorkspaceExporter(db).find("omitama").orElseThrow());
        long change = db.read(c -> ChangeLog.forWorkspace(c, id, null, 1)).get(0).id();
        var edits = new kusari.change.EditService(db, kusari.EditKinds.all(), ImportService.trees());

        long undo = edits.revert(id, change).changeId();
        assertEquals(original, WorkspaceExporter.fileMap(new WorkspaceExporter(db).find("omitama").orElseThrow()));
        edits.revert(id, undo);
        assertEquals(imported, WorkspaceExporter.fileMap(new WorkspaceExporter(db).find("omitama").orElseThrow()));
    }

    @Test
    void filesWithProblemsAreReportedWithFileAndPathAndNothingIsApplied() throws IOException {
        editExport();
        MiniWorkspace.edit(files, "journeys/omitama/b.json", "\"emotionScore\": 1,", "\"emotionScore\": 5,");
        MiniWorkspace.edit(files, "journeys/omitama/challenges.json", "\"code\": \"1-03-4\"", "\"code\": \"9-99-9\"");
        Files.createDirectories(files.resolve("personas/orphan"));

        ImportService service = new ImportService(db);
        ImportReport report = service.dryRun(files);

        assertFalse(report.ok());
        List<String> problems = report.problems().stream().map(DataFileProblem::toString).toList();
        assertTrue(problems.contains("journeys/omitama/b.json: $.steps[1].emotionScore: must be between -2 and 2, not 5"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("journeys/omitama/challenges.json: $.challenges[1].projects[0].code: unknown project code \"9-99-9\"")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("personas/orphan: $: has no journeys/orphan/ folder")), problems.toString());

        ImportService.Result result = service.apply(files, null);
        assertFalse(result.applied());
        assertEquals(8L, db.<Long>read(c -> Sql.queryLong(c, "SELECT count(*) FROM persona")));
        assertEquals(0L, db.<Long>read(c -> Sql.queryLong(c, "SELECT count(*) FROM change_log")));
    }

    @Test
    void aChangeMadeAfterTheDryRunMakesTheConfirmationStale() throws IOException {
        editExport();
        ImportService service = new ImportService(db);
        ImportReport report = service.dryRun(files);
        db.inTransaction(c -> Sql.update(c, "UPDATE step SET title = '別の人の編集' WHERE position = 1"));

        ImportService.Result result = service.apply(files, report.fingerprint());

        assertFalse(result.applied());
        assertTrue(result.stale());
        assertEquals(1L, db.<Long>read(c -> Sql.queryLong(c, "SELECT count(*) FROM persona WHERE slug = 'h'")));
        assertEquals(0L, db.<Long>read(c -> Sql.queryLong(c, "SELECT count(*) FROM change_log")));
    }

    @Test
    void theReportWarnsThatActualValuesTheFilesCannotHoldWouldBeLost() throws IOException {
        db.inTransaction(c -> Sql.update(c, """
                INSERT INTO actual (indicator_id, fiscal_year, value) SELECT min(id), 2020, 29.5 FROM indicator
                WHERE kind = 'ACTION'"""));
        // (goal indicators' and KPIs' actuals travel in framework.json; action indicators' cannot)
        editExport();
        WorkspacePlan plan = new ImportService(db).dryRun(files).workspaces().get(0);
        assertEquals(1, plan.actualsLost());

        Path same = tmp.resolve("same");
        WorkspaceExporter.writeTo(same, new WorkspaceExporter(db).find("omitama").orElseThrow());
        assertEquals(0, new ImportService(db).dryRun(same).workspaces().get(0).actualsLost(),
                "importing identical files replaces nothing, so nothing is lost");
    }

    @Test
    void importingTheSameFilesAgainChangesNothing() {
        ImportService service = new ImportService(db);
        ImportReport report = service.dryRun(files);
        assertTrue(report.ok());
        assertTrue(report.nothingToDo());
        assertTrue(service.apply(files, report.fingerprint()).applied());
        assertEquals(0L, db.<Long>read(c -> Sql.queryLong(c, "SELECT count(*) FROM change_log")));
    }

    @Test
    void aNewWorkspaceIsCreatedBesideTheExistingOne() {
        Path mini = tmp.resolve("mini");
        MiniWorkspace.write(mini);
        ImportService service = new ImportService(db);
        ImportReport report = service.dryRun(mini);
        WorkspacePlan plan = report.workspaces().get(0);
        assertTrue(plan.isNew());
        assertEquals("ミニ戦略", plan.name());
        assertEquals(List.of("ADDED actor 健康増進課", "ADDED actor 市民組織", "ADDED node 1 子育て", "ADDED node 1-01 子育て家族に優しい",
                "ADDED project 1-01-1 アプリ事業", "ADDED challenge 1 アプリが知られていない", "ADDED persona Bさん (b)",
                "ADDED journey b: 妊娠から子育て広場まで", "ADDED step b #1 妊娠・母子手帳"), lines(plan));

        assertTrue(service.apply(mini, report.fingerprint()).applied());
        assertEquals(List.of("mini", "omitama"), new WorkspaceExporter(db).slugs());
        ChangeEntry entry = db.read(c -> ChangeLog.forEntity(c, "workspace",
                Sql.queryLong(c, "SELECT id FROM workspace WHERE slug = 'mini'"))).get(0);
        assertEquals(Operation.IMPORT, entry.operation());
        assertNull(entry.before());
        assertTrue(entry.after().has("journeys/mini/workspace.json"));
    }
}
