package kusari.strategy;

/** 事業費見込: a project's budget estimate for one fiscal year, in thousand yen. */
public record Budget(int fiscalYear, long thousandYen) {
}
