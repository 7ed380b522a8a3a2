package kusari.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kusari.EditKinds;
import kusari.change.SearchIndex;
import kusari.core.Workspace;
import kusari.core.WorkspaceRepository;
import kusari.db.Database;
import kusari.db.Migrations;
import kusari.db.Sql;
import kusari.search.SearchKinds;
import kusari.search.SearchResults;
import kusari.search.SearchService;

/**
 * Times the search's first page (20 results, ranked, with the total) on the synthetic workspace against a LIKE scan
 * over the same text answering the same question (the total and the first 20), per query and as a 99th percentile.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.mainClass=kusari.bench.SearchBenchmark -Dexec.classpathScope=test -Dexec.args=5.0
 * </pre>
 * A second argument names a database file to keep: written (and indexed) on the first run, measured again as it
 * is on later ones, so that a change to the search is measured without generating 100,000 steps each time; a third
 * the runs per query (30).
 */
public final class SearchBenchmark {

    /**
     * What people look for in the synthetic workspace: a persona, a challenge, a project, a step's pain point of one
     * position (one in twenty steps), an actor, and words of one and two characters.
     */
    static final List<String> QUERIES = List.of("P1234さん", "課題1234", "事業4321", "困りごと17", "担当777", "取組 担当12",
            "担当", "施策", "目", "P");

    /** One query's figures: its total, the index's and the LIKE scan's median and worst time over the runs. */
    public record Timing(String query, int total, double indexMedian, double indexWorst, double likeMedian) {
    }

    /** Every query's timing, and the 99th percentile of the index's first page over all runs of all queries. */
    public record Report(List<Timing> timings, double p99, double slowestRatio) {
    }

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double factor = args.length > 0 ? Double.parseDouble(args[0]) : 5.0;
        Path file = args.length > 1 ? Path.of(args[1])
                : Files.createTempDirectory("kusari-search-bench").resolve("bench.db");
        boolean kept = Files.isRegularFile(file);
        Database db = Database.open(file);
        Migrations.apply(db);
        long t0 = System.nanoTime();
        if (!kept) {
            SyntheticWorkspace.generate(db, "bench", SyntheticWorkspace.Size.scaled(factor));
        }
        long t1 = System.nanoTime();
        index(db);
        System.out.printf(Locale.ROOT, "generated in %.1f s, indexed in %.1f s (%d rows)%n", (t1 - t0) / 1e9,
                (System.nanoTime() - t1) / 1e9, db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM search_doc")));
        Report r = run(db, args.length > 2 ? Integer.parseInt(args[2]) : 30);
        print(r);
    }

    /** Indexes every workspace of a database written outside the write path (the generator). */
    static void index(Database db) {
        SearchIndex.declare(SearchKinds.ALL);
        SearchIndex.ensureBuilt(db);
    }

    static void print(Report r) {
        System.out.println("| query | results | first page (median / worst) | LIKE scan (median) | × |");
        System.out.println("|---|---|---|---|---|");
        for (Timing t : r.timings()) {
            System.out.printf(Locale.ROOT, "| %s | %,d | %.1f / %.1f ms | %.1f ms | %.0f× |%n", t.query(), t.total(),
                    t.indexMedian(), t.indexWorst(), t.likeMedian(), t.likeMedian() / t.indexMedian());
        }
        System.out.printf(Locale.ROOT, "p99 of the first page over every query: %.1f ms; smallest × : %.0f%n", r.p99(),
                r.slowestRatio());
    }

    /** Runs each query {@code runs} times (after one warm-up) through the index, and 3 times as a LIKE scan. */
    public static Report run(Database db, int runs) {
        index(db);
        Workspace ws = new WorkspaceRepository(db).findBySlug("bench").orElseThrow();
        SearchService search = new SearchService(db, EditKinds.all());
        List<Timing> timings = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        double slowestRatio = Double.MAX_VALUE;
        for (String q : QUERIES) {
            SearchResults first = search.search(ws, q, 0, 20);
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                search.search(ws, q, 0, 20);
                ms.add((System.nanoTime() - start) / 1e6);
            }
            all.addAll(ms);
            List<Double> like = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                likeScan(db, ws, q);
                like.add((System.nanoTime() - start) / 1e6);
            }
            ms.sort(null);
            like.sort(null);
            Timing t = new Timing(q, first.total(), ms.get(ms.size() / 2), ms.get(ms.size() - 1), like.get(1));
            slowestRatio = Math.min(slowestRatio, t.likeMedian() / t.indexMedian());
            timings.add(t);
        }
        all.sort(null);
        double p99 = all.get(Math.min(all.size() - 1, (int) Math.ceil(all.size() * 0.99) - 1));
        return new Report(timings, p99, slowestRatio);
    }

    /** The same question without the index: every word somewhere in the same text, the total and the first 20. */
    static Map<String, Object> likeScan(Database db, Workspace ws, String q) {
        String[] words = SearchIndex.fold(q).strip().split("\\s+");
        StringBuilder where = new StringBuilder("workspace_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(ws.id());
        for (String w : words) {
            where.append(" AND (title LIKE ? OR body LIKE ?)");
            params.add("%" + w + "%");
            params.add("%" + w + "%");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        db.read(c -> {
            out.put("total", Sql.queryLong(c, "SELECT COUNT(*) FROM search_doc WHERE " + where, params.toArray()));
            out.put("first", Sql.query(c, "SELECT kind, ref, title FROM search_doc WHERE " + where + " LIMIT 20",
                    rs -> rs.getString(3), params.toArray()));
            return null;
        });
        return out;
    }
}
