package kusari.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
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
     * A sheet: its name, column headings and rows of String or Number cells (null: empty). The rows are handed over
     * while the file is written, so that a large table is never held whole in memory.
     */
    public record Table(String name, List<String> header, Rows rows) {

        /** A table whose rows come from an iterable (a list, or rows made as they are asked for). */
        public Table(String name, List<String> header, Iterable<List<Object>> rows) {
            this(name, header, (Rows) rows::forEach);
        }
    }

    /**
     * The rows of a table, handed one by one to the file being written; a feature that reads its data in chunks
     * hands each chunk's rows over before it reads the next.
     */
    @FunctionalInterface
    public interface Rows {
        void each(Consumer<List<Object>> row);
    }

    private static final char BOM = '\uFEFF';
    /** Rows after which the .xlsx sheet is flushed to the answer, so that its rows are not kept until the end. */
    private static final int XLSX_FLUSH_ROWS = 1_000;

    private Exports() {
    }

    /** Writes the CSV row by row as the rows are handed over. */
    public static void writeCsv(Table table, OutputStream out) {
        try {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write(BOM);
            // EXCEL: comma separated, CRLF line ends, quotes only where needed; the header is written as a row
            // so that it is neutralised like any other text.
            CSVPrinter printer = new CSVPrinter(w, CSVFormat.EXCEL);
            printer.printRecord(table.header().stream().map(Exports::neutralise).toList());
            table.rows().each(row -> {
                try {
                    printer.printRecord(row.stream().map(Exports::csvCell).toList());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
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
            XlsxSheet sheet = new XlsxSheet(wb.newWorksheet(sheetName(table.name())), table.header());
            table.rows().each(sheet::add);
            sheet.finish();
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sheet being written: the first rows wait until they have given the columns' widths. */
    private static final class XlsxSheet {
        private final Worksheet ws;
        private final List<String> header;
        private List<List<Object>> first = new ArrayList<>();
        private int r;

        XlsxSheet(Worksheet ws, List<String> header) {
            this.ws = ws;
            this.header = header;
        }

        void add(List<Object> row) {
            if (first == null) {
                write(row);
                return;
            }
            first.add(row);
            if (first.size() == SheetLayout.SAMPLE_ROWS) {
                start();
            }
        }

        void finish() {
            if (first != null) {
                start();
            }
        }

        private void start() {
            SheetLayout.start(ws, header, first);
            List<List<Object>> waiting = first;
            first = null;
            waiting.forEach(this::write);
        }

        private void write(List<Object> row) {
            r++;
            for (int c = 0; c < row.size(); c++) {
                SheetLayout.cell(ws, r, c, row.get(c));
            }
            if (r % XLSX_FLUSH_ROWS == 0) {
                try {
                    ws.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
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

    private static Object csvCell(Object v) {
        if (v == null) {
            return "";
        }
        // Numbers are written as numbers: a negative emotion score is data, not a formula. A decimal is written as
        // entered (1.5, 55.6), never as 3.0 or in exponent form, so a spreadsheet and the import read it back alike.
        if (v instanceof Double d) {
            return plain(d);
        }
        return v instanceof Number ? v : neutralise(v.toString());
    }

    /** A decimal in its plain form: 3 for 3.0, 0.0001 rather than 1.0E-4. */
    public static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
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
