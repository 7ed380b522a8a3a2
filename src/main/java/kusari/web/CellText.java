package kusari.web;

/** Text written into a spreadsheet export (CSV or .xlsx) by any feature. */
public final class CellText {

    private CellText() {
    }

    /**
     * A text that starts like a formula (= + - @, or tab and carriage return, which some spreadsheets skip before
     * one) gets a leading apostrophe, so a spreadsheet shows it as text and never runs it (OWASP: CSV injection).
     * Numbers are not texts: write them as numbers, not through here.
     */
    public static String neutralise(String text) {
        return protects(text) ? "'" + text : text;
    }

    /**
     * Whether a spreadsheet opening the CSV would take {@code text} for something else: a formula (see above), or a
     * date or a number where the text is a code (the project code 1-03-4, 2020/3, 1-1): these get the same
     * apostrophe, so the code stays as written. In .xlsx a text cell is text; nothing is added there.
     */
    static boolean protects(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || DATE_LIKE.matcher(text).matches();
    }

    /** Read as a date by Excel and LibreOffice: digits in two or three parts joined by - or /. */
    private static final java.util.regex.Pattern DATE_LIKE =
            java.util.regex.Pattern.compile("\\d{1,4}[-/]\\d{1,2}([-/]\\d{1,4})?");

    /**
     * The text as it was before {@link #neutralise}: a CSV exported by Kusari, re-saved by a spreadsheet (which
     * keeps the apostrophe as part of the text) and imported changes nothing. An apostrophe before a text that
     * would not have been protected is the person's own and stays.
     */
    public static String restore(String text) {
        return text.length() > 1 && text.charAt(0) == '\'' && protects(text.substring(1)) ? text.substring(1) : text;
    }
}
