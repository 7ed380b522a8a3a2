package kusari.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import kusari.db.Database;
import kusari.db.Migrations;
import kusari.db.Sql;
import kusari.core.Workspace;
import kusari.core.WorkspaceRepository;
import kusari.trace.BudgetRollups;
import kusari.trace.ChainCheck;
import kusari.trace.Trace;
import kusari.trace.TraceKind;
import kusari.trace.TraceService;

/**
 * Measures traces, the chain check and the budget roll-ups on a synthetic workspace against a baseline of the same
 * machine in the same run: one indexed lookup (a project by its code) through the same Database. Reports medians and
 * their ratio to the baseline, so the figures compare across machines.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.mainClass=kusari.bench.TraceBenchmark -Dexec.classpathScope=test [-Dexec.args=0.1]
 * </pre>
 * The argument scales the size (1.0 = 1,000 personas, 20,000 steps, 5,000 projects, 10,000 indicators).
 */
public final class TraceBenchmark {

    /** One measured operation. */
    public record Result(String name, double medianMillis, double ratio, String note) {
    }

    private TraceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double factor = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        Path dir = Files.createTempDirectory("kusari-bench");
        SyntheticWorkspace.Size size = SyntheticWorkspace.Size.scaled(factor);
        long t0 = System.nanoTime();
        Database db = Database.open(dir.resolve("bench.db"));
        Migrations.apply(db);
        SyntheticWorkspace.generate(db, "bench", size);
        System.out.printf(Locale.ROOT, "generated %s in %.1f s (%s)%n", size, (System.nanoTime() - t0) / 1e9,
                dir.resolve("bench.db"));
        for (Result r : run(db, 15)) {
            System.out.printf(Locale.ROOT, "%-34s %9.2f ms  %8.0f× baseline  %s%n", r.name(), r.medianMillis(),
                    r.ratio(), r.note());
        }
    }

    /** Runs every measurement {@code rounds} times (after one warm-up) on the workspace "bench". */
    public static List<Result> run(Database db, int rounds) {
        Workspace ws = new WorkspaceRepository(db).findBySlug("bench").orElseThrow();
        TraceService traces = new TraceService(db);
        ChainCheck check = new ChainCheck(db, java.time.Clock.systemDefaultZone());
        BudgetRollups rollups = new BudgetRollups(db);
        String someProject = someProject(db, ws);
        String someStep = someStep(db, ws);

        double baseline = median(rounds * 20, () -> db.read(c -> Sql.queryOne(c,
                "SELECT id FROM project WHERE workspace_id = ? AND code = ?", rs -> rs.getLong(1), ws.id(), someProject)));
        List<Result> results = new ArrayList<>();
        results.add(new Result("baseline: project by code", baseline, 1, "one indexed lookup"));
        traceResult(results, "trace from a step", baseline, rounds, () -> traces.trace(ws, TraceKind.STEP, someStep).orElseThrow());
        traceResult(results, "trace from a challenge", baseline, rounds, () -> traces.trace(ws, TraceKind.CHALLENGE, "1").orElseThrow());
        traceResult(results, "trace from a project", baseline, rounds, () -> traces.trace(ws, TraceKind.PROJECT, someProject).orElseThrow());
        traceResult(results, "trace from a policy field", baseline, rounds, () -> traces.trace(ws, TraceKind.POLICY_FIELD, "1").orElseThrow());
        int[] breaks = new int[1];
        double whole = median(rounds, () -> breaks[0] = check.report(ws, null).open().size());
        results.add(new Result("chain check, whole workspace", whole, whole / baseline, breaks[0] + " breaks"));
        double journey = median(rounds, () -> breaks[0] = check.report(ws, "j0").open().size());
        results.add(new Result("chain check, one journey", journey, journey / baseline, breaks[0] + " breaks"));
        double budget = median(rounds, () -> rollups.all(ws));
        results.add(new Result("budget roll-ups (3)", budget, budget / baseline, ""));
        return results;
    }

    /**
     * The 99th percentile, in milliseconds, of the four traces of {@link #run} (from a step, a challenge, a project
     * and a policy field, keyed by those names) over {@code runs} runs each after one warm-up; a trace slower than
     * 20 s in all stops after at least 20 runs, so a slow build still ends.
     */
    public static Map<String, Double> traceP99(Database db, int runs) {
        Workspace ws = new WorkspaceRepository(db).findBySlug("bench").orElseThrow();
        TraceService traces = new TraceService(db);
        String someProject = someProject(db, ws);
        String someStep = someStep(db, ws);
        Map<String, Supplier<Trace>> work = new LinkedHashMap<>();
        work.put("step", () -> traces.trace(ws, TraceKind.STEP, someStep).orElseThrow());
        work.put("challenge", () -> traces.trace(ws, TraceKind.CHALLENGE, "1").orElseThrow());
        work.put("project", () -> traces.trace(ws, TraceKind.PROJECT, someProject).orElseThrow());
        work.put("policy field", () -> traces.trace(ws, TraceKind.POLICY_FIELD, "1").orElseThrow());
        Map<String, Double> p99 = new LinkedHashMap<>();
        work.forEach((name, trace) -> {
            trace.get();
            List<Double> ms = new ArrayList<>();
            long stop = System.nanoTime() + 20_000_000_000L;
            while (ms.size() < runs && (ms.size() < Math.min(20, runs) || System.nanoTime() < stop)) {
                long start = System.nanoTime();
                trace.get();
                ms.add((System.nanoTime() - start) / 1e6);
            }
            ms.sort(null);
            p99.put(name, ms.get(Math.min(ms.size() - 1, (int) Math.ceil(ms.size() * 0.99) - 1)));
        });
        return p99;
    }

    private static String someProject(Database db, Workspace ws) {
        return db.read(c -> Sql.queryOne(c,
                "SELECT code FROM project WHERE workspace_id = ? ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM project WHERE workspace_id = ?)",
                rs -> rs.getString(1), ws.id(), ws.id()).orElseThrow());
    }

    private static String someStep(Database db, Workspace ws) {
        return db.read(c -> Sql.queryOne(c, """
                SELECT j.slug || '-' || s.position FROM step s JOIN journey j ON j.id = s.journey_id
                JOIN step_challenge sc ON sc.step_id = s.id WHERE j.workspace_id = ? ORDER BY s.id LIMIT 1""",
                rs -> rs.getString(1), ws.id()).orElseThrow());
    }

    private static void traceResult(List<Result> results, String name, double baseline, int rounds, Supplier<Trace> trace) {
        Trace t = trace.get();
        double ms = median(rounds, trace::get);
        results.add(new Result(name, ms, ms / baseline, t.nodes().size() + " nodes, " + t.edges().size() + " edges"));
    }

    private static double median(int rounds, Runnable work) {
        work.run();
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[rounds / 2];
    }

    private static double median(int rounds, Supplier<?> work) {
        return median(rounds, (Runnable) work::get);
    }
}
