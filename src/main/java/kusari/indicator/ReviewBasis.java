package kusari.indicator;

import kusari.core.StoredCode;

/** What a workspace's grades follow (review_setting.basis). */
public enum ReviewBasis implements StoredCode {
    /** 達成率: the actual against the target. */
    TARGET,
    /** 進捗率: the way covered from the baseline to the target. */
    PROGRESS;

    @Override
    public String messageKey() {
        return "indicator.basis." + code();
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
