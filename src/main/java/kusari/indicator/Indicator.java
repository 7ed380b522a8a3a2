package kusari.indicator;

/**
 * A goal indicator (GOAL, of a policy field), a KPI (of a measure or project) or an action indicator (ACTION, of a
 * challenge). Baseline and target keep the document's wording next to the number, which may be missing.
 *
 * @param ownerType NODE, PROJECT or CHALLENGE
 * @param ownerKey  the owner's code (node, project) or number (challenge) as text
 */
public record Indicator(long id, IndicatorKind kind, String name, String unit, Direction direction,
                        Double baselineValue, String baselineText, String baselineYear, String baselineSource,
                        Double targetValue, String targetText, Integer targetFiscalYear,
                        String ownerType, String ownerKey, String ownerTitle) {

    public boolean hasBaseline() {
        return baselineValue != null || !baselineText.isBlank();
    }

    /** The baseline as the document wrote it, or the number when no wording was kept. */
    public String baselineShown() {
        return !baselineText.isBlank() ? baselineText : format(baselineValue);
    }

    public String targetShown() {
        return !targetText.isBlank() ? targetText : format(targetValue);
    }

    private String format(Double value) {
        if (value == null) {
            return "";
        }
        return Achievement.formatShown(value) + unit;
    }
}
