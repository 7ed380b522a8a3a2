package kusari.indicator;

import com.fasterxml.jackson.annotation.JsonValue;
import kusari.core.StoredCode;

/** What a workspace's grades follow (review_setting.basis). */
public enum ReviewBasis implements StoredCode {
    /** 達成率: the actual against the target. */
    TARGET("TARGET"),
    /** 進捗率: the way covered from the baseline to the target. */
    PROGRESS("PROGRESS");

    private final String code;

    ReviewBasis(String code) {
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
        return "indicator.basis." + code;
    }

    /** The value stored as {@code code}; fails loudly on a code the CHECK of the column does not allow. */
    public static ReviewBasis fromStored(String code) {
        return StoredCode.fromStored(ReviewBasis.class, code);
    }

    /** Every stored code, in order: the choices of the edit forms. */
    public static String[] codes() {
        return StoredCode.codes(ReviewBasis.class);
    }
}
