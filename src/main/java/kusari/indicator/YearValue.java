package kusari.indicator;

/**
 * An indicator's value for one fiscal year (a row of {@code actual}).
 *
 * @param state ACTUAL (実績値), FORECAST (見込値) or NOT_ASSESSABLE (評価不能; {@code note} says why, no value)
 */
public record YearValue(long id, long version, long indicatorId, int fiscalYear, ValueState state, Double value,
                        String dataDate, String source, String note) {

    public boolean actual() {
        return state == ValueState.ACTUAL;
    }

    public boolean forecast() {
        return state == ValueState.FORECAST;
    }

    public boolean notAssessable() {
        return state == ValueState.NOT_ASSESSABLE;
    }
}
