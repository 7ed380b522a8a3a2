package kusari.indicator;

import kusari.core.StoredCode;

/** What an indicator's value for a fiscal year is (actual.state). */
public enum ValueState implements StoredCode {
    /** 実績値: the actual. */
    ACTUAL,
    /** 見込値: a forecast while the actual is not in. */
    FORECAST,
    /** 評価不能: no value; the note says why. */
    NOT_ASSESSABLE;

    @Override
    public String messageKey() {
        return "indicator.state." + code();
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
