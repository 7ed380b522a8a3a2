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
    WESTERN;

    public static String[] names() {
        return Arrays.stream(values()).map(Enum::name).toArray(String[]::new);
    }

    /** The style named, or the default for anything else. */
    public static YearStyle of(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst().orElse(WAREKI_WESTERN);
    }

    /** A fiscal year in this style; English always gives the western year first, e.g. FY2020 (Reiwa 2). */
    public String format(int year, boolean japanese) {
        FiscalYear fy = new FiscalYear(year);
        if (!japanese) {
            return switch (this) {
                case WESTERN -> "FY" + year;
                case WAREKI -> fy.warekiLatin();
                default -> "FY" + year + " (" + fy.warekiLatin() + ")";
            };
        }
        return switch (this) {
            case WAREKI_WESTERN -> fy.wareki() + "（" + year + "）";
            case WESTERN_WAREKI -> year + "年度（" + fy.wareki() + "）";
            case WAREKI -> fy.wareki();
            case WESTERN -> year + "年度";
        };
    }

    /** The short form for table headings: R2, H31 / 2020. */
    public String shortFormat(int year) {
        return switch (this) {
            case WESTERN, WESTERN_WAREKI -> String.valueOf(year);
            default -> new FiscalYear(year).warekiShort();
        };
    }
}
