package kusari.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Tables taken away to a spreadsheet: CSV in UTF-8 with a byte order mark (so Excel opens Japanese correctly),
 * and .xlsx. Text cells that a spreadsheet would run as a formula are neutralised in the CSV; in .xlsx every text
 * cell is stored as text, which a spreadsheet never evaluates.
 */
public final class Exports {

    /**
     * A sheet: its name, column headings and rows of String or Number cells (null: empty). The rows are produced
     * while the file is written, so that a large table is never held whole in memory.
     */
    public record Table(String name, List<String> header, Iterable<List<Object>> rows) {
    }

    private static final char BOM = '\uFEFF';
    /** Rows after which the .xlsx sheet is flushed to the answer, so that its rows are not kept until the end. */
    private static final int XLSX_FLUSH_ROWS = 1_000;

    private Exports() {
    }

    /** Writes the CSV row by row as the rows are produced. */
    public static void writeCsv(Table table, OutputStream out) {
        try {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write(BOM);
            // EXCEL: comma separated, CRLF line ends, quotes only where needed; the header is written as a row
            // so that it is neutralised like any other text.
            CSVPrinter printer = new CSVPrinter(w, CSVFormat.EXCEL);
            printer.printRecord(table.header().stream().map(Exports::neutralise).toList());
            for (List<Object> row : table.rows()) {
                printer.printRecord(row.stream().map(Exports::csvCell).toList());
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the .xlsx, flushing the sheet every thousand rows; the first thousand give the columns' widths
     * ({@link SheetLayout}: frozen header, print setup, text cells as text).
     */
    public static void writeXlsx(Table table, OutputStream out) {
        try {
            Workbook wb = new Workbook(out, "Kusari", "1.0");
            Worksheet ws = wb.newWorksheet(sheetName(table.name()));
            java.util.Iterator<List<Object>> rows = table.rows().iterator();
            List<List<Object>> first = new java.util.ArrayList<>();
            while (first.size() < SheetLayout.SAMPLE_ROWS && rows.hasNext()) {
                first.add(rows.next());
            }
            SheetLayout.start(ws, table.header(), first);
            int r = 0;
            for (java.util.Iterator<List<Object>> it = concat(first.iterator(), rows); it.hasNext(); ) {
                List<Object> row = it.next();
                r++;
                for (int c = 0; c < row.size(); c++) {
                    SheetLayout.cell(ws, r, c, row.get(c));
                }
                if (r % XLSX_FLUSH_ROWS == 0) {
                    ws.flush();
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the table to the answer row by row as it is made (no whole-file buffer): {@code format} "csv", else
     * .xlsx. {@code fileName} without its ending, ASCII only (slugs and ids), so no RFC 5987 encoding is needed.
     */
    public static void download(io.javalin.http.Context ctx, Table table, String format, String fileName) {
        if ("csv".equals(format)) {
            ctx.contentType("text/csv; charset=utf-8");
            ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + ".csv\"");
            writeCsv(table, ctx.outputStream());
        } else {
            ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + ".xlsx\"");
            writeXlsx(table, ctx.outputStream());
        }
    }

    private static <T> java.util.Iterator<T> concat(java.util.Iterator<T> a, java.util.Iterator<T> b) {
        return new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                return a.hasNext() || b.hasNext();
            }

            @Override
            public T next() {
                return a.hasNext() ? a.next() : b.next();
            }
        };
    }

    private static Object csvCell(Object v) {
        if (v == null) {
            return "";
        }
        // Numbers are written as numbers: a negative emotion score is data, not a formula.
        return v instanceof Number ? v : neutralise(v.toString());
    }

    /** See {@link kusari.web.CellText#neutralise}: one rule for every export of the application. */
    public static String neutralise(String text) {
        return CellText.neutralise(text);
    }

    /** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
    public static String sheetName(String name) {
        String cleaned = name.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        if (cleaned.isEmpty()) {
            cleaned = "Kusari";
        }
        return cleaned.length() > 31 ? cleaned.substring(0, 31) : cleaned;
    }
}
