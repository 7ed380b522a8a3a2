package kusari.indicator;

/**
 * An indicator as the API shows it: numbers and the document's wording side by side. Offered to the other features
 * whose JSON nests indicators (a project's KPIs, a framework node's goal indicators, an actor's measures).
 */
public record IndicatorJson(long id, IndicatorKind kind, String name, String unit, Direction direction,
                            ValueJson baseline, TargetJson target, OwnerJson owner) {

    public static IndicatorJson of(Indicator i) {
        return new IndicatorJson(i.id(), i.kind(), i.name(), i.unit(), i.direction(),
                new ValueJson(i.baselineValue(), i.baselineText(), i.baselineYear(), i.baselineSource()),
                new TargetJson(i.targetValue(), i.targetText(), i.targetFiscalYear()),
                new OwnerJson(i.ownerType(), i.ownerKey(), i.ownerTitle()));
    }

    public record ValueJson(Double value, String text, String year, String source) {
    }

    public record TargetJson(Double value, String text, Integer fiscalYear) {
    }

    /** type NODE, PROJECT or CHALLENGE; key is the code or challenge number. */
    public record OwnerJson(String type, String key, String title) {
    }
}
