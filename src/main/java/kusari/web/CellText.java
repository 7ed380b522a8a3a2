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
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}
