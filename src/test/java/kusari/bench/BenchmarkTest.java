package kusari.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.util.List;
import kusari.TestApp;
import org.junit.jupiter.api.Test;

/**
 * The benchmark harness still runs from end to end on a tiny workspace: every measure has its row and a number.
 * Whether the goals pass is the benchmark's business, measured by hand on a quiet machine, not asserted here.
 */
class BenchmarkTest {

    @Test
    void theTinyBenchmarkFillsEveryRowOfTheTableWithANumber() throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        boolean wrk = Benchmark.onPath("wrk");
        // CI installs wrk (.ci/run); elsewhere, without it, only the HTTP timings are checked
        assertTrue(wrk || !ci, "wrk is not installed; CI must install it (.ci/run)");
        // the test classes' own class path starts the server: target/kusari.jar is built after the tests
        List<String> launcher = List.of("-cp", System.getProperty("java.class.path"), "kusari.App");
        PrintStream log = new PrintStream(System.out, true, "UTF-8");
        Benchmark.Report report = Benchmark.run(Benchmark.Options.tiny(TestApp.PROJECT_DIR, launcher, ci), log);
        log.println(report.markdown());

        assertEquals(Benchmark.measures(), report.rows().stream().map(Benchmark.Row::measure).toList());
        assertTrue(report.machine().startsWith("Machine: "), report.machine());
        assertTrue(report.markdown().contains("| measure | figure | goal | pass/fail |"), report.markdown());
        for (Benchmark.Row row : report.rows()) {
            if (row.verdict() == Benchmark.Verdict.SKIPPED) {
                assertFalse(wrk, "measured with wrk, yet skipped: " + row);
                assertTrue(row.measure().contains("same-bytes file"), "only wrk's measures may be skipped: " + row);
                continue;
            }
            assertNotEquals(Benchmark.Verdict.BROKEN, row.verdict(), row.toString());
            assertTrue(Double.isFinite(row.value()) && row.value() >= 0, row.toString());
            assertTrue(row.figure().matches("[0-9].*"), row.toString());
        }
    }
}
