package kusari.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One indicator in the table and the review: its definition, where it sits in the framework, and its values,
 * interim targets and reviews by fiscal year.
 *
 * @param ownerLevel the label of the owner's level (施策, 事業, 課題…), shown before the owner's code
 */
public record IndicatorRow(Indicator indicator, String ownerLevel, Map<Integer, YearValue> values,
                           Map<Integer, Double> interimTargets, Map<Integer, IndicatorReview> reviews,
                           List<OtherPeriod> otherPeriods) {

    /**
     * The same indicator (same lineage key) in another strategy of the municipality — the previous or next plan
     * period — with its newest actual, so an indicator can be followed across periods.
     */
    public record OtherPeriod(String workspaceSlug, String workspaceName, int planFrom, int planTo, String name,
                              Integer latestYear, Double latestValue) {
    }

    public YearValue value(int fiscalYear) {
        return values.get(fiscalYear);
    }

    public IndicatorReview review(int fiscalYear) {
        return reviews.get(fiscalYear);
    }

    /** The newest actual (not a forecast), or null. */
    public YearValue latestActual() {
        return new TreeMap<>(values).descendingMap().values().stream().filter(YearValue::actual).findFirst()
                .orElse(null);
    }

    /** The achievement of the value for a fiscal year (actual or forecast), or null. */
    public Achievement achievement(int fiscalYear) {
        YearValue v = values.get(fiscalYear);
        if (v == null || v.notAssessable()) {
            return null;
        }
        Indicator i = indicator;
        return Achievement.of(i.direction(), i.baselineValue(), i.targetValue(), v.value());
    }

    /** The grade of a fiscal year: the overriding grade when there is one, else the computed one of an actual. */
    public Grade grade(int fiscalYear, ReviewSettings settings) {
        IndicatorReview r = reviews.get(fiscalYear);
        YearValue v = values.get(fiscalYear);
        String computed = v != null && v.actual() ? settings.grade(achievement(fiscalYear)) : null;
        if (r != null && r.overridden()) {
            return new Grade(r.gradeOverride(), computed, true, r.overrideReason(), settings.scale().rank(r.gradeOverride()));
        }
        return computed == null ? null : new Grade(computed, computed, false, "", settings.scale().rank(computed));
    }

    /** The fiscal years that have something, in order. */
    public List<Integer> years() {
        return new ArrayList<>(new TreeMap<>(values).keySet());
    }

    /**
     * A grade as shown: the grade, the computed one (when overridden) and why.
     *
     * @param rank position on the scale from the best (0), for the badge's style; the text is always shown too
     */
    public record Grade(String grade, String computed, boolean overridden, String reason, int rank) {
    }
}
