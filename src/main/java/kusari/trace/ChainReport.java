package kusari.trace;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The chain check of a workspace (or of one journey): open breaks, dismissed breaks, the checks that apply, and a
 * score per journey with its explanation.
 *
 * @param lastCompletedFiscalYear the fiscal year whose actuals are expected (null when no plan year has ended)
 * @param open                    the open breaks the window lists, in report order (all of them for the whole list)
 * @param counts                  open breaks per kind over the whole check, with zeros for applied checks that
 *                                found nothing, whatever the window lists
 * @param window                  which open breaks are listed
 */
public record ChainReport(String workspace, String journey, Set<BreakKind> checks, Integer lastCompletedFiscalYear,
                          List<ChainBreak> open, List<ChainBreak> dismissed, List<JourneyScore> journeys,
                          Map<BreakKind, Long> counts, Window window) {

    /** A report is kept and shared between requests (see {@link ChainCheck}), so nothing in it can change. */
    public ChainReport {
        checks = checks.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(checks));
        open = List.copyOf(open);
        dismissed = List.copyOf(dismissed);
        journeys = List.copyOf(journeys);
        counts = counts.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(counts));
    }

    /**
     * Which open breaks a report lists: those of one kind (or of every kind when null), from {@code offset} (0 is the
     * first, in report order), at most {@code limit}.
     */
    public record Window(BreakKind kind, int offset, int limit) {
        /** Every open break: the report as it always was. */
        public static final Window ALL = new Window(null, 0, Integer.MAX_VALUE);
        /** No open break listed: counts and scores only. */
        public static final Window NONE = new Window(null, 0, 0);
    }

    /** Open breaks per kind, in report order, with zeros for applied checks that found nothing. */
    @JsonIgnore
    public Map<BreakKind, Long> openCounts() {
        return counts;
    }

    /** Every open break of the check, listed or not. */
    @JsonIgnore
    public long openTotal() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The open breaks the window's kind filter lets through, listed or not. */
    @JsonIgnore
    public long matching() {
        return window.kind() == null ? openTotal() : counts.getOrDefault(window.kind(), 0L);
    }

    @JsonIgnore
    public List<ChainBreak> openOf(BreakKind kind) {
        return open.stream().filter(b -> b.kind() == kind).toList();
    }

    /** For the home page: every journey when there are few, else the {@code n} with the lowest scores. */
    @JsonIgnore
    public List<JourneyScore> lowestScores(int n) {
        if (journeys.size() <= n) {
            return journeys;
        }
        return journeys.stream().sorted(java.util.Comparator.comparingInt(JourneyScore::score)).limit(n).toList();
    }

    @JsonIgnore
    public boolean applies(BreakKind kind) {
        return checks.contains(kind);
    }

    /**
     * A journey's chain score: the share of its step checks that hold. Each troubled step is checked for an actor
     * and a challenge; each pair of neighbouring steps for a broken stretch and a dropped hand-off. Dismissed breaks
     * count as holding; checks switched off are not counted.
     */
    public record JourneyScore(String journey, String title, String personaLabel, int steps, int troubledSteps,
                               int checks, int holding, Map<BreakKind, Integer> failing) {
        public JourneyScore {
            failing = failing.isEmpty() ? Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(failing));
        }

        public int score() {
            return checks == 0 ? 100 : (int) Math.round(100.0 * holding / checks);
        }
    }
}
