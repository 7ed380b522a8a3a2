package kusari.indicator;

/** The review of an indicator for one fiscal year (a row of {@code indicator_review}). */
public record IndicatorReview(long id, long version, long indicatorId, int fiscalYear, String gradeOverride,
                              String overrideReason, String panelComment, String departmentComment,
                              NextAction nextAction) {

    public boolean overridden() {
        return !gradeOverride.isBlank();
    }
}
