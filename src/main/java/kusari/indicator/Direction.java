package kusari.indicator;

import com.fasterxml.jackson.annotation.JsonValue;
import kusari.core.StoredCode;

/** Which way an indicator should move (indicator.direction); the achievement is computed accordingly. */
public enum Direction implements StoredCode {
    /** More is better. */
    INCREASE("INCREASE"),
    /** Less is better: the achievement is the target over the actual. */
    DECREASE("DECREASE"),
    /** Keep the level: met while the actual does not fall below the target. */
    MAINTAIN("MAINTAIN"),
    /** Get to the target, from the baseline's side. */
    REACH("REACH");

    private final String code;

    Direction(String code) {
        this.code = code;
    }

    /** The stored code, also what the JSON API and the data files say. */
    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @Override
    public String messageKey() {
        return "indicator.direction." + code;
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
