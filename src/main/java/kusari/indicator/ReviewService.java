package kusari.indicator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.change.Change;
import kusari.change.ChangeLog;
import kusari.core.ConflictException;
import kusari.change.EditService;
import kusari.core.FieldError;
import kusari.core.StoredCode;
import kusari.change.Operation;
import kusari.change.Schema;
import kusari.change.Snapshot;
import kusari.core.ValidationException;

/**
 * Saves the values of many indicators for one fiscal year in one step — the review grid and the CSV import.
 * Like {@link EditService}, and in the same form so that the history can undo each one: every cell is validated
 * first (errors name the cell, e.g. {@code cells[12].value}), every row's version is checked, and only then
 * are the rows written and each change recorded, all in one transaction. Either all cells are saved or none.
 */
public final class ReviewService {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper STALE = new ObjectMapper();

    /**
     * A cell refused because its value changed since the person's version: the value's current state (null when it
     * was cleared meanwhile). A conflict's {@code current} is the list of these.
     */
    record StaleCell(long indicator, JsonNode current) {
    }

    private final Database database;
    private final EditService edits;

    public ReviewService(Database database, EditService edits) {
        this.database = database;
        this.edits = edits;
    }

    /**
     * One indicator's cell of the grid as submitted. {@code version} is the version of the value the person saw,
     * 0 when there was none. A cell of state ACTUAL whose value, date, source and note are all empty clears the year.
     */
    public record Cell(long indicatorId, long version, String state, String value, String dataDate, String source,
                       String note, String seen) {
        /** Nothing entered: clears the year. A forecast or "cannot be assessed" without more is not blank but wrong. */
        boolean blank() {
            return value.isBlank() && dataDate.isBlank() && source.isBlank() && note.isBlank()
                    && (state == null || state.isBlank() || state.strip().equals(ValueState.ACTUAL.code()));
        }

        /** Left as the page showed it: not saved, so that a stale page never overwrites others' values it did not touch. */
        boolean untouched() {
            return seen != null && seen.equals(seenOf(blank() ? "" : state, value, dataDate, source, note));
        }
    }

    /** What the grid showed for a value ({@code seen}), compared on save to tell touched cells from untouched ones. */
    public static String seenOf(YearValue v) {
        return v == null ? seenOf("", "", "", "", "")
                : seenOf(v.state().code(), Achievement.formatNumber(v.value()), v.dataDate(), v.source(), v.note());
    }

    private static String seenOf(String state, String value, String dataDate, String source, String note) {
        String number = value.strip();
        try {
            number = number.isEmpty() ? "" : Achievement.formatNumber(parseNumber(number));
        } catch (NumberFormatException e) {
            // left as typed: it differs from anything shown, so the cell counts as touched and is validated
        }
        String st = state == null || state.isBlank() ? "" : state.strip();
        return String.join("\u001f", st, number, dataDate.strip(), source.strip(), note.strip());
    }

    /** What a save did: how many values were added, changed and cleared. */
    public record Result(int added, int changed, int cleared) {
        public int total() {
            return added + changed + cleared;
        }
    }

    /** A cell read into stored values. */
    private record Parsed(Cell cell, String state, Double value, String dataDate, String source, String note) {
    }

    /** The value a cell holds, or the message key of why it cannot be one; accepts 1,234 and full-width digits. */
    public static Double parseNumber(String text) {
        if (badGrouping(text)) {
            throw new NumberFormatException(text);
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().replace(",", "")
                .replace("−", "-").replace("△", "-").replace("▲", "-");
        if (t.endsWith("%")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        double d = Double.parseDouble(t);
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new NumberFormatException(text);
        }
        return d;
    }

    /** Digits grouped by threes after the first one to three: 279,072 and 1,234,567.5, not 1,48 nor 12,34. */
    private static final java.util.regex.Pattern GROUPED =
            java.util.regex.Pattern.compile("[-+−△▲]?\\d{1,3}(,\\d{3})+(\\.\\d*)?\\s*%?");

    /**
     * Whether {@code text} has a comma that is not a thousands separator (「1,48」: a decimal comma, or a typo):
     * such a number is refused, never read as 148. Full-width digits and commas are folded first (NFKC).
     */
    public static boolean badGrouping(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        return t.contains(",") && !GROUPED.matcher(t).matches();
    }

    /**
     * The indicators whose values the person making changes on this thread may enter, asked of the same change
     * guard that refuses a save (a department member: the KPIs of projects their department leads), so the grid
     * shows as editable exactly the rows a save would take.
     */
    public java.util.Set<Long> enterable(long workspaceId, java.util.Collection<Long> indicatorIds) {
        kusari.change.Authors.ChangeGuard guard = kusari.change.Authors.current().guard();
        return database.read(c -> {
            java.util.Set<Long> mine = new java.util.HashSet<>();
            for (long id : indicatorIds) {
                ObjectNode after = JSON.objectNode().put("indicator", id);
                try {
                    guard.check(c, new Change(workspaceId, "actual", null, Operation.CREATE, "", null, after));
                    mine.add(id);
                } catch (kusari.core.ForbiddenChangeException e) {
                    // someone else's row: shown read-only
                }
            }
            return mine;
        });
    }

    /**
     * Saves the cells of {@code fiscalYear}; throws {@link ValidationException} (fields {@code cells[i].name})
     * when a cell is wrong, {@link ConflictException} when a value changed since the person's version.
     */
    public Result save(long workspaceId, int fiscalYear, List<Cell> cells) {
        if (fiscalYear < 1900 || fiscalYear > 2200) {
            throw ValidationException.of("fiscalYear", "validation.year");
        }
        return database.inTransaction(c -> {
            List<FieldError> errors = new ArrayList<>();
            List<Parsed> parsed = new ArrayList<>();
            java.util.Set<Long> seen = new java.util.HashSet<>();
            Map<Long, String> names = new HashMap<>();
            Sql.query(c, "SELECT id, name FROM indicator WHERE workspace_id = ?", rs -> {
                names.put(rs.getLong(1), rs.getString(2));
                return null;
            }, workspaceId);
            for (int i = 0; i < cells.size(); i++) {
                Cell cell = cells.get(i);
                String at = "cells[" + i + "].";
                if (!names.containsKey(cell.indicatorId())) {
                    errors.add(FieldError.of(at + "indicator", "validation.reference"));
                    continue;
                }
                if (!seen.add(cell.indicatorId())) {
                    errors.add(FieldError.of(at + "indicator", "validation.cellTwice"));
                    continue;
                }
                if (!cell.untouched()) {
                    parsed.add(read(cell, at, errors));
                }
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            // Versions: a cell based on a value that changed (or appeared, or went) since is refused as a whole.
            List<StaleCell> stale = new ArrayList<>();
            Map<Long, YearValue> current = new HashMap<>();
            for (Parsed p : parsed) {
                YearValue now = Sql.queryOne(c, "SELECT * FROM actual WHERE indicator_id = ? AND fiscal_year = ?",
                        IndicatorTable::toValue, p.cell().indicatorId(), fiscalYear).orElse(null);
                long nowVersion = now == null ? 0 : now.version();
                if (nowVersion != p.cell().version() && changes(p, now)) {
                    stale.add(new StaleCell(p.cell().indicatorId(),
                            now == null ? null : edits.state(c, IndicatorKinds.ACTUAL, now.id())));
                }
                if (now != null) {
                    current.put(p.cell().indicatorId(), now);
                }
            }
            if (!stale.isEmpty()) {
                throw new ConflictException("actual", parsed.size(), STALE.valueToTree(stale));
            }
            int added = 0;
            int changed = 0;
            int cleared = 0;
            for (Parsed p : parsed) {
                YearValue now = current.get(p.cell().indicatorId());
                if (!changes(p, now)) {
                    continue;
                }
                String label = names.get(p.cell().indicatorId()) + " " + fiscalYear;
                if (p.cell().blank()) {
                    ObjectNode before = JSON.objectNode();
                    before.set("state", edits.state(c, IndicatorKinds.ACTUAL, now.id()));
                    Schema schema = Schema.read(c);
                    ObjectNode snapshot = Snapshot.take(c, schema, "actual", now.id());
                    before.set("snapshot", snapshot);
                    Snapshot.delete(c, schema, snapshot);
                    ChangeLog.record(c, new Change(workspaceId, "actual", now.id(), Operation.DELETE, label, before, null));
                    cleared++;
                } else if (now == null) {
                    long id = Sql.insert(c, """
                            INSERT INTO actual (indicator_id, fiscal_year, state, value, data_date, source, note)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""", p.cell().indicatorId(), fiscalYear, p.state(), p.value(),
                            p.dataDate(), p.source(), p.note());
                    ChangeLog.record(c, new Change(workspaceId, "actual", id, Operation.CREATE, label, null,
                            edits.state(c, IndicatorKinds.ACTUAL, id)));
                    added++;
                } else {
                    ObjectNode before = edits.state(c, IndicatorKinds.ACTUAL, now.id());
                    int updated = Sql.update(c, """
                            UPDATE actual SET state = ?, value = ?, data_date = ?, source = ?, note = ?,
                                              version = version + 1
                            WHERE id = ? AND version = ?""", p.state(), p.value(), p.dataDate(), p.source(), p.note(),
                            now.id(), now.version());
                    if (updated != 1) {
                        throw new ConflictException("actual", now.version(), before);
                    }
                    ChangeLog.record(c, new Change(workspaceId, "actual", now.id(), Operation.UPDATE, label, before,
                            edits.state(c, IndicatorKinds.ACTUAL, now.id())));
                    changed++;
                }
            }
            return new Result(added, changed, cleared);
        });
    }

    private static Parsed read(Cell cell, String at, List<FieldError> errors) {
        String state = cell.state() == null || cell.state().isBlank() ? ValueState.ACTUAL.code() : cell.state().strip();
        if (StoredCode.find(ValueState.class, state).isEmpty()) {
            errors.add(FieldError.of(at + "state", "validation.choice", StoredCode.listed(ValueState.class)));
        }
        Double value = null;
        if (!cell.value().isBlank()) {
            try {
                value = parseNumber(cell.value());
            } catch (NumberFormatException e) {
                errors.add(FieldError.of(at + "value", "validation.notNumber"));
            }
        }
        if (!cell.blank()) {
            if (state.equals(ValueState.NOT_ASSESSABLE.code())) {
                if (!cell.value().isBlank()) {
                    errors.add(FieldError.of(at + "value", "validation.valueWhenNotAssessable"));
                }
                if (cell.note().isBlank()) {
                    errors.add(FieldError.of(at + "note", "validation.reasonRequired"));
                }
            } else if (cell.value().isBlank()) {
                errors.add(FieldError.of(at + "value", "validation.required"));
            }
        }
        length(at + "dataDate", cell.dataDate(), 40, errors);
        length(at + "source", cell.source(), 200, errors);
        length(at + "note", cell.note(), 1000, errors);
        return new Parsed(cell, state, value, cell.dataDate().strip(), cell.source().strip(), cell.note().strip());
    }

    private static void length(String field, String text, int max, List<FieldError> errors) {
        if (text.length() > max) {
            errors.add(FieldError.of(field, "validation.tooLong", max));
        }
    }

    /** Whether saving the cell would change what is stored. */
    private static boolean changes(Parsed p, YearValue now) {
        if (now == null) {
            return !p.cell().blank();
        }
        if (p.cell().blank()) {
            return true;
        }
        return !(now.state().code().equals(p.state()) && Objects.equals(now.value(), p.value())
                && now.dataDate().equals(p.dataDate()) && now.source().equals(p.source())
                && now.note().equals(p.note()));
    }

    /** The names of the workspace's indicators among {@code ids} (to name the rows a save refuses). */
    public Map<Long, String> names(long workspaceId, java.util.Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        database.read(c -> Sql.query(c, "SELECT i.id, i.name FROM indicator i JOIN json_each(?) j ON j.value = i.id"
                + " WHERE i.workspace_id = ?", rs -> names.put(rs.getLong(1), rs.getString(2)),
                STALE.valueToTree(ids).toString(), workspaceId));
        return names;
    }

    /** The current value rows of a year, by indicator (for the grid and the import's dry run). */
    public Map<Long, YearValue> year(long workspaceId, int fiscalYear) {
        return database.read(c -> yearValues(c, workspaceId, fiscalYear));
    }

    static Map<Long, YearValue> yearValues(Connection c, long workspaceId, int fiscalYear) throws SQLException {
        Map<Long, YearValue> result = new HashMap<>();
        for (YearValue v : Sql.query(c, """
                SELECT a.* FROM actual a JOIN indicator i ON i.id = a.indicator_id
                WHERE i.workspace_id = ? AND a.fiscal_year = ?""", IndicatorTable::toValue, workspaceId, fiscalYear)) {
            result.put(v.indicatorId(), v);
        }
        return result;
    }
}
