package kusari.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kusari.TestApp;
import kusari.db.Database;
import kusari.db.Migrations;
import kusari.db.Sql;
import kusari.EditKinds;
import kusari.files.ImportReport;
import kusari.files.ImportService;
import kusari.files.WorkspaceExporter;
import kusari.change.EditService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Goal indicators' and KPIs' values by fiscal year travel in framework.json and come back unchanged. */
class ActualsInFilesTest {

    @TempDir
    Path tmp;

    @Test
    void actualsForecastsAndUnassessableYearsRoundTripThroughTheFiles() throws IOException {
        Database db = TestApp.freshSampleDatabase(tmp.resolve("a"));
        long ws = db.read(c -> Sql.queryLong(c, "SELECT id FROM workspace WHERE slug = 'omitama'"));
        long birthRate = db.read(c -> Sql.queryLong(c, "SELECT id FROM indicator WHERE name = '合計特殊出生率'"));
        long migration = db.read(c -> Sql.queryLong(c, "SELECT id FROM indicator WHERE name = '社会移動率'"));
        ReviewService reviews = new ReviewService(db, new EditService(db, EditKinds.all()));
        reviews.save(ws, 2020, List.of(
                new ReviewService.Cell(birthRate, 0, "ACTUAL", "1.55", "2021-06", "人口動態統計", "", null),
                new ReviewService.Cell(migration, 0, "NOT_ASSESSABLE", "", "", "", "国勢調査の公表待ち", null)));
        reviews.save(ws, 2021, List.of(new ReviewService.Cell(birthRate, 0, "FORECAST", "1.6", "", "", "推計", null)));

        Path first = tmp.resolve("first");
        WorkspaceExporter.writeTo(first, new WorkspaceExporter(db).find("omitama").orElseThrow());
        String framework = Files.readString(first.resolve("journeys/omitama/framework.json"));
        assertTrue(framework.contains("\"actuals\": ["), framework);
        assertTrue(framework.contains("\"state\": \"NOT_ASSESSABLE\""), framework);
        assertTrue(framework.contains("\"note\": \"国勢調査の公表待ち\""), framework);
        assertEquals(3, framework.split("\"fiscalYear\": 202[01],\n\\s+\"state\"").length - 1, "three values");

        Database empty = Database.open(tmp.resolve("empty.db"));
        Migrations.apply(empty);
        ImportService service = new ImportService(empty);
        ImportReport report = service.dryRun(first);
        assertTrue(report.ok(), report.problems().toString());
        assertTrue(service.apply(first, report.fingerprint()).applied());
        assertEquals(3L, (long) empty.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM actual")));

        Path second = tmp.resolve("second");
        WorkspaceExporter.writeTo(second, new WorkspaceExporter(empty).find("omitama").orElseThrow());
        assertEquals(framework, Files.readString(second.resolve("journeys/omitama/framework.json")));
    }

    @Test
    void aFileWithAWrongValueIsRefusedWithItsPath() throws IOException {
        Path dir = tmp.resolve("bad");
        Database db = TestApp.freshSampleDatabase(tmp.resolve("b"));
        WorkspaceExporter.writeTo(dir, new WorkspaceExporter(db).find("omitama").orElseThrow());
        Path file = dir.resolve("journeys/omitama/framework.json");
        String text = Files.readString(file);
        // The first indicator gets an unassessable year without its reason.
        text = text.replaceFirst("(\"fiscalYear\": 2024\n(\\s+)})", "$1,\n$2\"actuals\": [\n$2  {\n$2    \"fiscalYear\": 2020,\n"
                + "$2    \"state\": \"NOT_ASSESSABLE\",\n$2    \"value\": null,\n$2    \"dataDate\": \"\",\n"
                + "$2    \"source\": \"\",\n$2    \"note\": \"\"\n$2  }\n$2]");
        Files.writeString(file, text);
        ImportReport report = new ImportService(db).dryRun(dir);
        assertTrue(report.problems().toString().contains(".actuals[0].note"), report.problems().toString());
    }
}
