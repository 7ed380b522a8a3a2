package kusari.trace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.change.Change;
import kusari.change.ChangeLog;
import kusari.change.Operation;
import kusari.core.StoredCode;
import kusari.core.ValidationException;
import kusari.core.Workspace;
import kusari.trace.ChainCheckRepository.StepRow;
import kusari.web.Links;

/**
 * Finds every place where the chain of experiences breaks, and keeps planners' dismissals of breaks they accept.
 * The whole check is a fixed number of set-based queries per workspace. Independent of Javalin.
 */
public final class ChainCheck implements ChainSummary {

    /** The longest reason a dismissal takes, in characters; the form says it beside the box. */
    public static final int MAX_REASON = 500;
    /** History summaries are written once, in the product's default language, like the rest of the timeline. */
    private static final kusari.core.Ui HISTORY = new kusari.core.Ui(kusari.core.Ui.Lang.JA, "", "");

    private final Database database;
    private final Clock clock;
    /**
     * Reports already made, under the data's generation: the home page, the chain check page and its API ask for the
     * same report again and again while nothing changes, and at 100,000 steps one check reads for most of a second.
     * Any commit (by any process) moves the generation on, so a kept report is never one of older data; the key also
     * holds the fiscal year whose actuals are due, which moves with the date, not with the data.
     */
    private final com.github.benmanes.caffeine.cache.Cache<Kept, ChainReport> kept =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(64)
                    .expireAfterAccess(java.time.Duration.ofMinutes(10)).build();

    /**
     * The counts and scores of a check, kept apart from its listed breaks: the home page, the chain check page and
     * the API list different windows of the same check, and the counting query is most of its cost.
     */
    private final com.github.benmanes.caffeine.cache.Cache<Kept, Tally> tallies =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(32)
                    .expireAfterAccess(java.time.Duration.ofMinutes(10)).build();

    /** What a kept report or tally was made from; {@code window} is null for a tally. */
    private record Kept(long generation, Workspace ws, String journey, ChainReport.Window window, Integer actualYear) {
    }

    /**
     * Open breaks per kind, the kinds with dismissed breaks and the journeys' scores: everything of a check but its
     * breaks one by one.
     */
    private record Tally(Set<BreakKind> checks, Map<BreakKind, Long> counts, Set<BreakKind> withDismissals,
                         List<ChainReport.JourneyScore> scores) {
    }

    public ChainCheck(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The report for the workspace, or for one journey (its step breaks and score) when {@code journey} is set. */
    public ChainReport report(Workspace ws, String journey) {
        return report(ws, journey, ChainReport.Window.ALL);
    }

    /**
     * The report with only the open breaks of {@code window} listed; the counts per kind, the dismissed breaks and
     * the scores are always those of the whole check. At 100,000 steps the open breaks run into six figures, so
     * only the listed ones are ever built.
     */
    public ChainReport report(Workspace ws, String journey, ChainReport.Window window) {
        Kept key = new Kept(database.generation(), ws, journey, window, lastCompletedFiscalYear(ws));
        ChainReport known = kept.getIfPresent(key);
        if (known != null) {
            return known;
        }
        // made outside the caches' locks: two first views at once both check, rather than one waiting on the other
        ChainReport made = database.read(c -> {
            Kept tallyKey = new Kept(key.generation(), ws, journey, null, key.actualYear());
            Tally tally = tallies.getIfPresent(tallyKey);
            if (tally == null) {
                tally = tally(c, ws, journey, key.actualYear());
                tallies.put(tallyKey, tally);
            }
            return report(c, ws, journey, window, tally, key.actualYear());
        });
        kept.put(key, made);
        return made;
    }

    /** Counts per kind, dismissed breaks and scores, with no open break listed: what the home page shows. */
    @Override
    public ChainReport glance(Workspace ws) {
        return report(ws, null, ChainReport.Window.NONE);
    }

    /** The kind named by a request's {@code kind} parameter; null (every kind) when absent. */
    static BreakKind kindFilter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return StoredCode.find(BreakKind.class, value.strip()).orElseThrow(() -> ValidationException.of("kind",
                "chain.param.kind", value.strip(), StoredCode.listed(BreakKind.class)));
    }

    /** The fiscal year whose actuals should be in: the last one ended, but no later than the plan's end. */
    public Integer lastCompletedFiscalYear(Workspace ws) {
        LocalDate today = LocalDate.now(clock);
        int current = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
        int last = Math.min(current - 1, ws.planTo());
        return last < ws.planFrom() ? null : last;
    }

    /** What the checks read to list breaks one by one: a fixed number of set-based queries, read once per report. */
    private record Facts(List<StepRow> steps, Map<Long, List<Long>> actors, Map<Long, List<Long>> challenges,
                         Map<Long, List<Long>> projects, List<ChainCheckRepository.ChallengeRow> challengeRows,
                         List<ChainCheckRepository.ProjectRow> projectRows,
                         List<ChainCheckRepository.IndicatorRow> indicatorRows) {

        /** What the checks of {@code kinds} need; the rest stays unread (empty). */
        static Facts read(Connection c, Workspace ws, String journey, Integer actualYear, Set<BreakKind> kinds)
                throws SQLException {
            boolean whole = journey == null;
            boolean steps = kinds.stream().anyMatch(BreakKind::journeyLevel);
            boolean handOff = kinds.contains(BreakKind.HANDOFF_GAP);
            // the checks of a single troubled step need only the troubled steps: a fraction of a large workspace's
            // (the neighbour checks these rows would mislead are not among the kinds read, so none is listed)
            boolean troubledOnly = !handOff && !kinds.contains(BreakKind.BROKEN_STRETCH);
            return new Facts(steps ? ChainCheckRepository.steps(c, ws.id(), journey, troubledOnly) : List.of(),
                    handOff || kinds.contains(BreakKind.TROUBLED_STEP_NO_ACTOR)
                            ? ChainCheckRepository.stepActors(c, ws.id(), journey, troubledOnly) : Map.of(),
                    handOff || kinds.contains(BreakKind.TROUBLED_STEP_NO_CHALLENGE)
                            ? ChainCheckRepository.stepChallenges(c, ws.id(), journey, troubledOnly) : Map.of(),
                    handOff ? ChainCheckRepository.stepProjects(c, ws.id(), journey) : Map.of(),
                    whole && any(kinds, BreakKind.CHALLENGE_NO_PROJECT, BreakKind.CHALLENGE_NO_ACTION_INDICATOR)
                            ? ChainCheckRepository.challenges(c, ws.id()) : List.of(),
                    whole && any(kinds, BreakKind.PROJECT_NO_CHALLENGE, BreakKind.PROJECT_NO_LEAD,
                            BreakKind.PROJECT_NO_BUDGET) ? ChainCheckRepository.projects(c, ws.id()) : List.of(),
                    whole && any(kinds, BreakKind.INDICATOR_NO_BASELINE, BreakKind.INDICATOR_NO_TARGET,
                            BreakKind.INDICATOR_NO_ACTUAL) ? ChainCheckRepository.indicators(c, ws.id(), actualYear)
                            : List.of());
        }

        private static boolean any(Set<BreakKind> kinds, BreakKind... these) {
            for (BreakKind k : these) {
                if (kinds.contains(k)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Where the check sends each break it finds. The break itself is built by {@code make} only when it is listed;
     * {@code weight} is how many of its journey's score checks it fails.
     */
    private interface Found {
        void found(BreakKind kind, String key, String journey, int weight, Supplier<ChainBreak> make);
    }

    private Tally tally(Connection c, Workspace ws, String journey, Integer actualYear) throws SQLException {
        Set<BreakKind> checks = raisedChecks(c, ws);
        // The counts per kind and the scores come from one aggregate query; no break is built for them.
        List<ChainCheckRepository.TallyRow> tally = ChainCheckRepository.tally(c, ws.id(), journey, ws.planFrom(),
                ws.planTo(), actualYear);
        Map<BreakKind, Long> counts = new EnumMap<>(BreakKind.class);
        for (BreakKind k : checks) {
            counts.put(k, 0L);
        }
        Set<BreakKind> withDismissals = EnumSet.noneOf(BreakKind.class);
        Map<Long, Map<BreakKind, Integer>> failing = new HashMap<>();
        for (var row : tally) {
            if (!applies(row.kind(), checks, actualYear)) {
                continue;
            }
            counts.merge(row.kind(), row.open(), Long::sum);
            if (row.dismissed() > 0) {
                withDismissals.add(row.kind());
            }
            if (row.journeyId() != null && row.open() > 0) {
                failing.computeIfAbsent(row.journeyId(), x -> new EnumMap<>(BreakKind.class))
                        .merge(row.kind(), (int) row.failing(), Integer::sum);
            }
        }
        return new Tally(checks, counts, withDismissals,
                scores(ChainCheckRepository.journeyRows(c, ws.id(), journey), failing, checks));
    }

    private ChainReport report(Connection c, Workspace ws, String journey, ChainReport.Window window, Tally tally,
                               Integer actualYear) throws SQLException {
        Set<BreakKind> checks = tally.checks();
        Map<BreakKind, Long> counts = tally.counts();
        // The open breaks are listed in order of kind, so the window is cut into a range of each kind's own breaks.
        Map<BreakKind, long[]> ranges = new EnumMap<>(BreakKind.class);
        long position = 0;
        for (BreakKind k : BreakKind.values()) {
            if (window.kind() != null && window.kind() != k) {
                continue;
            }
            long n = counts.getOrDefault(k, 0L);
            long from = Math.max(window.offset(), position);
            long to = Math.min(window.offset() + (long) window.limit(), position + n);
            if (from < to) {
                ranges.put(k, new long[] {from - position, to - position});
            }
            position += n;
        }
        // Only the breaks listed and the dismissed ones are built, from only what their checks read.
        Set<BreakKind> needed = EnumSet.noneOf(BreakKind.class);
        needed.addAll(tally.withDismissals());
        needed.addAll(ranges.keySet());
        Map<BreakKind, List<ChainBreak>> listed = new EnumMap<>(BreakKind.class);
        List<ChainBreak> dismissed = new ArrayList<>();
        if (!needed.isEmpty()) {
            Map<String, Dismissal> dismissals = ChainCheckRepository.activeDismissals(c, ws.id()).stream()
                    .collect(Collectors.toMap(Dismissal::breakKey, d -> d, (a, b) -> a));
            Map<BreakKind, long[]> seen = new EnumMap<>(BreakKind.class);
            find(ws, actualYear, facts(c, ws, journey, actualYear, needed, ranges,
                    !tally.withDismissals().isEmpty()), (kind, key, j, weight, make) -> {
                if (!needed.contains(kind) || !applies(kind, checks, actualYear)) {
                    return;
                }
                Dismissal d = dismissals.get(key);
                if (d != null) {
                    dismissed.add(make.get().withDismissal(d));
                    return;
                }
                long[] range = ranges.get(kind);
                if (range == null) {
                    return;
                }
                long index = seen.computeIfAbsent(kind, k -> new long[1])[0]++;
                if (index >= range[0] && index < range[1]) {
                    listed.computeIfAbsent(kind, k -> new ArrayList<>()).add(make.get());
                }
            });
        }
        dismissed.sort((a, b) -> Integer.compare(a.kind().ordinal(), b.kind().ordinal()));
        List<ChainBreak> open = new ArrayList<>();
        listed.values().forEach(open::addAll);
        return new ChainReport(ws.slug(), journey, checks, actualYear, open, dismissed, tally.scores(), counts, window);
    }

    /**
     * What listing the breaks of {@code needed} reads. The usual first view (the first page, or a page of one kind)
     * lists only breaks of one check of a single troubled step, none of them dismissed: then the breaks up to the
     * window's end are read directly ({@link ChainCheckRepository#firstLacking}), in the same order, and no actor
     * or challenge map is needed (every step read lacks what the check asks for).
     */
    private static Facts facts(Connection c, Workspace ws, String journey, Integer actualYear, Set<BreakKind> needed,
                               Map<BreakKind, long[]> ranges, boolean dismissed) throws SQLException {
        if (needed.size() == 1 && !dismissed) {
            BreakKind only = needed.iterator().next();
            long[] range = ranges.get(only);
            if (range != null && range[1] <= Integer.MAX_VALUE && (only == BreakKind.TROUBLED_STEP_NO_ACTOR
                    || only == BreakKind.TROUBLED_STEP_NO_CHALLENGE)) {
                // no break of the check is dismissed, so the window's end counts open breaks only
                return new Facts(ChainCheckRepository.firstLacking(c, ws.id(), journey, only, (int) range[1]),
                        Map.of(), Map.of(), Map.of(), List.of(), List.of(), List.of());
            }
        }
        return Facts.read(c, ws, journey, actualYear, needed);
    }

    /**
     * The checks switched on, less those that presume personas while the plan has none yet: a strategy entered
     * from its framework and indicators first (no 体験鎖 yet) would otherwise see every project flagged as serving
     * no resident. They come back with the first persona.
     */
    private static Set<BreakKind> raisedChecks(Connection c, Workspace ws) throws SQLException {
        Set<BreakKind> checks = EnumSet.noneOf(BreakKind.class);
        checks.addAll(ChainCheckRepository.enabledChecks(c, ws.id()));
        if (Sql.queryLong(c, "SELECT COUNT(*) FROM persona WHERE workspace_id = ?", ws.id()) == 0) {
            checks.removeIf(BreakKind::presumesPersonas);
        }
        return checks;
    }

    private static boolean applies(BreakKind kind, Set<BreakKind> checks, Integer actualYear) {
        return checks.contains(kind) && !(actualYear == null && kind == BreakKind.INDICATOR_NO_ACTUAL);
    }

    /** Runs every check over the facts, in report order within each kind. */
    private static void find(Workspace ws, Integer actualYear, Facts facts, Found out) {
        stepBreaks(ws, facts, out);
        otherBreaks(ws, actualYear, facts, out);
    }

    private static void stepBreaks(Workspace ws, Facts facts, Found out) {
        String w = ws.slug();
        List<StepRow> steps = facts.steps();
        Map<Long, List<Long>> actors = facts.actors();
        Map<Long, List<Long>> challenges = facts.challenges();
        Map<Long, List<Long>> projects = facts.projects();
        for (int i = 0; i < steps.size(); i++) {
            StepRow s = steps.get(i);
            String place = s.journeySlug() + "-" + s.position();
            if (s.troubled()) {
                if (!actors.containsKey(s.id())) {
                    stepBreak(out, BreakKind.TROUBLED_STEP_NO_ACTOR, "step:" + s.id(), s, place, 1, w,
                            () -> List.of(s.personaLabel(), String.valueOf(s.position()), s.title()));
                }
                if (!challenges.containsKey(s.id())) {
                    stepBreak(out, BreakKind.TROUBLED_STEP_NO_CHALLENGE, "step:" + s.id(), s, place, 1, w,
                            () -> List.of(s.personaLabel(), String.valueOf(s.position()), s.title()));
                }
            }
            StepRow prev = i > 0 && steps.get(i - 1).journeyId() == s.journeyId() ? steps.get(i - 1) : null;
            if (prev == null) {
                continue;
            }
            // A broken stretch is reported once, at its first pair.
            if (prev.troubled() && s.troubled() && !(i > 1 && steps.get(i - 2).journeyId() == s.journeyId()
                    && steps.get(i - 2).troubled())) {
                int end = i;
                while (end + 1 < steps.size() && steps.get(end + 1).journeyId() == s.journeyId()
                        && steps.get(end + 1).troubled()) {
                    end++;
                }
                StepRow last = steps.get(end);
                int length = end - i + 2;
                // a broken stretch of n steps fails n-1 neighbour checks
                stepBreak(out, BreakKind.BROKEN_STRETCH, "step:" + prev.id() + ":" + last.id(), prev,
                        prev.journeySlug() + "-" + prev.position() + ".." + last.position(), length - 1, w,
                        () -> List.of(s.personaLabel(), String.valueOf(prev.position()), String.valueOf(last.position()),
                                String.valueOf(length)));
            }
            if (handOffDropped(prev, s, actors, challenges, projects)) {
                stepBreak(out, BreakKind.HANDOFF_GAP, "step:" + prev.id() + ":" + s.id(), prev,
                        prev.journeySlug() + "-" + prev.position() + ".." + s.position(), 1, w,
                        () -> List.of(s.personaLabel(), String.valueOf(prev.position()), prev.title(),
                                String.valueOf(s.position()), s.title()));
            }
        }
    }

    /**
     * A hand-off is dropped when both steps have actors, no actor acts at both (the baton passes to others), and no
     * challenge or project spans the two steps to carry it.
     */
    static boolean handOffDropped(StepRow a, StepRow b, Map<Long, List<Long>> actors, Map<Long, List<Long>> challenges,
                                  Map<Long, List<Long>> projects) {
        List<Long> actorsA = actors.getOrDefault(a.id(), List.of());
        List<Long> actorsB = actors.getOrDefault(b.id(), List.of());
        if (actorsA.isEmpty() || actorsB.isEmpty() || shares(actorsA, actorsB)) {
            return false;
        }
        return !shares(challenges.getOrDefault(a.id(), List.of()), challenges.getOrDefault(b.id(), List.of()))
                && !shares(projects.getOrDefault(a.id(), List.of()), projects.getOrDefault(b.id(), List.of()));
    }

    private static boolean shares(List<Long> a, List<Long> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        Set<Long> set = new HashSet<>(a);
        return b.stream().anyMatch(set::contains);
    }

    private static void stepBreak(Found out, BreakKind kind, String subject, StepRow s, String place, int weight,
                                  String w, Supplier<List<String>> args) {
        String key = kind.name() + ":" + subject;
        out.found(kind, key, s.journeySlug(), weight, () -> new ChainBreak(kind, key, s.journeySlug(), place,
                args.get(), Links.step(w, s.journeySlug(), s.position()),
                Links.traceStep(w, s.journeySlug(), s.position()), null));
    }

    private static void otherBreaks(Workspace ws, Integer actualYear, Facts facts, Found out) {
        String w = ws.slug();
        for (var ch : facts.challengeRows()) {
            Supplier<List<String>> args = () -> List.of(String.valueOf(ch.number()), ch.title());
            if (ch.projects() == 0) {
                other(out, BreakKind.CHALLENGE_NO_PROJECT, "challenge:" + ch.id(), String.valueOf(ch.number()), args,
                        () -> Links.challenge(w, ch.number()), () -> Links.traceChallenge(w, ch.number()));
            }
            if (ch.actionIndicators() == 0) {
                other(out, BreakKind.CHALLENGE_NO_ACTION_INDICATOR, "challenge:" + ch.id(), String.valueOf(ch.number()),
                        args, () -> Links.challenge(w, ch.number()), () -> Links.traceChallenge(w, ch.number()));
            }
        }
        for (var p : facts.projectRows()) {
            Supplier<String> href = () -> Links.project(w, p.code());
            Supplier<String> trace = () -> Links.traceProject(w, p.code());
            if (!p.servesChallenge()) {
                other(out, BreakKind.PROJECT_NO_CHALLENGE, "project:" + p.id(), p.code(),
                        () -> List.of(p.code(), p.name()), href, trace);
            }
            if (!p.hasLead()) {
                other(out, BreakKind.PROJECT_NO_LEAD, "project:" + p.id(), p.code(), () -> List.of(p.code(), p.name()),
                        href, trace);
            }
            Set<Integer> funded = new HashSet<>();
            if (p.budgetYears() != null) {
                for (String y : p.budgetYears().split(",")) {
                    funded.add(Integer.parseInt(y.strip()));
                }
            }
            List<Integer> missing = new ArrayList<>();
            for (int y = ws.planFrom(); y <= ws.planTo(); y++) {
                if (!funded.contains(y)) {
                    missing.add(y);
                }
            }
            if (!missing.isEmpty()) {
                other(out, BreakKind.PROJECT_NO_BUDGET, "project:" + p.id(), p.code(),
                        () -> List.of(p.code(), p.name(), missing.stream().map(String::valueOf)
                                .collect(Collectors.joining("・")), String.valueOf(missing.size())), href, trace);
            }
        }
        for (var i : facts.indicatorRows()) {
            Supplier<List<String>> args = () -> List.of(i.name(), i.kind().code(), i.ownerKey(),
                    actualYear == null ? "" : String.valueOf(actualYear));
            Supplier<String> trace = () -> Links.traceIndicator(w, i.id());
            Supplier<String> href = () -> switch (i.ownerType()) {
                case "NODE" -> Links.frameworkNode(ws, i.nodeDepth(), i.ownerKey());
                case "PROJECT" -> Links.project(w, i.ownerKey());
                default -> Links.challenge(w, Integer.parseInt(i.ownerKey()));
            };
            String place = "indicator-" + i.id();
            if (!i.hasBaseline()) {
                other(out, BreakKind.INDICATOR_NO_BASELINE, "indicator:" + i.id(), place, args, href, trace);
            }
            if (!i.hasTarget()) {
                other(out, BreakKind.INDICATOR_NO_TARGET, "indicator:" + i.id(), place, args, href, trace);
            }
            if (actualYear != null && !i.hasActual()) {
                other(out, BreakKind.INDICATOR_NO_ACTUAL, "indicator:" + i.id(), place, args, href, trace);
            }
        }
    }

    private static void other(Found out, BreakKind kind, String subject, String place, Supplier<List<String>> args,
                              Supplier<String> href, Supplier<String> trace) {
        String key = kind.name() + ":" + subject;
        out.found(kind, key, null, 1, () -> new ChainBreak(kind, key, null, place, args.get(), href.get(), trace.get(),
                null));
    }

    private static List<ChainReport.JourneyScore> scores(List<ChainCheckRepository.JourneyRow> journeys,
                                                         Map<Long, Map<BreakKind, Integer>> failing,
                                                         Set<BreakKind> checks) {
        List<ChainReport.JourneyScore> scores = new ArrayList<>();
        for (var j : journeys) {
            int total = 0;
            for (BreakKind k : List.of(BreakKind.TROUBLED_STEP_NO_ACTOR, BreakKind.TROUBLED_STEP_NO_CHALLENGE)) {
                total += checks.contains(k) ? j.troubled() : 0;
            }
            for (BreakKind k : List.of(BreakKind.BROKEN_STRETCH, BreakKind.HANDOFF_GAP)) {
                total += checks.contains(k) ? Math.max(0, j.steps() - 1) : 0;
            }
            Map<BreakKind, Integer> fails = failing.getOrDefault(j.id(), Map.of());
            int failed = fails.values().stream().mapToInt(Integer::intValue).sum();
            scores.add(new ChainReport.JourneyScore(j.slug(), j.title(), j.personaLabel(), j.steps(), j.troubled(),
                    total, total - failed, fails));
        }
        return scores;
    }

    // --- dismissals and settings: each write and its history entry in one transaction ---

    /** Dismisses an open break with a reason; returns the dismissal's id. */
    public long dismiss(Workspace ws, String key, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw ValidationException.of("reason", "chain.dismiss.reasonRequired");
        }
        if (why.length() > MAX_REASON) {
            throw ValidationException.of("reason", "chain.dismiss.reasonTooLong", MAX_REASON);
        }
        return database.inTransaction(c -> {
            ChainBreak target = openBreak(c, ws, key)
                    .orElseThrow(() -> ValidationException.of("key", "chain.dismiss.unknownBreak", key == null ? "" : key));
            long id = ChainCheckRepository.insertDismissal(c, ws.id(), key, why, kusari.change.Authors.current().name());
            JsonNode after = STATES.valueToTree(new DismissalState(id, key, target.kind().name(), why));
            ChangeLog.record(c, new Change(ws.id(), "chain_dismissal", id, Operation.DISMISS,
                    HISTORY.t("chain.history.dismissed", HISTORY.t(target.kind().messageKey()),
                            target.place(), why), null, after));
            return id;
        });
    }

    /**
     * Every open break, found one by one without the aggregate query: the reference the counts and the paged list
     * are held to (ChainCheckPagingTest).
     */
    List<ChainBreak> everyOpenBreak(Workspace ws, String journey) {
        return database.read(c -> {
            Set<BreakKind> checks = raisedChecks(c, ws);
            Integer actualYear = lastCompletedFiscalYear(ws);
            Set<String> dismissed = ChainCheckRepository.activeDismissals(c, ws.id()).stream()
                    .map(Dismissal::breakKey).collect(Collectors.toSet());
            List<ChainBreak> open = new ArrayList<>();
            find(ws, actualYear, Facts.read(c, ws, journey, actualYear, EnumSet.allOf(BreakKind.class)),
                    (kind, k, j, weight, make) -> {
                        if (applies(kind, checks, actualYear) && !dismissed.contains(k)) {
                            open.add(make.get());
                        }
                    });
            open.sort((a, b) -> Integer.compare(a.kind().ordinal(), b.kind().ordinal()));
            return open;
        });
    }

    /** The open break named {@code key}, built alone (the others are only looked at). */
    private Optional<ChainBreak> openBreak(Connection c, Workspace ws, String key) throws SQLException {
        Set<BreakKind> checks = raisedChecks(c, ws);
        Integer actualYear = lastCompletedFiscalYear(ws);
        Set<String> dismissed = ChainCheckRepository.activeDismissals(c, ws.id()).stream().map(Dismissal::breakKey)
                .collect(Collectors.toSet());
        ChainBreak[] target = new ChainBreak[1];
        find(ws, actualYear, Facts.read(c, ws, null, actualYear, EnumSet.allOf(BreakKind.class)),
                (kind, k, j, weight, make) -> {
            if (target[0] == null && k.equals(key) && applies(kind, checks, actualYear) && !dismissed.contains(k)) {
                target[0] = make.get();
            }
        });
        return Optional.ofNullable(target[0]);
    }

    /** Undoes a dismissal in force; the row stays as history. */
    public void undo(Workspace ws, long dismissalId) {
        database.inTransaction(c -> {
            Dismissal d = ChainCheckRepository.dismissal(c, ws.id(), dismissalId)
                    .filter(Dismissal::active)
                    .orElseThrow(() -> ValidationException.of("dismissal", "chain.dismiss.unknownDismissal", dismissalId));
            ChainCheckRepository.undoDismissal(c, d.id(), kusari.change.Authors.current().name());
            JsonNode before = STATES.valueToTree(new DismissalState(d.id(), d.breakKey(), null, d.reason()));
            long undoId = ChangeLog.record(c, new Change(ws.id(), "chain_dismissal", d.id(), Operation.UNDISMISS,
                    HISTORY.t("chain.history.undone", d.breakKey(), d.reason()), before, null));
            // The timeline shows the dismissal as undone, and the undo as the change that undid it.
            for (var entry : ChangeLog.forEntity(c, "chain_dismissal", d.id())) {
                if (entry.operation() == Operation.DISMISS && !entry.reverted()) {
                    ChangeLog.markReverted(c, entry.id(), undoId);
                }
            }
            return null;
        });
    }

    // What the history records of dismissals and settings (the before and after of their entries).
    private static final ObjectMapper STATES = new ObjectMapper();

    /** A dismissal in the history; the undo's entry has always recorded it without its kind. */
    record DismissalState(long id, String breakKey, @JsonInclude(JsonInclude.Include.NON_NULL) String kind,
                          String reason) {
    }

    /** The checks that apply; with none, the entry records an empty object. */
    record ChecksState(@JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> enabled) {
        static ChecksState of(Set<BreakKind> kinds) {
            return new ChecksState(kinds.stream().map(BreakKind::name).toList());
        }
    }

    /** A journey named for the report's journey filter. */
    public record JourneyRef(String journey, String personaLabel, String title) {
    }

    public List<JourneyRef> journeys(Workspace ws) {
        return database.read(c -> kusari.db.Sql.query(c, """
                SELECT j.slug, p.label, j.title FROM journey j JOIN persona p ON p.id = j.persona_id
                WHERE j.workspace_id = ? ORDER BY p.position, j.id""",
                rs -> new JourneyRef(rs.getString(1), rs.getString(2), rs.getString(3)), ws.id()));
    }

    /** Every dismissal of the workspace, newest first, undone ones included. */
    public List<Dismissal> dismissalHistory(Workspace ws) {
        return database.read(c -> ChainCheckRepository.dismissalHistory(c, ws.id()));
    }

    /** Sets which checks apply in the workspace. */
    public void saveChecks(Workspace ws, Set<BreakKind> enabled) {
        database.inTransaction(c -> {
            Set<BreakKind> before = ChainCheckRepository.enabledChecks(c, ws.id());
            ChainCheckRepository.saveChecks(c, ws.id(), enabled);
            ChangeLog.record(c, new Change(ws.id(), "chain_check_setting", ws.id(), Operation.SETTINGS,
                    HISTORY.t("chain.history.settings", enabled.size(), BreakKind.values().length),
                    STATES.valueToTree(ChecksState.of(before)), STATES.valueToTree(ChecksState.of(enabled))));
            return null;
        });
    }
}
