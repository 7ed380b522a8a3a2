package kusari.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.util.List;
import kusari.TestApp;
import org.junit.jupiter.api.Test;

/**
 * The workshop benchmark still runs from end to end with a tiny room: every measure has its row and a number, and
 * no card is lost even here. The speed goals are the benchmark's business, measured by hand on a quiet machine.
 */
class WorkshopBenchmarkTest {

    @Test
    void aTinyRoomFillsEveryRowAndLosesNoCard() throws Exception {
        List<String> launcher = List.of("-cp", System.getProperty("java.class.path"), "kusari.App");
        PrintStream log = new PrintStream(System.out, true, "UTF-8");
        Benchmark.Report report = WorkshopBenchmark.run(WorkshopBenchmark.Options.tiny(TestApp.PROJECT_DIR, launcher),
                log);
        log.println(report.markdown());

        assertEquals(WorkshopBenchmark.measures(), report.rows().stream().map(Benchmark.Row::measure).toList());
        assertTrue(report.machine().startsWith("Machine: "), report.machine());
        for (Benchmark.Row row : report.rows()) {
            assertNotEquals(Benchmark.Verdict.BROKEN, row.verdict(), row.toString());
            assertTrue(Double.isFinite(row.value()) && row.value() >= 0, row.toString());
            assertTrue(row.figure().matches("[0-9].*"), row.toString());
        }
        // losing a card is wrong at any speed, and the tiny room's cards were all stored (none refused)
        Benchmark.Row lost = report.rows().get(1);
        assertEquals(0, lost.value(), lost.toString());
        assertTrue(lost.figure().endsWith("; 0 refused by the server)"), lost.toString());
        assertEquals(0, report.rows().get(2).value(), "no vote lost");
    }
}
