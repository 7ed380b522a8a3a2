package kusari.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import kusari.ApiClient;
import kusari.TestApp;
import kusari.db.Database;

/**
 * The live workshop under a room's load, end to end against the server as a child process (the recommended
 * settings of {@link Benchmark}): simulated phones post a card every few seconds each and vote, while a projector
 * and two facilitators' laptops hold the workshop's event stream and the two facilitators the journey editor's; one
 * facilitator changes a step now and then. Then a burst of cards from many more phones at once. Prints one markdown
 * table like {@link Benchmark}:
 * <pre>
 * mvn -q -DskipTests package exec:java -Dexec.mainClass=kusari.bench.WorkshopBenchmark -Dexec.classpathScope=test
 * </pre>
 * A card's latency is from just before its POST to the moment a client read its event, both on this process's
 * clock; every client must read every card (the phones too: the workshop shares cards), else the card is lost.
 */
public final class WorkshopBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "/api/v1/workspaces/omitama/workshops";
    /** Journey b has seven steps; a card goes to one of them at random. */
    private static final int STEPS = 7;

    /**
     * @param phones            phones in the room, each with its own event stream
     * @param cardEverySeconds  how often each phone posts a card
     * @param steadySeconds     how long the room writes and votes
     * @param stepChangeSeconds how often a facilitator changes a step in the journey editor
     * @param burstPhones       phones that post the burst (each within its rate limit of 10 a minute)
     * @param burstCardsEach    cards each of them posts at once
     * @param burstSenders      requests in flight at once during the burst
     * @param projectDir        the repository
     * @param launcher          the command after {@code java <recommended settings>} that starts Kusari
     */
    public record Options(int phones, int cardEverySeconds, int steadySeconds, int stepChangeSeconds, int burstPhones,
                          int burstCardsEach, int burstSenders, Path projectDir, List<String> launcher) {

        /** The room of the speed goal: 60 phones, a card every 10 s each, 2,000 cards in the burst. */
        public static Options full(Path projectDir) {
            return new Options(60, 10, 60, 5, 200, 10, 16, projectDir,
                    List.of("-jar", projectDir.resolve("target").resolve("kusari.jar").toString()));
        }

        /** A few seconds that show the harness still works. */
        public static Options tiny(Path projectDir, List<String> launcher) {
            return new Options(4, 1, 3, 1, 6, 5, 4, projectDir, launcher);
        }
    }

    /** Every measure of the table, in order. */
    public static List<String> measures() {
        return List.of(
                "card → every client, room: p99",
                "cards lost (stored, not seen by every client)",
                "votes lost (stored, not seen by the projector)",
                "journey step change → both editors: p99",
                "burst: sustained cards/s",
                "card → every client, burst: p99",
                "server CPU, room",
                "server CPU, burst",
                "server resident memory after the burst");
    }

    private WorkshopBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path projectDir = Path.of(System.getenv().getOrDefault("KUSARI_PROJECT_DIR", ".")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(projectDir.resolve("target").resolve("kusari.jar"))) {
            System.err.println("The benchmark runs target/kusari.jar; build it first: mvn -q -DskipTests package");
            System.exit(2);
            return;
        }
        Benchmark.Report report = run(Options.full(projectDir), System.err);
        System.out.println();
        System.out.println(report.markdown());
        System.exit(0);
    }

    /** A stream read on a thread of its own: every card's text, and when it was read. */
    static final class Listener implements AutoCloseable {
        final String name;
        final Map<String, Long> cards = new ConcurrentHashMap<>();
        final AtomicInteger votes = new AtomicInteger();
        final Map<String, Long> journeyTexts = new ConcurrentHashMap<>();
        final List<Long> cardIds = new CopyOnWriteArrayList<>();
        /** Streams the server ended while the run went on: the listener came back with its Last-Event-ID. */
        final AtomicInteger reconnects = new AtomicInteger();
        private final HttpClient http;
        private final String url;
        private final String cookie;
        private volatile HttpResponse<InputStream> response;
        private volatile boolean closed;
        private volatile String lastEventId;
        private final Thread reader;

        Listener(HttpClient http, String name, String url, String cookie) throws IOException, InterruptedException {
            this.name = name;
            this.http = http;
            this.url = url;
            this.cookie = cookie;
            response = connect();
            reader = new Thread(this::readAll, "bench-" + name);
            reader.setDaemon(true);
            reader.start();
        }

        private HttpResponse<InputStream> connect() throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
                    .header("Cookie", cookie);
            if (lastEventId != null) {
                b.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(name + ": HTTP " + r.statusCode());
            }
            return r;
        }

        /** Reads until closed, coming back as a browser's EventSource does when the server ends the stream. */
        private void readAll() {
            while (!closed) {
                read();
                if (closed) {
                    return;
                }
                try {
                    Thread.sleep(100);
                    response = connect();
                    reconnects.incrementAndGet();
                } catch (IOException | RuntimeException e) {
                    return;
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String event = null;
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("id: ")) {
                        lastEventId = line.substring(4);
                    } else if (line.startsWith("event: ")) {
                        event = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        long at = System.nanoTime();
                        JsonNode data = JSON.readTree(line.substring(6));
                        if ("card".equals(event)) {
                            cards.putIfAbsent(data.path("text").asText(), at);
                            cardIds.add(data.path("id").asLong());
                        } else if ("vote".equals(event)) {
                            votes.incrementAndGet();
                        } else if ("journey".equals(event)) {
                            // the whole map, or a patch whose inserted lines hold the new title (dropped lines are
                            // only counted): either way the first title found is the new one
                            String text = data.has("html") ? data.path("html").asText() : data.path("patch").toString();
                            int from = text.indexOf("bench-step-");
                            if (from >= 0) {
                                journeyTexts.putIfAbsent(text.substring(from, text.indexOf('<', from)), at);
                            }
                        }
                    }
                }
            } catch (IOException | RuntimeException gone) {
                // closed at the end of the run
            }
        }

        @Override
        public void close() throws IOException {
            closed = true;
            response.body().close();
        }
    }

    /** Kusari's HTTP answers, with the cookies a phone or a facilitator holds. */
    record Client(HttpClient http, String origin) {

        HttpResponse<String> send(String method, String path, String cookie, String body) throws IOException,
                InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(origin + path)).timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body))
                    .header("Cookie", "kusari_csrf=" + ApiClient.CSRF + (cookie == null ? "" : "; " + cookie))
                    .header("X-CSRF-Token", ApiClient.CSRF);
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        /** A new phone in the room: its participant cookie. */
        String join(String code) throws IOException, InterruptedException {
            HttpResponse<String> res = send("GET", "/j/" + code, null, null);
            return res.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("kusari_workshop_"))
                    .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no participant cookie: HTTP " + res.statusCode()));
        }
    }

    /** What one phase of cards gave: send times by card text, and the texts the server acknowledged. */
    static final class Sent {
        final Map<String, Long> at = new ConcurrentHashMap<>();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger stored = new AtomicInteger();
        final AtomicInteger votesStored = new AtomicInteger();

        void card(Client client, String code, String cookie, String text, Random random) {
            String body = JSON.createObjectNode().put("step", 1 + random.nextInt(STEPS))
                    .put("kind", List.of("JOY", "TROUBLE", "IDEA").get(random.nextInt(3))).put("text", text).toString();
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> res = client.send("POST", "/api/v1/join/" + code + "/cards", cookie, body);
                if (res.statusCode() == 201) {
                    at.put(text, t0);
                    stored.incrementAndGet();
                } else {
                    refused.incrementAndGet();
                }
            } catch (IOException e) {
                refused.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs the room and the burst; progress goes to {@code log}. */
    public static Benchmark.Report run(Options o, PrintStream log) throws Exception {
        String loadAtStart = loadAverage();
        Path dir = Files.createTempDirectory("kusari-workshop-bench");
        Database db = TestApp.freshSampleDatabase(dir);
        String admin = TestApp.adminCookie(db);
        long stepId = db.read(c -> kusari.db.Sql.queryLong(c, "SELECT s.id FROM step s JOIN journey j ON j.id ="
                + " s.journey_id JOIN workspace w ON w.id = j.workspace_id WHERE w.slug = 'omitama' AND j.slug = 'b'"
                + " AND s.position = 1"));
        Path dbFile = db.file();
        db.close();
        Benchmark.Options serverOptions = new Benchmark.Options(0, 0, 0, 0, 0, false, 0, 0, Duration.ofSeconds(30),
                o.projectDir(), o.launcher());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "bench-http");
                    t.setDaemon(true);
                    return t;
                })).build();
        List<Listener> listeners = new ArrayList<>();
        List<Benchmark.Row> rows = new ArrayList<>();
        try (Benchmark.Server server = Benchmark.Server.start(serverOptions, dbFile, o.projectDir().resolve("static"),
                dir.resolve("server.log"))) {
            String origin = "http://127.0.0.1:" + server.port;
            Client client = new Client(http, origin);
            HttpResponse<String> opened = client.send("POST", BASE, admin,
                    "{\"journey\": \"b\", \"title\": \"ベンチマークの会\"}");
            if (opened.statusCode() != 201) {
                throw new IllegalStateException("the workshop did not open: " + opened.body());
            }
            JsonNode w = JSON.readTree(opened.body());
            long id = w.get("id").asLong();
            String code = w.get("code").asText();
            // voting is open from the start, so that the room votes while it writes
            client.send("PATCH", BASE + "/" + id, admin, "{\"phase\": \"VOTE\", \"version\": " + w.get("version").asLong() + "}");

            log.printf(Locale.ROOT, "%d phones join and listen; a projector and two editors listen%n", o.phones());
            String board = origin + BASE + "/" + id + "/events";
            listeners.add(new Listener(http, "projector", board, admin));
            listeners.add(new Listener(http, "editor-1-board", board, admin));
            listeners.add(new Listener(http, "editor-2-board", board, admin));
            Listener editor1 = new Listener(http, "editor-1-journey", origin + "/w/omitama/journeys/b/edit/events",
                    admin);
            Listener editor2 = new Listener(http, "editor-2-journey", origin + "/w/omitama/journeys/b/edit/events",
                    admin);
            List<String> phones = new ArrayList<>();
            for (int i = 0; i < o.phones(); i++) {
                String cookie = client.join(code);
                phones.add(cookie);
                listeners.add(new Listener(http, "phone-" + i, origin + "/api/v1/join/" + code + "/events", cookie));
            }
            Thread.sleep(500);

            // ---- the room
            log.printf(Locale.ROOT, "the room: a card every %d s from each phone for %d s, votes, step changes%n",
                    o.cardEverySeconds(), o.steadySeconds());
            Sent room = new Sent();
            Map<String, Long> stepChanges = new ConcurrentHashMap<>();
            ScheduledExecutorService clock = Executors.newScheduledThreadPool(8);
            Random seed = new Random(13);
            AtomicInteger counter = new AtomicInteger();
            double[] cpu0 = {server.cpuSeconds()};
            long roomStart = System.nanoTime();
            for (int i = 0; i < phones.size(); i++) {
                String cookie = phones.get(i);
                Random random = new Random(seed.nextLong());
                long offset = (long) (random.nextDouble() * o.cardEverySeconds() * 1000);
                AtomicInteger votes = new AtomicInteger();
                clock.scheduleAtFixedRate(() -> {
                    room.card(client, code, cookie, "bench-room-" + counter.incrementAndGet(), random);
                    // three votes each, on cards the phone has seen
                    List<Long> seen = listeners.get(0).cardIds;
                    if (!seen.isEmpty() && votes.get() < 3 && random.nextBoolean()) {
                        try {
                            long card = seen.get(random.nextInt(seen.size()));
                            if (client.send("POST", "/api/v1/join/" + code + "/cards/" + card + "/vote", cookie, null)
                                    .statusCode() == 200) {
                                votes.incrementAndGet();
                                room.votesStored.incrementAndGet();
                            }
                        } catch (IOException | InterruptedException e) {
                            // counted as not stored
                        }
                    }
                }, offset, o.cardEverySeconds() * 1000L, TimeUnit.MILLISECONDS);
            }
            AtomicInteger changes = new AtomicInteger();
            clock.scheduleAtFixedRate(() -> {
                String title = "bench-step-" + changes.incrementAndGet();
                try {
                    long version = JSON.readTree(client.send("GET", "/api/v1/workspaces/omitama/steps/" + stepId,
                            admin, null).body()).get("version").asLong();
                    long t0 = System.nanoTime();
                    if (client.send("PATCH", "/api/v1/workspaces/omitama/steps/" + stepId, admin,
                            "{\"version\": " + version + ", \"title\": \"" + title + "\"}").statusCode() == 200) {
                        stepChanges.put(title, t0);
                    }
                } catch (IOException | InterruptedException | RuntimeException e) {
                    // a change that failed is not measured
                }
            }, 700, o.stepChangeSeconds() * 1000L, TimeUnit.MILLISECONDS);
            Thread.sleep(o.steadySeconds() * 1000L);
            clock.shutdown();
            clock.awaitTermination(30, TimeUnit.SECONDS);
            double roomSeconds = (System.nanoTime() - roomStart) / 1e9;
            double roomCpu = server.cpuSeconds() - cpu0[0];
            drain(listeners, room.at, Duration.ofSeconds(10));
            double[] roomLatency = latencies(listeners, room.at);
            long roomLost = lost(listeners, room.at);
            log.printf(Locale.ROOT, "room: %d cards stored, %d refused, %d votes; p99 %.1f ms%n", room.stored.get(),
                    room.refused.get(), room.votesStored.get(), percentile(roomLatency, 99));
            // the projector has seen every vote once the votes are in
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (listeners.get(0).votes.get() < room.votesStored.get() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            int votesLost = Math.max(0, room.votesStored.get() - listeners.get(0).votes.get());
            Thread.sleep(300);
            double[] stepLatency = journeyLatencies(List.of(editor1, editor2), stepChanges);
            long stepsLost = stepChanges.size() * 2L - stepLatency.length;

            // ---- the burst
            log.printf(Locale.ROOT, "the burst: %d phones post %d cards each, %d at once%n", o.burstPhones(),
                    o.burstCardsEach(), o.burstSenders());
            List<String> burstPhones = new ArrayList<>();
            for (int i = 0; i < o.burstPhones(); i++) {
                burstPhones.add(client.join(code));
            }
            Sent burst = new Sent();
            ExecutorService senders = Executors.newFixedThreadPool(o.burstSenders());
            double cpuBurst0 = server.cpuSeconds();
            long burstStart = System.nanoTime();
            AtomicLong lastAck = new AtomicLong(burstStart);
            for (int n = 0; n < o.burstCardsEach(); n++) {
                for (int p = 0; p < burstPhones.size(); p++) {
                    String cookie = burstPhones.get(p);
                    String text = "bench-burst-" + p + "-" + n;
                    Random random = new Random(p * 31L + n);
                    senders.execute(() -> {
                        burst.card(client, code, cookie, text, random);
                        lastAck.accumulateAndGet(System.nanoTime(), Math::max);
                    });
                }
            }
            senders.shutdown();
            senders.awaitTermination(10, TimeUnit.MINUTES);
            double burstSeconds = (lastAck.get() - burstStart) / 1e9;
            double burstCpu = server.cpuSeconds() - cpuBurst0;
            drain(listeners, burst.at, Duration.ofSeconds(30));
            double[] burstLatency = latencies(listeners, burst.at);
            long burstLost = lost(listeners, burst.at);
            double rate = burst.stored.get() / burstSeconds;
            double rss = server.residentMegabytes();
            log.printf(Locale.ROOT, "burst: %d cards stored, %d refused in %.2f s%n", burst.stored.get(),
                    burst.refused.get(), burstSeconds);

            int clients = listeners.size();
            double p99 = percentile(roomLatency, 99);
            rows.add(row(measures().get(0), p99, String.format(Locale.ROOT,
                    "%s ms (p50 %s, max %s; %d cards × %d clients)", Benchmark.fmt(p99),
                    Benchmark.fmt(percentile(roomLatency, 50)), Benchmark.fmt(percentile(roomLatency, 100)),
                    room.stored.get(), clients), "≤ 100 ms (aim 50)", p99 <= 100));
            long allLost = roomLost + burstLost;
            rows.add(row(measures().get(1), allLost, String.format(Locale.ROOT,
                    "%d of %d deliveries (%d cards × %d clients; %d streams ended by the server and resumed;"
                            + " %d refused by the server)", allLost,
                    (long) (room.stored.get() + burst.stored.get()) * clients, room.stored.get() + burst.stored.get(),
                    clients, listeners.stream().mapToInt(l -> l.reconnects.get()).sum(),
                    room.refused.get() + burst.refused.get()), "0", allLost == 0));
            rows.add(row(measures().get(2), votesLost, votesLost + " of " + room.votesStored.get(), "0", votesLost == 0));
            double stepP99 = percentile(stepLatency, 99);
            rows.add(row(measures().get(3), stepP99, String.format(Locale.ROOT, "%s ms (%d changes, %d not seen)",
                    Benchmark.fmt(stepP99), stepChanges.size(), stepsLost), "≤ 1000 ms",
                    stepP99 <= 1000 && stepsLost == 0 && !stepChanges.isEmpty()));
            rows.add(row(measures().get(4), rate, String.format(Locale.ROOT, "%s cards/s (%d cards in %s s)",
                    Benchmark.fmt(rate), burst.stored.get(), Benchmark.fmt(burstSeconds)), "≥ 200", rate >= 200));
            double burstP99 = percentile(burstLatency, 99);
            rows.add(row(measures().get(5), burstP99, String.format(Locale.ROOT, "%s ms (p50 %s; %d clients)",
                    Benchmark.fmt(burstP99), Benchmark.fmt(percentile(burstLatency, 50)), clients),
                    "≤ 1000 ms", burstP99 <= 1000));
            double roomShare = 100 * roomCpu / roomSeconds;
            rows.add(row(measures().get(6), roomShare, String.format(Locale.ROOT, "%s %% of one core (%s CPU-s in %s s)",
                    Benchmark.fmt(roomShare), Benchmark.fmt(roomCpu), Benchmark.fmt(roomSeconds)), "≤ 100 %",
                    roomShare <= 100));
            double burstShare = 100 * burstCpu / burstSeconds;
            rows.add(row(measures().get(7), burstShare, String.format(Locale.ROOT,
                    "%s %% of one core (%s CPU-s in %s s)", Benchmark.fmt(burstShare), Benchmark.fmt(burstCpu),
                    Benchmark.fmt(burstSeconds)), "≤ 200 % (2 cores)", burstShare <= 200));
            rows.add(row(measures().get(8), rss, Benchmark.fmt(rss) + " MB", "≤ 256 MB", rss <= 256));
            editor1.close();
            editor2.close();
        } finally {
            for (Listener l : listeners) {
                try {
                    l.close();
                } catch (IOException | RuntimeException e) {
                    // gone with the server
                }
            }
            // the server's log outlives the run: a stream the server ended says why there
            try {
                Path kept = o.projectDir().resolve("target").resolve("workshop-benchmark-server.log");
                Files.createDirectories(kept.getParent());
                Files.copy(dir.resolve("server.log"), kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                log.println("the server's log could not be kept: " + e);
            }
            Benchmark.deleteTree(dir);
        }
        String machine = String.format(Locale.ROOT,
                "Machine: %s cores (nproc), %s; load average at start %s, at end %s; %d phones, a card every %d s"
                        + " each for %d s, burst %d × %d cards; server %s",
                Runtime.getRuntime().availableProcessors(), Benchmark.cpuModel(), loadAtStart, loadAverage(),
                o.phones(), o.cardEverySeconds(), o.steadySeconds(), o.burstPhones(), o.burstCardsEach(),
                Benchmark.HEAP);
        return new Benchmark.Report(machine, rows);
    }

    /** Waits until every client has read every card of {@code sent}, or {@code limit} has passed. */
    private static void drain(List<Listener> listeners, Map<String, Long> sent, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline && lostNow(listeners, sent) > 0) {
            Thread.sleep(20);
        }
    }

    private static long lostNow(List<Listener> listeners, Map<String, Long> sent) {
        long missing = 0;
        for (Listener l : listeners) {
            for (String text : sent.keySet()) {
                if (!l.cards.containsKey(text)) {
                    missing++;
                }
            }
        }
        return missing;
    }

    private static long lost(List<Listener> listeners, Map<String, Long> sent) {
        return lostNow(listeners, sent);
    }

    /** Milliseconds from each card's POST to each client's reading of it. */
    private static double[] latencies(List<Listener> listeners, Map<String, Long> sent) {
        List<Double> all = new ArrayList<>();
        for (Listener l : listeners) {
            sent.forEach((text, t0) -> {
                Long at = l.cards.get(text);
                if (at != null) {
                    all.add((at - t0) / 1e6);
                }
            });
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] journeyLatencies(List<Listener> editors, Map<String, Long> changes) {
        List<Double> all = new ArrayList<>();
        for (Listener l : editors) {
            changes.forEach((title, t0) -> {
                Long at = l.journeyTexts.get(title);
                if (at != null) {
                    all.add((at - t0) / 1e6);
                }
            });
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double percentile(double[] values, int p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static Benchmark.Row row(String measure, double value, String figure, String goal, boolean pass) {
        return new Benchmark.Row(measure, value, figure, goal, Double.isNaN(value) ? Benchmark.Verdict.BROKEN
                : pass ? Benchmark.Verdict.PASS : Benchmark.Verdict.FAIL);
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
