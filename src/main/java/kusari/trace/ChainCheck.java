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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kusari.db.Database;
import kusari.change.Change;
import kusari.change.ChangeLog;
import kusari.change.Operation;
import kusari.core.ValidationException;
import kusari.core.Workspace;
import kusari.trace.ChainCheckRepository.StepRow;
import kusari.web.Links;

/**
 * Finds every place where the chain of experiences breaks, and keeps planners' dismissals of breaks they accept.
 * The whole check is a fixed number of set-based queries per workspace. Independent of Javalin.
 */
public final class ChainCheck implements ChainSummary {

    static final int MAX_REASON = 500;
    /** History summaries are written once, in the product's default language, like the rest of the timeline. */
    private static final kusari.core.Ui HISTORY = new kusari.core.Ui(kusari.core.Ui.Lang.JA, "", "");

    private final Database database;
    private final Clock clock;

    public ChainCheck(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The report for the workspace, or for one journey (its step breaks and score) when {@code journey} is set. */
    public ChainReport report(Workspace ws, String journey) {
        return database.read(c -> report(c, ws, journey));
    }

    /** The fiscal year whose actuals should be in: the last one ended, but no later than the plan's end. */
    public Integer lastCompletedFiscalYear(Workspace ws) {
        LocalDate today = LocalDate.now(clock);
        int current = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
        int last = Math.min(current - 1, ws.planTo());
        return last < ws.planFrom() ? null : last;
    }

    private ChainReport report(Connection c, Workspace ws, String journey) throws SQLException {
        Set<BreakKind> checks = ChainCheckRepository.enabledChecks(c, ws.id());
        Integer actualYear = lastCompletedFiscalYear(ws);
        List<ChainBreak> all = new ArrayList<>();
        List<StepRow> steps = ChainCheckRepository.steps(c, ws.id(), journey);
        stepBreaks(c, ws, journey, steps, all);
        if (journey == null) {
            otherBreaks(c, ws, actualYear, all);
        }
        Map<String, Dismissal> dismissals = ChainCheckRepository.activeDismissals(c, ws.id()).stream()
                .collect(Collectors.toMap(Dismissal::breakKey, d -> d, (a, b) -> a));
        List<ChainBreak> open = new ArrayList<>();
        List<ChainBreak> dismissed = new ArrayList<>();
        for (ChainBreak b : all) {
            if (!checks.contains(b.kind()) || (actualYear == null && b.kind() == BreakKind.INDICATOR_NO_ACTUAL)) {
                continue;
            }
            if (journey != null && !journey.equals(b.journey())) {
                continue;
            }
            Dismissal d = dismissals.get(b.key());
            if (d != null) {
                dismissed.add(b.withDismissal(d));
            } else {
                open.add(b);
            }
        }
        open.sort((a, b) -> Integer.compare(a.kind().ordinal(), b.kind().ordinal()));
        dismissed.sort((a, b) -> Integer.compare(a.kind().ordinal(), b.kind().ordinal()));
        return new ChainReport(ws.slug(), journey, checks, actualYear, open, dismissed,
                scores(steps, all, checks, dismissals.keySet(), journey));
    }

    private static void stepBreaks(Connection c, Workspace ws, String journey, List<StepRow> steps,
                                   List<ChainBreak> out) throws SQLException {
        String w = ws.slug();
        Map<Long, List<Long>> actors = ChainCheckRepository.stepActors(c, ws.id(), journey);
        Map<Long, List<Long>> challenges = ChainCheckRepository.stepChallenges(c, ws.id(), journey);
        Map<Long, List<Long>> projects = ChainCheckRepository.stepProjects(c, ws.id(), journey);
        for (int i = 0; i < steps.size(); i++) {
            StepRow s = steps.get(i);
            List<String> args = List.of(s.personaLabel(), String.valueOf(s.position()), s.title());
            String place = s.journeySlug() + "-" + s.position();
            if (s.troubled()) {
                if (!actors.containsKey(s.id())) {
                    out.add(stepBreak(BreakKind.TROUBLED_STEP_NO_ACTOR, "step:" + s.id(), s, place, args, w));
                }
                if (!challenges.containsKey(s.id())) {
                    out.add(stepBreak(BreakKind.TROUBLED_STEP_NO_CHALLENGE, "step:" + s.id(), s, place, args, w));
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
                out.add(stepBreak(BreakKind.BROKEN_STRETCH, "step:" + prev.id() + ":" + last.id(), prev,
                        prev.journeySlug() + "-" + prev.position() + ".." + last.position(),
                        List.of(s.personaLabel(), String.valueOf(prev.position()), String.valueOf(last.position()),
                                String.valueOf(end - i + 2)), w));
            }
            if (handOffDropped(prev, s, actors, challenges, projects)) {
                out.add(stepBreak(BreakKind.HANDOFF_GAP, "step:" + prev.id() + ":" + s.id(), prev,
                        prev.journeySlug() + "-" + prev.position() + ".." + s.position(),
                        List.of(s.personaLabel(), String.valueOf(prev.position()), prev.title(),
                                String.valueOf(s.position()), s.title()), w));
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

    private static ChainBreak stepBreak(BreakKind kind, String subject, StepRow s, String place, List<String> args,
                                        String w) {
        return new ChainBreak(kind, kind.name() + ":" + subject, s.journeySlug(), place, args,
                Links.step(w, s.journeySlug(), s.position()), Links.traceStep(w, s.journeySlug(), s.position()), null);
    }

    private void otherBreaks(Connection c, Workspace ws, Integer actualYear, List<ChainBreak> out) throws SQLException {
        String w = ws.slug();
        for (var ch : ChainCheckRepository.challenges(c, ws.id())) {
            List<String> args = List.of(String.valueOf(ch.number()), ch.title());
            if (ch.projects() == 0) {
                out.add(other(BreakKind.CHALLENGE_NO_PROJECT, "challenge:" + ch.id(), String.valueOf(ch.number()), args,
                        Links.challenge(w, ch.number()), Links.traceChallenge(w, ch.number())));
            }
            if (ch.actionIndicators() == 0) {
                out.add(other(BreakKind.CHALLENGE_NO_ACTION_INDICATOR, "challenge:" + ch.id(), String.valueOf(ch.number()),
                        args, Links.challenge(w, ch.number()), Links.traceChallenge(w, ch.number())));
            }
        }
        for (var p : ChainCheckRepository.projects(c, ws.id())) {
            String href = Links.project(w, p.code());
            String trace = Links.traceProject(w, p.code());
            if (!p.servesChallenge()) {
                out.add(other(BreakKind.PROJECT_NO_CHALLENGE, "project:" + p.id(), p.code(),
                        List.of(p.code(), p.name()), href, trace));
            }
            if (!p.hasLead()) {
                out.add(other(BreakKind.PROJECT_NO_LEAD, "project:" + p.id(), p.code(), List.of(p.code(), p.name()),
                        href, trace));
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
                out.add(other(BreakKind.PROJECT_NO_BUDGET, "project:" + p.id(), p.code(),
                        List.of(p.code(), p.name(), missing.stream().map(String::valueOf).collect(Collectors.joining("・")),
                                String.valueOf(missing.size())), href, trace));
            }
        }
        for (var i : ChainCheckRepository.indicators(c, ws.id(), actualYear)) {
            List<String> args = List.of(i.name(), i.kind().code(), i.ownerKey(),
                    actualYear == null ? "" : String.valueOf(actualYear));
            String trace = Links.traceIndicator(w, i.id());
            String href = switch (i.ownerType()) {
                case "NODE" -> Links.frameworkNode(w, i.ownerKey());
                case "PROJECT" -> Links.project(w, i.ownerKey());
                default -> Links.challenge(w, Integer.parseInt(i.ownerKey()));
            };
            String place = "indicator-" + i.id();
            if (!i.hasBaseline()) {
                out.add(other(BreakKind.INDICATOR_NO_BASELINE, "indicator:" + i.id(), place, args, href, trace));
            }
            if (!i.hasTarget()) {
                out.add(other(BreakKind.INDICATOR_NO_TARGET, "indicator:" + i.id(), place, args, href, trace));
            }
            if (actualYear != null && !i.hasActual()) {
                out.add(other(BreakKind.INDICATOR_NO_ACTUAL, "indicator:" + i.id(), place, args, href, trace));
            }
        }
    }

    private static ChainBreak other(BreakKind kind, String subject, String place, List<String> args, String href,
                                    String trace) {
        return new ChainBreak(kind, kind.name() + ":" + subject, null, place, args, href, trace, null);
    }

    private static List<ChainReport.JourneyScore> scores(List<StepRow> steps, List<ChainBreak> breaks,
                                                         Set<BreakKind> checks, Set<String> dismissed, String only) {
        Map<String, Map<BreakKind, Integer>> failing = new LinkedHashMap<>();
        for (ChainBreak b : breaks) {
            if (b.journey() != null && checks.contains(b.kind()) && !dismissed.contains(b.key())) {
                // a broken stretch of n steps fails n-1 neighbour checks
                int weight = b.kind() == BreakKind.BROKEN_STRETCH ? Integer.parseInt(b.args().get(3)) - 1 : 1;
                failing.computeIfAbsent(b.journey(), k -> new EnumMap<>(BreakKind.class)).merge(b.kind(), weight, Integer::sum);
            }
        }
        List<ChainReport.JourneyScore> scores = new ArrayList<>();
        int i = 0;
        while (i < steps.size()) {
            StepRow first = steps.get(i);
            int n = 0;
            int troubled = 0;
            while (i < steps.size() && steps.get(i).journeyId() == first.journeyId()) {
                n++;
                troubled += steps.get(i).troubled() ? 1 : 0;
                i++;
            }
            if (only != null && !only.equals(first.journeySlug())) {
                continue;
            }
            int total = 0;
            for (BreakKind k : List.of(BreakKind.TROUBLED_STEP_NO_ACTOR, BreakKind.TROUBLED_STEP_NO_CHALLENGE)) {
                total += checks.contains(k) ? troubled : 0;
            }
            for (BreakKind k : List.of(BreakKind.BROKEN_STRETCH, BreakKind.HANDOFF_GAP)) {
                total += checks.contains(k) ? Math.max(0, n - 1) : 0;
            }
            Map<BreakKind, Integer> fails = failing.getOrDefault(first.journeySlug(), Map.of());
            int failed = fails.values().stream().mapToInt(Integer::intValue).sum();
            scores.add(new ChainReport.JourneyScore(first.journeySlug(), first.journeyTitle(), first.personaLabel(), n,
                    troubled, total, total - failed, fails));
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
            ChainReport report = report(c, ws, null);
            ChainBreak target = report.open().stream().filter(b -> b.key().equals(key)).findFirst()
                    .orElseThrow(() -> ValidationException.of("key", "chain.dismiss.unknownBreak", key == null ? "" : key));
            long id = ChainCheckRepository.insertDismissal(c, ws.id(), key, why, kusari.change.Authors.current().name());
            JsonNode after = STATES.valueToTree(new DismissalState(id, key, target.kind().name(), why));
            ChangeLog.record(c, new Change(ws.id(), "chain_dismissal", id, Operation.DISMISS,
                    HISTORY.t("chain.history.dismissed", HISTORY.t(target.kind().messageKey()),
                            target.place(), why), null, after));
            return id;
        });
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
