package kusari.actor;

import kusari.actor.ActorRepository.Actual;
import kusari.indicator.Direction;
import kusari.indicator.Indicator;

/**
 * How an indicator stands: its latest actual against its target. A deliberately simple, stated rule (the
 * indicator review may replace it with the strategy's own A–D grading):
 * <ul>
 *   <li>ACHIEVED: the actual has reached the target in the indicator's direction;</li>
 *   <li>ON_TRACK: not yet, but at least as far from the baseline towards the target as the share of the way from
 *       the plan's start to the target year that has passed (a straight line; the baseline counts as the year
 *       before the plan's first year);</li>
 *   <li>BEHIND: neither; also when there is no baseline to draw the line from and the target is not reached;</li>
 *   <li>NO_ACTUAL / NO_TARGET: nothing to compare.</li>
 * </ul>
 */
public record IndicatorProgress(Indicator indicator, Actual latest, Status status) {

    /** Where an indicator stands. */
    public enum Status {
        ACHIEVED, ON_TRACK, BEHIND, NO_ACTUAL, NO_TARGET;

        public boolean onTrack() {
            return this == ACHIEVED || this == ON_TRACK;
        }
    }

    public static IndicatorProgress of(Indicator i, Actual latest, int planFrom) {
        return new IndicatorProgress(i, latest, status(i, latest, planFrom));
    }

    static Status status(Indicator i, Actual latest, int planFrom) {
        if (i.targetValue() == null) {
            return Status.NO_TARGET;
        }
        if (latest == null) {
            return Status.NO_ACTUAL;
        }
        double target = i.targetValue();
        double actual = latest.value();
        // For DECREASE, flip the signs so that "more" is always better; MAINTAIN means "at least the target".
        double sign = i.direction() == Direction.DECREASE ? -1 : 1;
        if (sign * actual >= sign * target) {
            return Status.ACHIEVED;
        }
        if (i.baselineValue() == null || i.direction() == Direction.MAINTAIN) {
            return Status.BEHIND;
        }
        int start = planFrom - 1;
        int end = i.targetFiscalYear() == null ? start + 5 : i.targetFiscalYear();
        double share = end <= start ? 1 : Math.min(1, Math.max(0, (latest.fiscalYear() - start) / (double) (end - start)));
        double expected = i.baselineValue() + (target - i.baselineValue()) * share;
        return sign * actual >= sign * expected ? Status.ON_TRACK : Status.BEHIND;
    }

    /** The latest actual written like the target: the number with the unit. */
    public String latestShown() {
        if (latest == null) {
            return "";
        }
        double v = latest.value();
        String number = v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
        return number + indicator.unit();
    }
}
