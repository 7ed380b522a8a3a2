package kusari.indicator;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kusari.core.FiscalYear;
import kusari.core.Ui;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads actual values for one fiscal year from a CSV file — the exported indicator table, or any sheet with at least
 * an indicator column (id or exact name) and a value column — into a dry-run report: per line what would be added
 * or changed, and every problem with its line. Files come from Excel on Windows (Shift_JIS/CP932) as often as in
 * UTF-8; the encoding is detected: a UTF-8 byte order mark, else valid UTF-8, else CP932. Nothing is written here:
 * applying the report's cells goes through {@link ReviewService#save}, all of them or none.
 */
public final class ActualsCsv {

    /** The most rows a file may have: a strategy has hundreds of indicators, not tens of thousands. */
    static final int MAX_ROWS = 20_000;

    private ActualsCsv() {
    }

    /**
     * What one line of the file would do. {@code action} is ADD, CHANGE, SAME, OTHER_YEAR, EMPTY or ERROR;
     * {@code value} is the text as typed, {@code stored} the number that would be stored (shown beside it, so a
     * 0.635 typed for 63.5 % is seen before it is taken); {@code far} says the number is ten times or more, or a
     * tenth or less, of the previous year's value or the baseline: applying then needs an explicit confirmation.
     */
    public record Row(long line, Long indicatorId, String indicatorName, String year, String value, String stored,
                      String state, String action, List<String> problems, boolean far, List<String> warnings) {
        Row(long line, Long indicatorId, String indicatorName, String year, String value, String state,
            String action, List<String> problems) {
            this(line, indicatorId, indicatorName, year, value, "", state, action, problems, false, List.of());
        }

        public boolean error() {
            return action.equals("ERROR");
        }
    }

    /**
     * The dry run: the encoding found, every line, and the cells to save when applied (only ADD and CHANGE rows).
     */
    public record Report(String encoding, List<Row> rows, List<ReviewService.Cell> cells, List<String> problems) {
        public long errors() {
            return rows.stream().filter(Row::error).count() + problems.size();
        }

        public long count(String action) {
            return rows.stream().filter(r -> r.action().equals(action)).count();
        }

        public boolean applicable() {
            return errors() == 0 && !cells.isEmpty();
        }

        /** Lines whose number is far from the previous year's value or the baseline: applying asks to confirm. */
        public long far() {
            return rows.stream().filter(Row::far).count();
        }
    }

    /** A decoded file and the name of its encoding; {@code problem} is the message key when it cannot be read. */
    record Decoded(String text, String encoding, String problem) {
        Decoded(String text, String encoding) {
            this(text, encoding, null);
        }
    }

    static Decoded decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return strict(bytes, 3, StandardCharsets.UTF_8, "UTF-8");
        }
        // Excel's "Unicode text" and some tools write UTF-16 with a byte order mark.
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            return strict(bytes, 2, StandardCharsets.UTF_16LE, "UTF-16LE");
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            return strict(bytes, 2, StandardCharsets.UTF_16BE, "UTF-16BE");
        }
        for (byte b : bytes) {
            if (b == 0) {
                // A NUL byte is never in a UTF-8 or Shift_JIS text: UTF-16 without its byte order mark, or not text.
                return new Decoded("", "?", "import.csv.utf16NoBom");
            }
        }
        Decoded utf8 = strict(bytes, 0, StandardCharsets.UTF_8, "UTF-8");
        if (utf8.problem() == null) {
            return utf8;
        }
        // Not UTF-8: Excel's "CSV" on a Japanese Windows writes CP932 (Shift_JIS with Microsoft's extensions).
        Decoded sjis = strict(bytes, 0, Charset.forName("windows-31j"), "Shift_JIS (CP932)");
        return sjis.problem() == null ? sjis : new Decoded("", "?", "import.csv.unknownEncoding");
    }

    /** The bytes after {@code skip} in {@code charset}, or the problem when they are not valid in it. */
    private static Decoded strict(byte[] bytes, int skip, Charset charset, String name) {
        try {
            String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
            return new Decoded(text, name);
        } catch (CharacterCodingException e) {
            return new Decoded("", name, "import.csv.badEncoding");
        }
    }

    /** {@link #read(byte[], int, List, Map, Map, Ui)} with no values of the year before. */
    public static Report read(byte[] bytes, int fiscalYear, List<Indicator> indicators, Map<Long, YearValue> current,
                              Ui ui) {
        return read(bytes, fiscalYear, indicators, current, Map.of(), ui);
    }

    /**
     * Reads {@code bytes} as values for {@code fiscalYear}, comparing with {@code current} (the stored values by
     * indicator) and {@code previous} (the year before's, to notice a number far from it), and resolving indicators
     * among {@code indicators}.
     */
    public static Report read(byte[] bytes, int fiscalYear, List<Indicator> indicators, Map<Long, YearValue> current,
                              Map<Long, YearValue> previous, Ui ui) {
        Decoded decoded = decode(bytes);
        List<Row> rows = new ArrayList<>();
        List<ReviewService.Cell> cells = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (decoded.problem() != null) {
            problems.add(ui.t(decoded.problem(), decoded.encoding()));
            return new Report(decoded.encoding(), rows, List.of(), problems);
        }
        Map<Long, Indicator> byId = new HashMap<>();
        Map<String, List<Indicator>> byName = new HashMap<>();
        for (Indicator i : indicators) {
            byId.put(i.id(), i);
            byName.computeIfAbsent(norm(i.name()), k -> new ArrayList<>()).add(i);
        }
        List<Line> records = new ArrayList<>();
        List<Row> broken = records(decoded.text(), records, ui);
        if (records.size() > MAX_ROWS + 1) {
            problems.add(ui.t("import.csv.tooManyRows", MAX_ROWS));
            return new Report(decoded.encoding(), rows, List.of(), problems);
        }
        if (records.isEmpty() || records.get(0).line() != 1) {
            problems.add(ui.t(records.isEmpty() && broken.isEmpty() ? "import.csv.empty" : "import.csv.noColumns"));
            rows.addAll(broken);
            return new Report(decoded.encoding(), rows, List.of(), problems);
        }
        Map<String, Integer> columns = columns(records.get(0).record());
        if (!columns.containsKey("value") || !(columns.containsKey("id") || columns.containsKey("name"))) {
            problems.add(ui.t("import.csv.noColumns"));
            return new Report(decoded.encoding(), rows, List.of(), problems);
        }
        java.util.Set<Long> seen = new java.util.HashSet<>();
        rows.addAll(broken);
        for (int r = 1; r < records.size(); r++) {
            CSVRecord record = records.get(r).record();
            long line = records.get(r).line();
            String idText = cell(record, columns, "id");
            String name = cell(record, columns, "name");
            String yearText = cell(record, columns, "fiscalYear");
            String value = cell(record, columns, "value");
            String stateText = cell(record, columns, "state");
            List<String> rowProblems = new ArrayList<>();
            if (idText.isEmpty() && name.isEmpty() && value.isEmpty() && yearText.isEmpty()) {
                continue;
            }
            // The year first: lines of other years (a whole exported table) are passed over, not wrong.
            if (!yearText.isEmpty()) {
                Optional<FiscalYear> year = FiscalYear.parse(yearText);
                if (year.isEmpty()) {
                    rowProblems.add(ui.t("import.csv.badYear", yearText));
                } else if (year.get().year() != fiscalYear) {
                    rows.add(new Row(line, null, name, yearText, value, stateText, "OTHER_YEAR", List.of()));
                    continue;
                }
            }
            Indicator indicator = null;
            if (!idText.isEmpty()) {
                try {
                    indicator = byId.get(Long.parseLong(Normalizer.normalize(idText, Normalizer.Form.NFKC).strip()));
                } catch (NumberFormatException e) {
                    indicator = null;
                }
                if (indicator == null) {
                    rowProblems.add(ui.t("import.csv.unknownId", idText));
                }
            } else {
                List<Indicator> named = byName.getOrDefault(norm(name), List.of());
                if (named.size() == 1) {
                    indicator = named.get(0);
                } else {
                    rowProblems.add(ui.t(named.isEmpty() ? "import.csv.unknownName" : "import.csv.ambiguousName", name));
                }
            }
            ValueState state = state(stateText);
            if (state == null) {
                rowProblems.add(ui.t("import.csv.badState", stateText));
            }
            Double number = null;
            if (!value.isEmpty()) {
                try {
                    number = ReviewService.parseNumber(value);
                } catch (NumberFormatException e) {
                    rowProblems.add(ui.t(ReviewService.badGrouping(value) ? "import.csv.badGrouping"
                            : "import.csv.badValue", value));
                }
            }
            String note = cell(record, columns, "note");
            if (state == ValueState.NOT_ASSESSABLE) {
                if (!value.isEmpty()) {
                    rowProblems.add(ui.t("validation.valueWhenNotAssessable"));
                }
                if (note.isEmpty()) {
                    rowProblems.add(ui.t("import.csv.reasonMissing"));
                }
            }
            if (indicator != null && !seen.add(indicator.id())) {
                rowProblems.add(ui.t("import.csv.twice", indicator.name()));
            }
            String shownName = indicator != null ? indicator.name() : name;
            Long id = indicator != null ? indicator.id() : null;
            if (!rowProblems.isEmpty()) {
                rows.add(new Row(line, id, shownName, yearText, value, stateText, "ERROR", rowProblems));
                continue;
            }
            if (value.isEmpty() && state != ValueState.NOT_ASSESSABLE) {
                rows.add(new Row(line, id, shownName, yearText, value, stateText, "EMPTY", List.of()));
                continue;
            }
            YearValue now = current.get(indicator.id());
            String dataDate = cell(record, columns, "dataDate");
            String source = cell(record, columns, "source");
            boolean same = now != null && now.state() == state && java.util.Objects.equals(now.value(), number)
                    && now.dataDate().equals(dataDate) && now.source().equals(source) && now.note().equals(note);
            String action = now == null ? "ADD" : same ? "SAME" : "CHANGE";
            List<String> warnings = same ? List.of() : farFrom(indicator, number, previous.get(indicator.id()), ui);
            rows.add(new Row(line, id, shownName, yearText, value,
                    number == null ? "" : Achievement.formatShown(number) + indicator.unit(), stateText, action,
                    List.of(), !warnings.isEmpty(), warnings));
            if (!same) {
                cells.add(new ReviewService.Cell(indicator.id(), now == null ? 0 : now.version(), state.code(),
                        number == null ? "" : Achievement.formatNumber(number), dataDate, source, note, null));
            }
        }
        return new Report(decoded.encoding(), rows, List.copyOf(cells), problems);
    }

    /** A record of the file and the physical line it starts on (a quoted line break makes the two differ). */
    record Line(long line, CSVRecord record) {
    }

    /**
     * Every record of {@code text} into {@code out}; a line the parser cannot read (an unterminated quote, which
     * would swallow the rest of the file) is answered as an ERROR row naming its line, and reading goes on at the
     * next line, so the other lines' problems are still listed.
     */
    private static List<Row> records(String text, List<Line> out, Ui ui) {
        List<Row> broken = new ArrayList<>();
        String[] lines = text.split("\r\n|\n|\r", -1);
        int from = 0;
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get();
        while (from < lines.length && out.size() <= MAX_ROWS + 1) {
            String rest = String.join("\n", java.util.Arrays.asList(lines).subList(from, lines.length));
            long consumed = 0;
            try (CSVParser parser = CSVParser.parse(new StringReader(rest), format)) {
                java.util.Iterator<CSVRecord> it = parser.iterator();
                while (true) {
                    consumed = parser.getCurrentLineNumber();
                    if (!it.hasNext()) {
                        break;
                    }
                    CSVRecord record = it.next();
                    out.add(new Line(from + consumed + 1, record));
                    if (out.size() > MAX_ROWS + 1) {
                        break;
                    }
                }
                from = lines.length;
            } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
                long bad = from + consumed + 1;
                String why = e.getMessage() != null && e.getMessage().contains("EOF reached before encapsulated")
                        ? "import.csv.unterminatedQuote" : "import.csv.unreadableLine";
                broken.add(new Row(bad, null, "", "", abbreviate(lines[(int) bad - 1]), "", "ERROR",
                        List.of(ui.t(why, bad))));
                from = (int) bad;
            }
        }
        return broken;
    }

    private static String abbreviate(String line) {
        return line.codePointCount(0, line.length()) <= 40 ? line
                : line.substring(0, line.offsetByCodePoints(0, 40)) + "…";
    }

    /**
     * Why {@code number} for {@code indicator} needs a second look: ten times or more, or a tenth or less, of the
     * previous year's value or of the baseline (a rate typed as 0.635 for 63.5 %, a value in 人 typed in 千人).
     */
    static List<String> farFrom(Indicator indicator, Double number, YearValue previous, Ui ui) {
        if (number == null || number == 0) {
            return List.of();
        }
        List<String> warnings = new ArrayList<>();
        if (previous != null && previous.value() != null && far(number, previous.value())) {
            warnings.add(ui.t("import.csv.farFromPrevious", Achievement.formatShown(number),
                    Achievement.formatShown(previous.value()) + indicator.unit()));
        } else if (indicator.baselineValue() != null && far(number, indicator.baselineValue())) {
            warnings.add(ui.t("import.csv.farFromBaseline", Achievement.formatShown(number),
                    Achievement.formatShown(indicator.baselineValue()) + indicator.unit()));
        }
        if (!warnings.isEmpty() && indicator.unit().contains("%") && Math.abs(number) < 1) {
            warnings.add(ui.t("import.csv.percentAsFraction", Achievement.formatShown(number),
                    Achievement.formatShown(number * 100)));
        }
        return warnings;
    }

    /** Whether any of {@code cells} (as carried by the dry run's form) holds a number far from before. */
    static boolean anyFar(List<ReviewService.Cell> cells, List<Indicator> indicators, Map<Long, YearValue> previous,
                          Ui ui) {
        Map<Long, Indicator> byId = new HashMap<>();
        indicators.forEach(i -> byId.put(i.id(), i));
        for (ReviewService.Cell c : cells) {
            Indicator indicator = byId.get(c.indicatorId());
            if (indicator == null || c.value() == null || c.value().isBlank()) {
                continue;
            }
            try {
                if (!farFrom(indicator, ReviewService.parseNumber(c.value()), previous.get(indicator.id()), ui).isEmpty()) {
                    return true;
                }
            } catch (NumberFormatException e) {
                // refused by the save's own validation
            }
        }
        return false;
    }

    private static boolean far(double number, double reference) {
        if (reference == 0) {
            return false;
        }
        double ratio = Math.abs(number / reference);
        return ratio >= 10 || ratio <= 0.1;
    }

    /** Header names in either language (the export's), and a few usual ones, to column keys. */
    private static Map<String, Integer> columns(CSVRecord header) {
        Map<String, String> names = new HashMap<>();
        for (Ui.Lang lang : Ui.Lang.values()) {
            for (String key : IndicatorExport.COLUMNS) {
                names.put(norm(lang.bundle().getString("indicator.column." + key)), key);
            }
        }
        for (String[] alias : new String[][] {{"指標id", "id"}, {"id", "id"}, {"指標", "name"}, {"指標名", "name"},
                {"年度", "fiscalYear"}, {"実績値", "value"}, {"値", "value"}, {"value", "value"}, {"actual", "value"},
                {"状態", "state"}, {"備考", "note"}, {"理由", "note"}, {"出典", "source"}}) {
            names.putIfAbsent(norm(alias[0]), alias[1]);
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String key = names.get(norm(header.get(i)));
            if (key != null) {
                columns.putIfAbsent(key, i);
            }
        }
        return columns;
    }

    private static String cell(CSVRecord record, Map<String, Integer> columns, String key) {
        Integer i = columns.get(key);
        // A spreadsheet keeps the apostrophe the export put before a text it would have read as a formula or a
        // date; it is taken off here, so that a file exported, re-saved and imported changes nothing.
        return i == null || i >= record.size() ? "" : kusari.web.CellText.restore(record.get(i).strip());
    }

    /** 実績 / 見込 / 評価不能 in either language, or the stored names; empty means an actual. */
    private static ValueState state(String text) {
        String t = norm(text);
        if (t.isEmpty()) {
            return ValueState.ACTUAL;
        }
        for (ValueState state : ValueState.values()) {
            if (t.equals(norm(state.code()))) {
                return state;
            }
            for (Ui.Lang lang : Ui.Lang.values()) {
                if (t.equals(norm(lang.bundle().getString(state.messageKey())))) {
                    return state;
                }
            }
        }
        return null;
    }

    private static String norm(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }
}
