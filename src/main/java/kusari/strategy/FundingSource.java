package kusari.strategy;

import java.util.Arrays;

/** 財源: where the money of a project's budget estimate comes from, in the order budget tables list them. */
public enum FundingSource {
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

    public static String[] names() {
        return Arrays.stream(values()).map(Enum::name).toArray(String[]::new);
    }
}
