package kusari.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kusari.db.Database;
import kusari.db.Migrations;
import kusari.db.Sql;
import kusari.files.WorkspaceImporter;
import kusari.files.WorkspaceLoader;

/**
 * Measures the product's speed goals end to end and prints one markdown table (measure, figure, goal, pass/fail).
 * It builds nothing itself: it expects {@code target/kusari.jar}, so one Maven invocation packages and runs it:
 * <pre>
 * mvn -q -DskipTests package exec:java -Dexec.mainClass=kusari.bench.Benchmark -Dexec.classpathScope=test
 * </pre>
 * It writes two databases (the sample workspace plus a synthetic workspace "bench" of 10,000 and of 100,000 steps),
 * starts the jar as a child process at -Xmx256m on a free port of 127.0.0.1, compares the sample's pages with a
 * static file of the same bytes under wrk, times the large workspace's pages, measures traces in-process, the cold
 * start and the resident memory, stops the server and prints the table. Every wait is bounded, so it ends by itself.
 * Figures are noisy on a shared machine; the header line names the machine and its load at start and end.
 */
public final class Benchmark {

    /** How one measure compares with its goal; BROKEN: the page failed or timed out, SKIPPED: not measured here. */
    public enum Verdict { PASS, FAIL, BROKEN, SKIPPED }

    /** One line of the table; {@code value} is the number the goal is about (NaN when broken or skipped). */
    public record Row(String measure, double value, String figure, String goal, Verdict verdict) {
    }

    /** The table and the machine it was measured on. */
    public record Report(String machine, List<Row> rows) {

        public String markdown() {
            StringBuilder out = new StringBuilder(machine).append("\n\n");
            out.append("| measure | figure | goal | pass/fail |\n|---|---|---|---|\n");
            for (Row r : rows) {
                out.append("| ").append(r.measure()).append(" | ").append(r.figure()).append(" | ").append(r.goal())
                        .append(" | ").append(r.verdict().name().toLowerCase(Locale.ROOT)).append(" |\n");
            }
            return out.toString();
        }
    }

    /**
     * @param smallFactor   size of the smaller synthetic workspace (1.0 = 20,000 steps; 0.5 = 10,000)
     * @param largeFactor   size of the larger one (5.0 = 100,000 steps)
     * @param wrkRounds     rounds of (page, static) per page
     * @param wrkSeconds    length of one wrk run
     * @param wrkWarmup     seconds of unmeasured wrk on each page and its file before the rounds (0: none)
     * @param wrkRequired   fail instead of skipping the wrk measures when wrk is missing
     * @param mixedRequests requests before the resident memory is read
     * @param traceRuns     runs of each trace for its 99th percentile
     * @param pageTimeout   longest wait for one answer of a large page
     * @param projectDir    the repository (static/, personas/, journeys/)
     * @param launcher      the command after {@code java -Xmx256m} that starts Kusari
     */
    public record Options(double smallFactor, double largeFactor, int wrkRounds, int wrkSeconds, int wrkWarmup,
                          boolean wrkRequired, int mixedRequests, int traceRuns, Duration pageTimeout,
                          Path projectDir, List<String> launcher) {

        /** The real benchmark: 10,000 and 100,000 steps, the packaged jar. */
        public static Options full(Path projectDir) {
            return new Options(0.5, 5.0, 3, 4, 2, true, 10_000, 200, Duration.ofSeconds(60), projectDir,
                    List.of("-jar", projectDir.resolve("target").resolve("kusari.jar").toString()));
        }

        /** A short check that the harness still works (sizes 0.001 and 0.002, one wrk round of 2 s per page). */
        public static Options tiny(Path projectDir, List<String> launcher, boolean wrkRequired) {
            return new Options(0.001, 0.002, 1, 2, 0, wrkRequired, 200, 5, Duration.ofSeconds(15), projectDir,
                    launcher);
        }
    }

    /** The heap the product is measured at (and recommended to run with). */
    static final String HEAP = "-Xmx256m";
    /**
     * The settings docs/performance.md recommends for a server, with which the server is measured: the heap above,
     * a serial collector that gives unused heap back, smaller thread stacks and code cache. With them glibc is
     * asked for two malloc arenas ({@code MALLOC_ARENA_MAX=2}) instead of one per thread.
     */
    static final List<String> RECOMMENDED = List.of(HEAP, "-Xms32m", "-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30", "-Xss512k", "-XX:ReservedCodeCacheSize=48m", "-XX:MaxMetaspaceSize=128m",
            "-XX:CICompilerCount=2", "-XX:MaxDirectMemorySize=32m");
    private static final String WORKSPACE = "bench";

    /** The sample's pages compared with a file of their bytes, by short name. */
    static final Map<String, String> SAMPLE_PAGES = new LinkedHashMap<>();
    /** The large workspace's pages and API timed once each, by name. */
    static final Map<String, String> LARGE_PAGES = new LinkedHashMap<>();
    static final List<String> TRACES = List.of("step", "challenge", "project", "policy field");
    private static final String ACTOR = "{actor}";

    static {
        SAMPLE_PAGES.put("journey map", "/w/omitama/journeys/b");
        SAMPLE_PAGES.put("persona", "/w/omitama/personas/b");
        SAMPLE_PAGES.put("challenge", "/w/omitama/challenges/2");
        SAMPLE_PAGES.put("actor", "/w/omitama/actors/" + ACTOR);
        LARGE_PAGES.put("home", "/w/bench");
        LARGE_PAGES.put("matrix", "/w/bench/matrix");
        LARGE_PAGES.put("indicators", "/w/bench/indicators");
        LARGE_PAGES.put("chain check page", "/w/bench/chain-check");
        LARGE_PAGES.put("chain check API", "/api/v1/workspaces/bench/chain-check");
        LARGE_PAGES.put("actor directory", "/w/bench/actors");
        LARGE_PAGES.put("busiest actor", "/w/bench/actors/" + ACTOR);
        LARGE_PAGES.put("review grid", "/w/bench/review/2022");
        LARGE_PAGES.put("budgets", "/w/bench/budgets");
    }

    /** Every measure of the table, in order (the tiny test checks that none goes missing). */
    public static List<String> measures() {
        List<String> names = new ArrayList<>();
        SAMPLE_PAGES.forEach((name, path) -> {
            names.add(name + " " + path + ": req/s vs same-bytes file");
            names.add(name + " " + path + ": p99 vs same-bytes file");
        });
        LARGE_PAGES.forEach((name, path) -> {
            names.add("100k steps, " + name + " " + path + ": time");
            names.add("100k steps, " + name + " " + path + ": time, first view after a change");
            names.add("100k steps, " + name + " " + path + ": bytes");
        });
        for (String t : TRACES) {
            names.add("trace from a " + t + ", 100k steps: p99");
            names.add("trace from a " + t + ": p99 at 100k / at 10k steps");
        }
        names.add("search, first page at 100k steps: p99");
        names.add("search, first page vs a LIKE scan at 100k steps: smallest ratio");
        names.add("cold start: launch to first page (with the class-data archive)");
        names.add("cold start without the class-data archive");
        names.add("resident memory after mixed requests (" + HEAP + ", recommended settings)");
        return names;
    }

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path projectDir = Path.of(System.getenv().getOrDefault("KUSARI_PROJECT_DIR", ".")).toAbsolutePath().normalize();
        Options options = Options.full(projectDir);
        Path jar = projectDir.resolve("target").resolve("kusari.jar");
        if (!Files.isRegularFile(jar)) {
            System.err.println("The benchmark runs target/kusari.jar; build it first: mvn -q -DskipTests package");
            System.exit(2);
            return;
        }
        Report report = run(options, System.err);
        System.out.println();
        System.out.println(report.markdown());
    }

    /** Runs every measure; progress goes to {@code log}. */
    public static Report run(Options o, java.io.PrintStream log) throws Exception {
        String loadAtStart = loadAverage();
        Path dir = Files.createTempDirectory("kusari-bench");
        try {
            List<Row> rows = new ArrayList<>();
            SyntheticWorkspace.Size smallSize = SyntheticWorkspace.Size.scaled(o.smallFactor());
            SyntheticWorkspace.Size largeSize = SyntheticWorkspace.Size.scaled(o.largeFactor());
            log.printf(Locale.ROOT, "writing %d and %d steps into %s%n", smallSize.steps(), largeSize.steps(), dir);
            Database small = generate(o, dir.resolve("small.db"), smallSize);
            Database large = generate(o, dir.resolve("large.db"), largeSize);
            Path staticDir = copyStatic(o, dir.resolve("static"));

            // The first start on a database seals its history once; the cold start is measured on later ones. The
            // first start also writes the class-data archive docs/performance.md recommends: the classes loaded
            // while it starts and shows the sample's pages, read at the next start from one mapped file.
            String actor = String.valueOf(busiestActor(small, "omitama"));
            Path archive = dir.resolve("kusari.jsa");
            try (Server first = Server.start(o, small.file(), staticDir, dir.resolve("server-first.log"),
                    List.of("-XX:ArchiveClassesAtExit=" + archive))) {
                log.printf(Locale.ROOT, "first start (10k) answered after %.2f s%n", first.startSeconds);
                for (String path : SAMPLE_PAGES.values()) {
                    first.get(path.replace(ACTOR, actor), o.pageTimeout());
                }
            }
            boolean archived = Files.isRegularFile(archive);
            double plainStart;
            try (Server plain = Server.start(o, small.file(), staticDir, dir.resolve("server-plain.log"))) {
                plainStart = plain.startSeconds;
            }
            double coldStart;
            double rss;
            String rssNote;
            try (Server server = Server.start(o, small.file(), staticDir, dir.resolve("server-small.log"),
                    archived ? List.of("-XX:SharedArchiveFile=" + archive) : List.of())) {
                coldStart = server.startSeconds;
                log.printf(Locale.ROOT, "cold start %.2f s (%.2f s without the archive); comparing pages with files%n",
                        coldStart, plainStart);
                rows.addAll(pagesAgainstFiles(o, server, staticDir, actor, log));
                log.println("mixed requests");
                int[] done = mixedRequests(o, server, actor);
                rss = server.residentMegabytes();
                rssNote = String.format(Locale.ROOT, " (%d requests, %d not 200)", done[0], done[1]);
            }

            log.println("timing the large workspace's pages");
            Server[] server = {Server.start(o, large.file(), staticDir, dir.resolve("server-large.log"))};
            try {
                rows.addAll(largePages(o, server, () -> Server.start(o, large.file(), staticDir,
                        dir.resolve("server-large-again.log")), String.valueOf(busiestActor(large, WORKSPACE)), large,
                        log));
            } finally {
                server[0].close();
            }

            log.println("traces in-process");
            // one unmeasured pass, so that neither size is measured while the code is still being compiled
            TraceBenchmark.traceP99(small, Math.min(20, o.traceRuns()));
            Map<String, Double> traces10k = TraceBenchmark.traceP99(small, o.traceRuns());
            Map<String, Double> traces100k = TraceBenchmark.traceP99(large, o.traceRuns());
            for (String t : TRACES) {
                double at100k = traces100k.get(t);
                double ratio = at100k / traces10k.get(t);
                rows.add(row("trace from a " + t + ", 100k steps: p99", at100k, fmt(at100k) + " ms", "≤ 20 ms",
                        at100k <= 20));
                rows.add(row("trace from a " + t + ": p99 at 100k / at 10k steps", ratio,
                        fmt(ratio) + "× (" + fmt(traces10k.get(t)) + " ms at 10k)", "≤ 3×", ratio <= 3));
            }
            log.println("search in-process");
            SearchBenchmark.Report search = SearchBenchmark.run(large, Math.max(5, o.traceRuns() / 4));
            SearchBenchmark.print(search);
            rows.add(row("search, first page at 100k steps: p99", search.p99(), fmt(search.p99()) + " ms", "≤ 50 ms",
                    search.p99() <= 50));
            rows.add(row("search, first page vs a LIKE scan at 100k steps: smallest ratio", search.slowestRatio(),
                    fmt(search.slowestRatio()) + "× (over " + SearchBenchmark.QUERIES.size() + " queries)", "≥ 20×",
                    search.slowestRatio() >= 20));
            rows.add(row("cold start: launch to first page (with the class-data archive)", coldStart,
                    fmt(coldStart) + " s" + (archived ? "" : " (no archive was written)"), "≤ 1 s", coldStart <= 1));
            rows.add(row("cold start without the class-data archive", plainStart, fmt(plainStart) + " s",
                    "(for comparison)", true));
            rows.add(row("resident memory after mixed requests (" + HEAP + ", recommended settings)", rss,
                    fmt(rss) + " MB" + rssNote,
                    "≤ 256 MB", rss <= 256));

            List<String> order = measures();
            rows.sort(Comparator.comparingInt(r -> order.indexOf(r.measure())));
            String machine = String.format(Locale.ROOT,
                    "Machine: %s cores (nproc), %s; load average at start %s, at end %s; %d and %d steps; server %s",
                    nproc(), cpuModel(), loadAtStart, loadAverage(), smallSize.steps(), largeSize.steps(), HEAP);
            return new Report(machine, rows);
        } finally {
            deleteTree(dir);
        }
    }

    // ---- the databases and the static copy

    private static Database generate(Options o, Path file, SyntheticWorkspace.Size size) {
        Database db = Database.open(file);
        Migrations.apply(db);
        new WorkspaceImporter(db).importMissing(new WorkspaceLoader(o.projectDir()));
        SyntheticWorkspace.generate(db, WORKSPACE, size);
        // the generator writes past the write path: index it as a start would
        SearchBenchmark.index(db);
        return db;
    }

    private static Path copyStatic(Options o, Path target) throws IOException {
        Path source = o.projectDir().resolve("static");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    /** The actor of the workspace named in the most actions (the heaviest actor page). */
    private static long busiestActor(Database db, String workspace) {
        return db.read(c -> Sql.queryOne(c, """
                SELECT a.id FROM actor a JOIN workspace w ON w.id = a.workspace_id
                LEFT JOIN action_actor aa ON aa.actor_id = a.id
                WHERE w.slug = ? GROUP BY a.id ORDER BY count(aa.action_id) DESC, a.id LIMIT 1""",
                rs -> rs.getLong(1), workspace).orElseThrow());
    }

    // ---- pages against a file of the same bytes (wrk)

    private static List<Row> pagesAgainstFiles(Options o, Server server, Path staticDir, String actor,
                                               java.io.PrintStream log) throws Exception {
        List<Row> rows = new ArrayList<>();
        boolean haveWrk = onPath("wrk");
        if (!haveWrk && o.wrkRequired()) {
            throw new IllegalStateException("wrk is not installed (apt-get install -y wrk); CI needs it");
        }
        for (Map.Entry<String, String> e : SAMPLE_PAGES.entrySet()) {
            String name = e.getKey();
            String path = e.getValue().replace(ACTOR, actor);
            String speed = name + " " + e.getValue() + ": req/s vs same-bytes file";
            String tail = name + " " + e.getValue() + ": p99 vs same-bytes file";
            if (!haveWrk) {
                rows.add(new Row(speed, Double.NaN, "not measured: wrk is missing", "≥ 0.5×", Verdict.SKIPPED));
                rows.add(new Row(tail, Double.NaN, "not measured: wrk is missing", "≤ 3×", Verdict.SKIPPED));
                continue;
            }
            Answer page = server.get(path, o.pageTimeout());
            if (page.status() != 200) {
                rows.add(broken(speed, page.describe(), "≥ 0.5×"));
                rows.add(broken(tail, page.describe(), "≤ 3×"));
                continue;
            }
            // The copy must be the page's bytes and must go out as the same class of content (text/html, and the
            // same security headers from the before-handlers), or the comparison measures something else.
            String fileName = "bench-" + name.replace(' ', '-') + ".html";
            Files.write(staticDir.resolve(fileName), page.body());
            String filePath = "/static/" + fileName;
            Answer file = server.get(filePath, o.pageTimeout());
            if (file.status() != 200 || !Arrays.equals(file.body(), page.body())
                    || !file.contentType().startsWith("text/html")) {
                String why = "the file copy differs: " + file.describe() + ", " + file.contentType();
                rows.add(broken(speed, why, "≥ 0.5×"));
                rows.add(broken(tail, why, "≤ 3×"));
                continue;
            }
            // a few answers first, so that wrk's first second does not wait for the page's first compilation
            for (int i = 0; i < 5; i++) {
                server.get(path, o.pageTimeout());
                server.get(filePath, o.pageTimeout());
            }
            if (o.wrkWarmup() > 0) {
                wrk(server, path, o.wrkWarmup());
                wrk(server, filePath, o.wrkWarmup());
            }
            List<WrkRun> pageRuns = new ArrayList<>();
            List<WrkRun> fileRuns = new ArrayList<>();
            for (int round = 0; round < o.wrkRounds(); round++) {
                pageRuns.add(wrk(server, path, o.wrkSeconds()));
                fileRuns.add(wrk(server, filePath, o.wrkSeconds()));
            }
            double pageRate = pageRuns.stream().mapToDouble(WrkRun::requestsPerSecond).average().orElse(Double.NaN);
            double fileRate = fileRuns.stream().mapToDouble(WrkRun::requestsPerSecond).average().orElse(Double.NaN);
            double pageP99 = median(pageRuns.stream().mapToDouble(WrkRun::p99Millis).toArray());
            double fileP99 = median(fileRuns.stream().mapToDouble(WrkRun::p99Millis).toArray());
            long errors = Stream.concat(pageRuns.stream(), fileRuns.stream()).mapToLong(WrkRun::errors).sum();
            String note = String.format(Locale.ROOT, "%d bytes, %d×%ds", page.body().length, o.wrkRounds(),
                    o.wrkSeconds()) + (errors > 0 ? ", " + errors + " errors" : "");
            log.printf(Locale.ROOT, "%s: %.0f vs %.0f req/s, p99 %.1f vs %.1f ms (%s)%n", name, pageRate, fileRate,
                    pageP99, fileP99, note);
            if (!(pageRate > 0) || !(fileRate > 0) || !(fileP99 > 0)) {
                rows.add(broken(speed, "wrk measured nothing (" + note + ")", "≥ 0.5×"));
                rows.add(broken(tail, "wrk measured nothing (" + note + ")", "≤ 3×"));
                continue;
            }
            double rateRatio = pageRate / fileRate;
            double tailRatio = pageP99 / fileP99;
            rows.add(row(speed, rateRatio, fmt(rateRatio) + "× (" + fmt(pageRate) + " vs " + fmt(fileRate)
                    + " req/s; " + note + ")", "≥ 0.5×", rateRatio >= 0.5 && errors == 0));
            rows.add(row(tail, tailRatio, fmt(tailRatio) + "× (" + fmt(pageP99) + " vs " + fmt(fileP99) + " ms)",
                    "≤ 3×", tailRatio <= 3 && errors == 0));
        }
        return rows;
    }

    /** One wrk run: 32 connections, its requests per second, 99th percentile and failed requests. */
    record WrkRun(double requestsPerSecond, double p99Millis, long errors) {
    }

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s*([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s|m)\\b");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s*(\\d+)");
    private static final Pattern SOCKET = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private static WrkRun wrk(Server server, String path, int seconds) throws IOException, InterruptedException {
        List<String> command = List.of("wrk", "-t2", "-c32", "-d" + seconds + "s", "--latency", "--timeout", "10s",
                "http://127.0.0.1:" + server.port + path);
        String out = runBounded(command, Duration.ofSeconds(seconds + 20L));
        return parseWrk(out);
    }

    static WrkRun parseWrk(String out) {
        Matcher rate = RATE.matcher(out);
        Matcher p99 = P99.matcher(out);
        double r = rate.find() ? Double.parseDouble(rate.group(1)) : Double.NaN;
        double ms = Double.NaN;
        if (p99.find()) {
            double v = Double.parseDouble(p99.group(1));
            ms = switch (p99.group(2)) {
                case "us" -> v / 1000;
                case "s" -> v * 1000;
                case "m" -> v * 60_000;
                default -> v;
            };
        }
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(out);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET.matcher(out);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        return new WrkRun(r, ms, errors);
    }

    // ---- the large workspace's pages

    /** Starts the server again after a page brought it down. */
    private interface Restart {
        Server start() throws IOException, InterruptedException;
    }

    private static List<Row> largePages(Options o, Server[] server, Restart restart, String actor, Database large,
                                        java.io.PrintStream log) throws Exception {
        List<Row> rows = new ArrayList<>();
        // One unmeasured pass first, so the figure is a warm server's answer rather than the first compilation.
        Map<String, Answer> first = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : LARGE_PAGES.entrySet()) {
            first.put(e.getKey(), survive(server, restart, e.getValue().replace(ACTOR, actor), o, log));
        }
        // Warm and unchanged, every page before any change: a page may be kept while the data stays as it is.
        Map<String, Answer> warm = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : LARGE_PAGES.entrySet()) {
            Answer before = first.get(e.getKey());
            Answer a = before.status() == 200
                    ? survive(server, restart, e.getValue().replace(ACTOR, actor), o, log) : before;
            log.printf(Locale.ROOT, "%s: %s%n", e.getKey(), a.describe());
            warm.put(e.getKey(), a);
        }
        for (Map.Entry<String, String> e : LARGE_PAGES.entrySet()) {
            String prefix = "100k steps, " + e.getKey() + " " + e.getValue();
            Answer a = warm.get(e.getKey());
            if (a.status() != 200) {
                String why = a.describe() + (a.status() >= 500 ? server[0].lastProblem() : "");
                rows.add(broken(prefix + ": time", why, "≤ 1 s"));
                rows.add(broken(prefix + ": time, first view after a change", why, "≤ 1 s"));
                rows.add(broken(prefix + ": bytes", why, "≤ 5 MB"));
                continue;
            }
            double mb = a.body().length / 1e6;
            rows.add(row(prefix + ": time", a.seconds(), fmt(a.seconds()) + " s", "≤ 1 s", a.seconds() <= 1));
            // The first view after a change pays for the whole page: a change before each page's view.
            change(large);
            Answer changed = survive(server, restart, e.getValue().replace(ACTOR, actor), o, log);
            log.printf(Locale.ROOT, "%s after a change: %s%n", e.getKey(), changed.describe());
            rows.add(changed.status() == 200
                    ? row(prefix + ": time, first view after a change", changed.seconds(),
                            fmt(changed.seconds()) + " s", "≤ 1 s", changed.seconds() <= 1)
                    : broken(prefix + ": time, first view after a change", changed.describe(), "≤ 1 s"));
            rows.add(row(prefix + ": bytes", mb, fmt(mb) + " MB", "≤ 5 MB", mb <= 5));
        }
        return rows;
    }

    private static int changes;

    /**
     * A committed change to the large workspace, as another editor's would be: a step's emotion text. The server
     * notices it by the data's generation, like any commit from another process.
     */
    private static void change(Database large) {
        String text = "ベンチマークの変更 " + (++changes);
        large.inTransaction(c -> kusari.db.Sql.update(c, "UPDATE step SET emotion_text = ? WHERE id = (SELECT s.id "
                + "FROM step s JOIN journey j ON j.id = s.journey_id JOIN workspace w ON w.id = j.workspace_id "
                + "WHERE w.slug = ? ORDER BY s.id LIMIT 1)", text, WORKSPACE));
    }

    /** One answer; when the server stopped under it (out of memory), says so and starts it again for the next. */
    private static Answer survive(Server[] server, Restart restart, String path, Options o, java.io.PrintStream log)
            throws IOException, InterruptedException {
        Answer a = server[0].get(path, o.pageTimeout());
        if (!server[0].process.isAlive()) {
            int exit = server[0].process.exitValue();
            log.printf(Locale.ROOT, "the server stopped answering %s (exit %d); starting it again%n", path, exit);
            server[0].close();
            server[0] = restart.start();
            return new Answer(-1, new byte[0], a.seconds(), "", "the server stopped (exit " + exit + ")");
        }
        return a;
    }

    // ---- resident memory

    /** Sends the sample's pages, its API, a static file and now and then a large page; returns {done, not 200}. */
    private static int[] mixedRequests(Options o, Server server, String actor) throws InterruptedException {
        List<String> mix = new ArrayList<>(List.of("/w/omitama", "/w/omitama/journeys/b", "/w/omitama/personas/b",
                "/w/omitama/challenges/2", "/w/omitama/actors/" + actor, "/w/omitama/challenges", "/w/omitama/personas",
                "/w/omitama/actors", "/w/omitama/matrix", "/w/omitama/indicators", "/w/omitama/framework",
                "/w/omitama/chain-check", "/api/v1/workspaces/omitama/chain-check", "/static/css/app.css"));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger bad = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long deadline = System.nanoTime() + Duration.ofSeconds(o.mixedRequests() / 50L + 30).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            pool.execute(() -> {
                int i;
                while ((i = next.getAndIncrement()) < o.mixedRequests() && System.nanoTime() < deadline) {
                    // one in a hundred is a page of the synthetic workspace, to give the heap some real work
                    String path = i % 100 == 99 ? (i % 200 == 199 ? "/w/bench/indicators" : "/w/bench")
                            : mix.get(i % mix.size());
                    if (server.get(path, Duration.ofSeconds(30)).status() != 200) {
                        bad.incrementAndGet();
                    }
                    done.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(Duration.ofSeconds(o.mixedRequests() / 50L + 90).toSeconds(), TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        return new int[] {done.get(), bad.get()};
    }

    // ---- the server as a child process

    /** One answer: status (-1 when none came), body, seconds until the whole body was read. */
    record Answer(int status, byte[] body, double seconds, String contentType, String error) {

        String describe() {
            if (status < 0) {
                return "failed: " + error + " after " + fmt(seconds) + " s";
            }
            return "HTTP " + status + ", " + body.length + " bytes in " + fmt(seconds) + " s";
        }
    }

    /** Kusari started with {@code java -Xmx256m …} on a free port, answering once {@link #start} returns. */
    static final class Server implements AutoCloseable {

        private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

        private static final Pattern PROBLEM = Pattern.compile("^(?:Caused by: )?([a-z][\\w.$]*(?:Exception|Error)(?::.*)?)$");

        final Process process;
        final int port;
        final double startSeconds;
        private final Path log;

        private Server(Process process, int port, double startSeconds, Path log) {
            this.process = process;
            this.port = port;
            this.startSeconds = startSeconds;
            this.log = log;
        }

        /** The last exception the server logged, e.g. " (java.lang.OutOfMemoryError: Java heap space)"; or "". */
        String lastProblem() {
            String last = "";
            try {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    Matcher m = PROBLEM.matcher(line.strip());
                    if (m.matches()) {
                        last = m.group(1);
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                return "";
            }
            last = last.replace('|', '/');
            return last.isEmpty() ? "" : " (" + (last.length() > 120 ? last.substring(0, 120) + "…" : last) + ")";
        }

        static Server start(Options o, Path db, Path staticDir, Path log) throws IOException, InterruptedException {
            return start(o, db, staticDir, log, List.of());
        }

        /** Started with {@code jvm} options after the recommended ones (e.g. a class-data archive). */
        static Server start(Options o, Path db, Path staticDir, Path log, List<String> jvm)
                throws IOException, InterruptedException {
            int port = freePort();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(RECOMMENDED);
            command.addAll(jvm);
            command.addAll(o.launcher());
            ProcessBuilder pb = new ProcessBuilder(command).directory(o.projectDir().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().remove("KUSARI_DEV");
            pb.environment().put("MALLOC_ARENA_MAX", "2");
            pb.environment().put("KUSARI_DB", db.toString());
            pb.environment().put("KUSARI_PORT", String.valueOf(port));
            pb.environment().put("KUSARI_DATA", o.projectDir().toString());
            pb.environment().put("KUSARI_STATIC_DIR", staticDir.toString());
            long t0 = System.nanoTime();
            Process process = pb.start();
            Server server = new Server(process, port, Double.NaN, log);
            long deadline = t0 + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kusari stopped at start (exit " + process.exitValue() + "): "
                            + tail(log));
                }
                if (server.get("/w/omitama", Duration.ofSeconds(10)).status() == 200) {
                    return new Server(process, port, (System.nanoTime() - t0) / 1e9, log);
                }
                Thread.sleep(10);
            }
            server.close();
            throw new IllegalStateException("Kusari did not answer within 90 s: " + tail(log));
        }

        Answer get(String path, Duration timeout) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(timeout).GET().build();
            long t0 = System.nanoTime();
            try {
                HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
                return new Answer(r.statusCode(), r.body(), (System.nanoTime() - t0) / 1e9,
                        r.headers().firstValue("Content-Type").orElse(""), null);
            } catch (HttpTimeoutException e) {
                return new Answer(-1, new byte[0], (System.nanoTime() - t0) / 1e9, "", "timed out");
            } catch (IOException e) {
                return new Answer(-1, new byte[0], (System.nanoTime() - t0) / 1e9, "", String.valueOf(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer(-1, new byte[0], (System.nanoTime() - t0) / 1e9, "", "interrupted");
            }
        }

        /** CPU time the server process has used so far (user and system), in seconds. */
        double cpuSeconds() throws IOException {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            // the fields after the command's name, which is in parentheses and may hold spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime are fields 14 and 15 of the whole line, in clock ticks (USER_HZ, 100 on Linux)
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        }

        /** VmRSS of the server process, in MB (10^6 bytes). */
        double residentMegabytes() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024 / 1e6;
                }
            }
            return Double.NaN;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    // ---- helpers

    private static Row row(String measure, double value, String figure, String goal, boolean pass) {
        return new Row(measure, value, figure, goal, pass ? Verdict.PASS : Verdict.FAIL);
    }

    private static Row broken(String measure, String why, String goal) {
        return new Row(measure, Double.NaN, why, goal, Verdict.BROKEN);
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a command, giving up after {@code limit}; returns what it printed. */
    private static String runBounded(List<String> command, Duration limit) throws IOException, InterruptedException {
        Path out = Files.createTempFile("kusari-bench", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static String nproc() {
        try {
            return runBounded(List.of("nproc"), Duration.ofSeconds(5)).strip();
        } catch (IOException | InterruptedException e) {
            return String.valueOf(Runtime.getRuntime().availableProcessors());
        }
    }

    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("CPU model unknown");
        } catch (IOException e) {
            return "CPU model unknown";
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
