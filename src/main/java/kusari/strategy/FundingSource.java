package kusari.strategy;

import kusari.core.StoredCode;

/** 財源: where the money of a project's budget estimate comes from, in the order budget tables list them. */
public enum FundingSource implements StoredCode {
    /** 国庫支出金. */
    NATIONAL,
    /** 県支出金. */
    PREFECTURE,
    /** 地方債. */
    BOND,
    /** その他. */
    OTHER,
    /** 一般財源. */
    GENERAL;

    @Override
    public String messageKey() {
        return "choice." + code();
    }

    /** The value stored as {@code code}; fails loudly on a code the CHECK of the column does not allow. */
    public static FundingSource fromStored(String code) {
        return StoredCode.fromStored(FundingSource.class, code);
    }

    /** Every stored code, in order: the choices of the edit forms. */
    public static String[] codes() {
        return StoredCode.codes(FundingSource.class);
    }
}
