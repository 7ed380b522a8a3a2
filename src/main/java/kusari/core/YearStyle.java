package kusari.core;

import java.util.Arrays;

/**
 * How a workspace shows fiscal years (a workspace setting of the yearly review). Municipalities differ: most
 * write 和暦 first, some the western year first. 元年 is used for the first year of an era in every style.
 */
public enum YearStyle {
    /** 令和2年度（2020）, the default. */
    WAREKI_WESTERN,
    /** 2020年度（令和2年度）. */
    WESTERN_WAREKI,
    /** 令和2年度. */
    WAREKI,
    /** 2020年度. */
    WESTERN,
    /** 令和2年度（2020）, with FY2019 as 平成31年度（2019）: plans written before the era changed in May 2019. */
    WAREKI_WESTERN_HEISEI31,
    /** 令和2年度, with FY2019 as 平成31年度. */
    WAREKI_HEISEI31;

    /** Whether FY2019 is written 平成31年度 (the plan was written before 令和 began) rather than 令和元年度. */
    public boolean heisei31() {
        return this == WAREKI_WESTERN_HEISEI31 || this == WAREKI_HEISEI31;
    }

    private String wareki(int year) {
        return heisei31() && year == 2019 ? "平成31年度" : new FiscalYear(year).wareki();
    }

    private String warekiLatin(int year) {
        return heisei31() && year == 2019 ? "Heisei 31" : new FiscalYear(year).warekiLatin();
    }

    public static String[] names() {
        return Arrays.stream(values()).map(Enum::name).toArray(String[]::new);
    }

    /** The style named, or the default for anything else. */
    public static YearStyle of(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst().orElse(WAREKI_WESTERN);
    }

    /** A fiscal year in this style; English always gives the western year first, e.g. FY2020 (Reiwa 2). */
    public String format(int year, boolean japanese) {
        if (!japanese) {
            return switch (this) {
                case WESTERN -> "FY" + year;
                case WAREKI, WAREKI_HEISEI31 -> warekiLatin(year);
                default -> "FY" + year + " (" + warekiLatin(year) + ")";
            };
        }
        return switch (this) {
            case WAREKI_WESTERN, WAREKI_WESTERN_HEISEI31 -> wareki(year) + "（" + year + "）";
            case WESTERN_WAREKI -> year + "年度（" + wareki(year) + "）";
            case WAREKI, WAREKI_HEISEI31 -> wareki(year);
            case WESTERN -> year + "年度";
        };
    }

    /** The short form for table headings: R2, H31 / 2020. */
    public String shortFormat(int year) {
        return switch (this) {
            case WESTERN, WESTERN_WAREKI -> String.valueOf(year);
            default -> heisei31() && year == 2019 ? "H31" : new FiscalYear(year).warekiShort();
        };
    }

    /**
     * A year as a person typed it (a baseline's 「H26」, 「平成26年度」, 「2014」) in this style; text that is not
     * a fiscal year (「2020年10月1日」, 「R2.4」) is shown as typed.
     */
    public String text(String typed, boolean japanese) {
        if (typed == null || typed.isBlank()) {
            return "";
        }
        String t = typed.strip();
        if (t.endsWith("年") && !t.endsWith("年度")) {
            // 「2017年」, 「平成29年」: a calendar year (a census, a survey), not a fiscal year: left as written
            return typed;
        }
        return FiscalYear.parse(t).map(fy -> format(fy.year(), japanese)).orElse(typed);
    }
}
