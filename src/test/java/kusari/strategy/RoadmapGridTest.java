package kusari.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import kusari.ApiClient;
import kusari.FreshAppTest;
import kusari.ApiClient.Answer;
import kusari.Http;
import kusari.db.Database;
import org.junit.jupiter.api.Test;

/** A roadmap of several rows (取組) × fiscal-year columns, entered through the API and shown as a table. */
class RoadmapGridTest extends FreshAppTest {

    private Answer cell(String track, String year, String text) {
        long project = db.<Long>read(c -> kusari.db.Sql.queryLong(c, "SELECT id FROM project WHERE code = '1-03-4'"));
        return api.post("/api/v1/workspaces/omitama/roadmap-entries", """
                {"project": %d, "track": "%s", "fiscalYear": "%s", "text": "%s"}""".formatted(project, track, year, text));
    }

    @Test
    void twoRowsInTheSameYearAreTakenAndShownAsAGrid() {
        assertEquals(201, cell("施設整備", "R3", "基本設計").status());
        assertEquals(201, cell("利用促進", "R3", "説明会の開催").status(), "a second row for the same year");
        assertEquals(201, cell("施設整備", "R4", "工事").status());
        Answer twice = cell("施設整備", "R3", "もう一つ");
        assertEquals(400, twice.status(), "one cell per row and year");
        String html = api.get("/w/omitama/projects/1-03-4").text();
        String grid = html.substring(html.indexOf("data-testid=\"roadmap-grid\""), html.indexOf("</table>",
                html.indexOf("data-testid=\"roadmap-grid\"")));
        String text = Http.text(grid);
        assertTrue(text.contains("施設整備") && text.contains("利用促進"), text);
        assertTrue(text.indexOf("基本設計") < text.indexOf("工事") && text.indexOf("工事") < text.indexOf("利用促進"),
                "row by row, years across: " + text);
        assertEquals(2, grid.split("<tr><th scope=\"row\">", -1).length - 1, "two rows");
    }

    @Test
    void theRowsTravelInTheFilesAndComeBackByteForByte() throws Exception {
        assertEquals(201, cell("施設整備", "R3", "基本設計").status());
        assertEquals(201, cell("利用促進", "R3", "説明会の開催").status());
        Path first = dir.resolve("first");
        kusari.files.WorkspaceExporter.writeTo(first, new kusari.files.WorkspaceExporter(db).find("omitama").orElseThrow());
        String framework = java.nio.file.Files.readString(first.resolve("journeys/omitama/framework.json"));
        assertTrue(framework.contains("\"track\": \"利用促進\""), "the row names are in the files");
        Database empty = Database.open(dir.resolve("empty.db"));
        kusari.db.Migrations.apply(empty);
        kusari.files.ImportService service = new kusari.files.ImportService(empty);
        kusari.files.ImportReport report = service.dryRun(first);
        assertTrue(report.ok(), report.problems().toString());
        assertTrue(service.apply(first, report.fingerprint()).applied());
        Path second = dir.resolve("second");
        kusari.files.WorkspaceExporter.writeTo(second, new kusari.files.WorkspaceExporter(empty).find("omitama").orElseThrow());
        assertEquals(framework, java.nio.file.Files.readString(second.resolve("journeys/omitama/framework.json")));
    }
}
