package kusari.change;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kusari.db.Sql;

/**
 * Writes rows as a {@link Kind} declares them, for writers that bring whole entities at once (the data-file
 * import): each field's column, and its child table for owned lists, come from the declaration, so a table's
 * columns are listed in one place. Checks, versions and history are the caller's; nothing here validates.
 */
public final class Rows {

    private Rows() {
    }

    /**
     * Inserts one row of {@code kind} and its owned lists; returns the new id.
     *
     * @param values  by field name, in the stored form (text, number, list of texts or ids, year to amount); a
     *                field left out gets its declared default, or else the column's default
     * @param columns columns that are no field: the workspace, the place among siblings, derived columns
     *                (a framework node's depth); they win over {@link Kind#insertDefaults()}
     */
    public static long insert(Connection c, Kind kind, Map<String, Object> values, Map<String, Object> columns)
            throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>(kind.insertDefaults());
        row.putAll(columns);
        for (Field field : kind.fields()) {
            if (field.owned()) {
                continue;
            }
            if (values.containsKey(field.name())) {
                row.put(field.column(), stored(field, values.get(field.name())));
            } else if (field.defaultValue() != null) {
                row.put(field.column(), field.defaultValue());
            }
        }
        long id = Sql.insert(c, "INSERT INTO " + kind.table() + " (" + String.join(", ", row.keySet())
                + ") VALUES (" + placeholders(row.size()) + ")", row.values().toArray());
        writeOwned(c, kind, id, values);
        return id;
    }

    /**
     * Sets the given fields of row {@code id} and replaces the given owned lists; fields left out stay as
     * they are.
     */
    public static void update(Connection c, Kind kind, long id, Map<String, Object> values) throws SQLException {
        List<String> sets = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (Field field : kind.fields()) {
            if (!field.owned() && values.containsKey(field.name())) {
                sets.add(field.column() + " = ?");
                params.add(stored(field, values.get(field.name())));
            }
        }
        if (!sets.isEmpty()) {
            params.add(id);
            Sql.update(c, "UPDATE " + kind.table() + " SET " + String.join(", ", sets) + " WHERE id = ?",
                    params.toArray());
        }
        for (Field field : kind.fields()) {
            if (field.owned() && values.containsKey(field.name())) {
                Field.Child child = field.child();
                Sql.update(c, "DELETE FROM " + child.table() + " WHERE " + child.ownerColumn() + " = ?", id);
            }
        }
        writeOwned(c, kind, id, values);
    }

    /** Makes the link {@code left} ↔ {@code right} with its own fields ({@code extra} by field name). */
    public static void link(Connection c, LinkKind link, long left, long right, Map<String, Object> extra)
            throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(link.leftColumn(), left);
        row.put(link.rightColumn(), right);
        for (Field field : link.extra()) {
            if (extra.containsKey(field.name())) {
                row.put(field.column(), stored(field, extra.get(field.name())));
            }
        }
        Sql.update(c, "INSERT INTO " + link.name() + " (" + String.join(", ", row.keySet()) + ") VALUES ("
                + placeholders(row.size()) + ")", row.values().toArray());
    }

    /** Owned lists in declaration order: rows (owner, position from 1, value); a budget's position is its year. */
    private static void writeOwned(Connection c, Kind kind, long id, Map<String, Object> values) throws SQLException {
        for (Field field : kind.fields()) {
            if (!field.owned() || !values.containsKey(field.name())) {
                continue;
            }
            Field.Child child = field.child();
            String insert = "INSERT INTO " + child.table() + " (" + child.ownerColumn() + ", " + child.positionColumn()
                    + ", " + field.column() + ") VALUES (?, ?, ?)";
            if (field.type() == Field.Type.BUDGET) {
                for (Map.Entry<?, ?> e : ((Map<?, ?>) values.get(field.name())).entrySet()) {
                    Sql.update(c, insert, id, e.getKey(), e.getValue());
                }
                continue;
            }
            List<?> items = (List<?>) values.get(field.name());
            for (int i = 0; i < items.size(); i++) {
                Sql.update(c, insert, id, i + 1, items.get(i));
            }
        }
    }

    /** A value as its column keeps it: decimals as doubles, flags as 1 or 0. */
    private static Object stored(Field field, Object value) {
        if (value instanceof BigDecimal decimal && field.type() == Field.Type.DECIMAL) {
            return decimal.doubleValue();
        }
        if (value instanceof Boolean flag && field.type() == Field.Type.FLAG) {
            return flag ? 1L : 0L;
        }
        return value;
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
