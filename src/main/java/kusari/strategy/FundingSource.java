package kusari.strategy;

import com.fasterxml.jackson.annotation.JsonValue;
import kusari.core.StoredCode;

/** 財源: where the money of a project's budget estimate comes from, in the order budget tables list them. */
public enum FundingSource implements StoredCode {
    /** 国庫支出金. */
    NATIONAL("NATIONAL"),
    /** 県支出金. */
    PREFECTURE("PREFECTURE"),
    /** 地方債. */
    BOND("BOND"),
    /** その他. */
    OTHER("OTHER"),
    /** 一般財源. */
    GENERAL("GENERAL");

    private final String code;

    FundingSource(String code) {
        this.code = code;
    }

    /** The stored code (budget_source.source), also what the JSON API and the data files say. */
    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @Override
    public String messageKey() {
        return "choice." + code;
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
