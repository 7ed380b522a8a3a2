package kusari.core;

/**
 * A Japanese fiscal year (年度, April to March) named by the western year it starts in: 2020 = 令和2年度.
 * The era of a fiscal year is the era in force for most of it, as municipalities write it: FY2019 is 令和元年度.
 */
public record FiscalYear(int year) {

    /** 和暦 name, e.g. 令和2年度, 平成30年度, 令和元年度. */
    public String wareki() {
        String era;
        int n;
        if (year >= 2019) {
            era = "令和";
            n = year - 2018;
        } else if (year >= 1989) {
            era = "平成";
            n = year - 1988;
        } else {
            era = "昭和";
            n = year - 1925;
        }
        return era + (n == 1 ? "元" : String.valueOf(n)) + "年度";
    }

    /** Romanised era for English text, e.g. Reiwa 2. */
    public String warekiLatin() {
        if (year >= 2019) {
            return "Reiwa " + (year - 2018);
        }
        if (year >= 1989) {
            return "Heisei " + (year - 1988);
        }
        return "Showa " + (year - 1925);
    }

    /**
     * 令和2年度（2020） in Japanese — the default display the strategy documents use (a workspace may choose
     * another, see {@link YearStyle}); FY2020 (Reiwa 2) in English.
     */
    public String label(boolean japanese) {
        return YearStyle.WAREKI_WESTERN.format(year, japanese);
    }

    /** 令和2年度〜令和6年度（2020〜2024年度） in Japanese; FY2020–FY2024 (Reiwa 2–6) in English. */
    public static String period(int from, int to, boolean japanese) {
        FiscalYear a = new FiscalYear(from);
        FiscalYear b = new FiscalYear(to);
        if (japanese) {
            return a.wareki() + "〜" + b.wareki() + "（" + from + "〜" + to + "年度）";
        }
        return "FY" + from + "–FY" + to + " (" + a.warekiLatin() + " – " + b.warekiLatin() + ")";
    }

    private static final java.util.regex.Pattern INPUT = java.util.regex.Pattern.compile(
            "(?i)^(?:(\\d{4})|(令和|平成|昭和|R|H|S)\\s*(\\d{1,2}|元))\\s*(?:年度|年)?$");

    /**
     * Reads a fiscal year as people type it: 2020, 2020年度, R2, 令和2年度, 令和元年度, H31, 平成31年度, and
     * the never-existing 平成32年度 that documents written before the era change still use (= 2020).
     */
    public static java.util.Optional<FiscalYear> parse(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        String normalized = java.text.Normalizer.normalize(text.strip(), java.text.Normalizer.Form.NFKC);
        java.util.regex.Matcher m = INPUT.matcher(normalized);
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        if (m.group(1) != null) {
            return java.util.Optional.of(new FiscalYear(Integer.parseInt(m.group(1))));
        }
        int n = m.group(3).equals("元") ? 1 : Integer.parseInt(m.group(3));
        if (n < 1) {
            return java.util.Optional.empty();
        }
        int base = switch (m.group(2).toUpperCase(java.util.Locale.ROOT)) {
            case "令和", "R" -> 2018;
            case "平成", "H" -> 1988;
            default -> 1925;
        };
        return java.util.Optional.of(new FiscalYear(base + n));
    }

    // --- short era names for table headings ---

    /** R2, H31, S63: the short era name planners write in table headings (R1 for 令和元年度). */
    public String warekiShort() {
        if (year >= 2019) {
            return "R" + (year - 2018);
        }
        if (year >= 1989) {
            return "H" + (year - 1988);
        }
        return "S" + (year - 1925);
    }
}
