package kusari.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kusari.TestApp;
import kusari.db.Database;
import kusari.db.Migrations;
import kusari.db.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The English labels of a workspace's levels travel in its workspace.json ({@code levelsEn}): read on import,
 * written on export only when the workspace has some, checked like the form checks them.
 */
class LevelsEnInFilesTest {

    private static final String LABELLED = """
              "levels": [
                "政策分野",
                "施策",
                "事業"
              ],
              "levelsEn": [
                "policy field",
                "measure",
                "project"
              ],
            """;

    private static final String PLAIN = """
              "levels": [
                "政策分野",
                "施策",
                "事業"
              ],
            """;

    private static Database imported(Path dir, Path tmp) {
        Database db = Database.open(tmp.resolve("in.db"));
        Migrations.apply(db);
        ImportService service = new ImportService(db);
        ImportReport report = service.dryRun(dir);
        assertTrue(report.ok(), report.problems().toString());
        assertTrue(service.apply(dir, report.fingerprint()).applied());
        return db;
    }

    private static Database migrated(Path file) {
        Database db = Database.open(file);
        Migrations.apply(db);
        return db;
    }

    private static List<String> stored(Database db) {
        return db.read(c -> Sql.query(c, "SELECT label FROM framework_level_en ORDER BY depth", rs -> rs.getString(1)));
    }

    @Test
    void theSampleGivesItsFourLevelsEnglishLabels() {
        Database db = TestApp.sampleDatabase();
        assertEquals(List.of("Policy field", "Basic direction", "Measure", "Project"), stored(db));
    }

    @Test
    void labelsInTheFileAreStoredAndWrittenBackByteForByte(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("in");
        MiniWorkspace.write(dir);
        MiniWorkspace.edit(dir, "journeys/mini/workspace.json", PLAIN, LABELLED);
        Database db = imported(dir, tmp);
        assertEquals(List.of("policy field", "measure", "project"), stored(db));

        Path out = tmp.resolve("out");
        WorkspaceExporter.writeTo(out, new WorkspaceExporter(db).find("mini").orElseThrow());
        Map<String, String> before = ExportRoundTripTest.dataFiles(dir);
        Map<String, String> after = ExportRoundTripTest.dataFiles(out);
        assertEquals(before, after);
        assertTrue(after.get("journeys/mini/workspace.json").contains("\"levelsEn\": ["));
    }

    @Test
    void aFileWithoutLabelsMeansNoneAndComesBackWithoutTheKey(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("in");
        MiniWorkspace.write(dir);
        Database db = imported(dir, tmp);
        assertEquals(List.of(), stored(db));
        Path out = tmp.resolve("out");
        WorkspaceExporter.writeTo(out, new WorkspaceExporter(db).find("mini").orElseThrow());
        String written = Files.readString(out.resolve("journeys/mini/workspace.json"));
        assertFalse(written.contains("levelsEn"), written);
        assertEquals(Files.readString(dir.resolve("journeys/mini/workspace.json")), written);
    }

    @Test
    void importingAFileWithoutLabelsTakesAwayTheOnesTheDatabaseHad(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("in");
        MiniWorkspace.write(dir);
        MiniWorkspace.edit(dir, "journeys/mini/workspace.json", PLAIN, LABELLED);
        Database db = imported(dir, tmp);
        MiniWorkspace.edit(dir, "journeys/mini/workspace.json", LABELLED, PLAIN);
        ImportService service = new ImportService(db);
        ImportReport report = service.dryRun(dir);
        assertTrue(report.ok(), report.problems().toString());
        assertTrue(report.workspaces().get(0).items().stream()
                        .anyMatch(i -> i.entity().equals("workspace") && i.change() == ImportReport.Kind.CHANGED),
                "the report says the workspace changes: " + report.workspaces().get(0).items());
        assertTrue(service.apply(dir, report.fingerprint()).applied());
        assertEquals(List.of(), stored(db), "the files are what the workspace is: absent labels are no labels");
    }

    @Test
    void moreLabelsThanLevelsOrABlankLabelIsRefusedWithItsPlace(@TempDir Path tmp) {
        Path dir = tmp.resolve("in");
        MiniWorkspace.write(dir);
        MiniWorkspace.edit(dir, "journeys/mini/workspace.json", PLAIN, PLAIN.replace("  ],\n", """
                  ],
                  "levelsEn": ["policy field", "measure", "project", "extra"],
                """));
        ImportReport tooMany = new ImportService(migrated(tmp.resolve("a.db"))).dryRun(dir);
        assertFalse(tooMany.ok());
        assertTrue(tooMany.problems().stream().anyMatch(p -> p.path().equals("$.levelsEn")
                && p.message().contains("more English labels (4) than there are levels (3)")), tooMany.problems().toString());

        MiniWorkspace.write(dir);
        MiniWorkspace.edit(dir, "journeys/mini/workspace.json", PLAIN, PLAIN.replace("  ],\n", """
                  ],
                  "levelsEn": ["policy field", " "],
                """));
        ImportReport blank = new ImportService(migrated(tmp.resolve("b.db"))).dryRun(dir);
        assertFalse(blank.ok());
        assertTrue(blank.problems().stream().anyMatch(p -> p.path().equals("$.levelsEn[1]")
                && p.message().equals("must not be empty")), blank.problems().toString());
    }
}
