package kusari.indicator;

import kusari.core.StoredCode;

/** What an indicator measures (indicator.kind), and so what it hangs on. */
public enum IndicatorKind implements StoredCode {
    /** 数値目標: a goal indicator of a policy field. */
    GOAL,
    /** 重要業績評価指標: a KPI of a measure or a project. */
    KPI,
    /** 行動指標: what the actors of a challenge commit to do. */
    ACTION;

    @Override
    public String messageKey() {
        return "indicator.kind." + code();
    }

    /** The value stored as {@code code}; fails loudly on a code the CHECK of the column does not allow. */
    public static IndicatorKind fromStored(String code) {
        return StoredCode.fromStored(IndicatorKind.class, code);
    }

    /** Every stored code, in order: the choices of the edit forms. */
    public static String[] codes() {
        return StoredCode.codes(IndicatorKind.class);
    }
}
