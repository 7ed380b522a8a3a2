package kusari.indicator;

import com.fasterxml.jackson.annotation.JsonValue;
import kusari.core.StoredCode;

/** What the yearly review decides to do next with an indicator's or a project's work (next_action). */
public enum NextAction implements StoredCode {
    /** 未定: nothing decided yet, stored as the empty text. */
    NONE(""),
    /** 拡充. */
    EXPAND("EXPAND"),
    /** 見直し. */
    REVISE("REVISE"),
    /** 継続. */
    CONTINUE("CONTINUE"),
    /** 休止・廃止. */
    STOP("STOP"),
    /** 終了（目的達成）. */
    END("END");

    private final String code;

    NextAction(String code) {
        this.code = code;
    }

    /** The stored code, also what the JSON API says ("" when nothing is decided). */
    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @Override
    public String messageKey() {
        return "choice." + code;
    }

    /** Whether the review decided something; pages show nothing for {@link #NONE}. */
    public boolean decided() {
        return this != NONE;
    }

    /** The value stored as {@code code}; a missing value (a project without a review) is {@link #NONE}. */
    public static NextAction fromStored(String code) {
        return code == null ? NONE : StoredCode.fromStored(NextAction.class, code);
    }

    /** Every stored code, in order: the choices of the edit forms. */
    public static String[] codes() {
        return StoredCode.codes(NextAction.class);
    }
}
