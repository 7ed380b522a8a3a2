package kusari.indicator;

import kusari.core.StoredCode;

/** Which way an indicator should move (indicator.direction); the achievement is computed accordingly. */
public enum Direction implements StoredCode {
    /** More is better. */
    INCREASE,
    /** Less is better: the achievement is the target over the actual. */
    DECREASE,
    /** Keep the level: met while the actual does not fall below the target. */
    MAINTAIN,
    /** Get to the target, from the baseline's side. */
    REACH;

    @Override
    public String messageKey() {
        return "indicator.direction." + code();
    }

    /** The value stored as {@code code}; fails loudly on a code the CHECK of the column does not allow. */
    public static Direction fromStored(String code) {
        return StoredCode.fromStored(Direction.class, code);
    }

    /** Every stored code, in order: the choices of the edit forms. */
    public static String[] codes() {
        return StoredCode.codes(Direction.class);
    }
}
