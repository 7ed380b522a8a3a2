package kusari.indicator;

import com.fasterxml.jackson.annotation.JsonValue;
import kusari.core.StoredCode;

/** What an indicator's value for a fiscal year is (actual.state). */
public enum ValueState implements StoredCode {
    /** 実績値: the actual. */
    ACTUAL("ACTUAL"),
    /** 見込値: a forecast while the actual is not in. */
    FORECAST("FORECAST"),
    /** 評価不能: no value; the note says why. */
    NOT_ASSESSABLE("NOT_ASSESSABLE");

    private final String code;

    ValueState(String code) {
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
        return "indicator.state." + code;
    }

    /** The value stored as {@code code}; fails loudly on a code the CHECK of the column does not allow. */
    public static ValueState fromStored(String code) {
        return StoredCode.fromStored(ValueState.class, code);
    }

    /** Every stored code, in order: the choices of the edit forms. */
    public static String[] codes() {
        return StoredCode.codes(ValueState.class);
    }
}
