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
 */
public record ChainReport(String workspace, String journey, Set<BreakKind> checks, Integer lastCompletedFiscalYear,
                          List<ChainBreak> open, List<ChainBreak> dismissed, List<JourneyScore> journeys) {

    /** Open breaks per kind, in report order, with zeros for applied checks that found nothing. */
    @JsonIgnore
    public Map<BreakKind, Long> openCounts() {
        Map<BreakKind, Long> counts = new java.util.EnumMap<>(BreakKind.class);
        for (BreakKind k : checks) {
            counts.put(k, 0L);
        }
        for (ChainBreak b : open) {
            counts.merge(b.kind(), 1L, Long::sum);
        }
        return counts;
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
        public int score() {
            return checks == 0 ? 100 : (int) Math.round(100.0 * holding / checks);
        }
    }
}
