package kusari.web;

import java.util.List;
import org.dhatim.fastexcel.Worksheet;

/**
 * How every .xlsx export is laid out for people who open and print it: a bold header row that stays in view
 * (frozen) and is repeated on every printed page, columns as wide as their text (up to a limit), and pages in
 * landscape fitted to the paper's width. Text cells are written as text: a spreadsheet never evaluates them, so no
 * apostrophe is added (that is the CSV's protection only, {@link CellText}).
 */
public final class SheetLayout {

    /** Rows looked at for the columns' widths: a sheet's widths are written before its first rows are flushed. */
    public static final int SAMPLE_ROWS = 1_000;
    private static final int MIN_WIDTH = 6;
    private static final int MAX_WIDTH = 60;

    private SheetLayout() {
    }

    /**
     * The header row, the frozen pane, the print setup and the columns' widths from the header and {@code sample}
     * (the first rows). Call before writing any row and before the first flush.
     */
    public static void start(Worksheet ws, List<String> header, List<List<Object>> sample) {
        for (int c = 0; c < header.size(); c++) {
            ws.value(0, c, header.get(c));
            ws.style(0, c).bold().fillColor("E6EEF9").set();
        }
        for (int c = 0; c < header.size(); c++) {
            int width = displayWidth(header.get(c));
            for (List<Object> row : sample) {
                if (c < row.size() && row.get(c) != null) {
                    width = Math.max(width, displayWidth(row.get(c).toString()));
                }
            }
            ws.width(c, Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, width)) + 2);
        }
        ws.freezePane(0, 1);
        ws.repeatRows(0);
        ws.pageOrientation("landscape");
        ws.setFitToPage(true);
        ws.fitToWidth((short) 1);
        // 0: as many pages down as the rows need; only the width is fitted.
        ws.fitToHeight((short) 0);
    }

    /** One cell: a number as a number, any other value as text, nothing for null. */
    public static void cell(Worksheet ws, int row, int column, Object value) {
        if (value instanceof Number n) {
            ws.value(row, column, n);
        } else if (value != null && !value.toString().isEmpty()) {
            ws.value(row, column, value.toString());
        }
    }

    /** Width in a spreadsheet's character widths: Japanese and other full-width characters count two. */
    static int displayWidth(String text) {
        int width = 0;
        int longest = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                longest = Math.max(longest, width);
                width = 0;
                continue;
            }
            width += wide(cp) ? 2 : 1;
        }
        return Math.max(longest, width);
    }

    private static boolean wide(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || (cp >= 0x3000 && cp <= 0x303F)
                || (cp >= 0xFF01 && cp <= 0xFF60);
    }
}
