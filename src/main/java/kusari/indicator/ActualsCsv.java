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

    /** What one line of the file would do. {@code action} is ADD, CHANGE, SAME, OTHER_YEAR, EMPTY or ERROR. */
    public record Row(long line, Long indicatorId, String indicatorName, String year, String value, String state,
                      String action, List<String> problems) {
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
    }

    /** A decoded file and the name of its encoding. */
    record Decoded(String text, String encoding) {
    }

    static Decoded decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return new Decoded(text, "UTF-8");
        } catch (CharacterCodingException e) {
            // Not UTF-8: Excel's "CSV" on a Japanese Windows writes CP932 (Shift_JIS with Microsoft's extensions).
            return new Decoded(new String(bytes, Charset.forName("windows-31j")), "Shift_JIS (CP932)");
        }
    }

    /**
     * Reads {@code bytes} as values for {@code fiscalYear}, comparing with {@code current} (the stored values by
     * indicator) and resolving indicators among {@code indicators}.
     */
    public static Report read(byte[] bytes, int fiscalYear, List<Indicator> indicators, Map<Long, YearValue> current,
                              Ui ui) {
        Decoded decoded = decode(bytes);
        List<Row> rows = new ArrayList<>();
        List<ReviewService.Cell> cells = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<Long, Indicator> byId = new HashMap<>();
        Map<String, List<Indicator>> byName = new HashMap<>();
        for (Indicator i : indicators) {
            byId.put(i.id(), i);
            byName.computeIfAbsent(norm(i.name()), k -> new ArrayList<>()).add(i);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get();
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(decoded.text()), format)) {
            records = parser.getRecords();
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            problems.add(ui.t("import.csv.unreadable", e.getMessage() == null ? "" : e.getMessage()));
            return new Report(decoded.encoding(), rows, List.of(), problems);
        }
        if (records.isEmpty()) {
            problems.add(ui.t("import.csv.empty"));
            return new Report(decoded.encoding(), rows, List.of(), problems);
        }
        if (records.size() > MAX_ROWS + 1) {
            problems.add(ui.t("import.csv.tooManyRows", MAX_ROWS));
            return new Report(decoded.encoding(), rows, List.of(), problems);
        }
        Map<String, Integer> columns = columns(records.get(0));
        if (!columns.containsKey("value") || !(columns.containsKey("id") || columns.containsKey("name"))) {
            problems.add(ui.t("import.csv.noColumns"));
            return new Report(decoded.encoding(), rows, List.of(), problems);
        }
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int r = 1; r < records.size(); r++) {
            CSVRecord record = records.get(r);
            long line = record.getRecordNumber();
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
                    rowProblems.add(ui.t("import.csv.badValue", value));
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
            rows.add(new Row(line, id, shownName, yearText, value, stateText, action, List.of()));
            if (!same) {
                cells.add(new ReviewService.Cell(indicator.id(), now == null ? 0 : now.version(), state.code(),
                        number == null ? "" : Achievement.formatNumber(number), dataDate, source, note, null));
            }
        }
        return new Report(decoded.encoding(), rows, List.copyOf(cells), problems);
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
        return i == null || i >= record.size() ? "" : record.get(i).strip();
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
