package kusari.change;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kusari.db.Sql;

/**
 * The tables and foreign keys of the database, read from SQLite itself. Snapshots, restores and workspace
 * copies follow the foreign keys, so a new table joins the trash and the copy by declaring its keys in a
 * migration, with no code to change here.
 */
public final class Schema {

    /** A foreign key: {@code table.column} references {@code parent(id)}. */
    public record ForeignKey(String table, String column, String parent, String onDelete) {
        boolean cascades() {
            return onDelete.equals("CASCADE");
        }

        boolean setsNull() {
            return onDelete.equals("SET NULL");
        }
    }

    /** A table: its columns in order, and whether rows have their own {@code id} (an entity) or not (a link or a value list). */
    public record Table(String name, List<String> columns, boolean hasId) {
    }

    /** Tables the history must never copy or snapshot: the history itself. */
    private static final List<String> EXCLUDED = List.of("change_log");

    private final Map<String, Table> tables;
    private final List<ForeignKey> foreignKeys;

    private Schema(Map<String, Table> tables, List<ForeignKey> foreignKeys) {
        this.tables = tables;
        this.foreignKeys = foreignKeys;
    }

    public static Schema read(Connection c) throws SQLException {
        Map<String, Table> tables = new LinkedHashMap<>();
        List<ForeignKey> keys = new ArrayList<>();
        List<String> names = Sql.query(c, """
                SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name""",
                rs -> rs.getString(1));
        for (String name : names) {
            if (EXCLUDED.contains(name)) {
                continue;
            }
            List<String> columns = Sql.query(c, "SELECT name FROM pragma_table_info(?) ORDER BY cid",
                    rs -> rs.getString(1), name);
            tables.put(name, new Table(name, columns, columns.contains("id")));
            keys.addAll(Sql.query(c, "SELECT \"from\", \"table\", on_delete FROM pragma_foreign_key_list(?)",
                    rs -> new ForeignKey(name, rs.getString(1), rs.getString(2), rs.getString(3)), name));
        }
        return new Schema(tables, keys.stream().filter(k -> !EXCLUDED.contains(k.parent())).toList());
    }

    public Table table(String name) {
        Table table = tables.get(name);
        if (table == null) {
            throw new IllegalArgumentException("No table " + name);
        }
        return table;
    }

    /** Foreign keys that point at {@code parent}. */
    public List<ForeignKey> referencing(String parent) {
        return foreignKeys.stream().filter(k -> k.parent().equals(parent)).toList();
    }

    /** Foreign keys declared by {@code table}. */
    public List<ForeignKey> keysOf(String table) {
        return foreignKeys.stream().filter(k -> k.table().equals(table)).toList();
    }

    /**
     * Table names ordered so that every table comes after the tables it references: the order to insert a
     * snapshot back in. Self-references (framework_node.parent_id) are left to the row order.
     */
    public List<String> insertOrder(java.util.Collection<String> names) {
        List<String> ordered = new ArrayList<>();
        List<String> pending = new ArrayList<>(names);
        while (!pending.isEmpty()) {
            boolean progressed = false;
            for (String name : List.copyOf(pending)) {
                boolean ready = keysOf(name).stream()
                        .map(ForeignKey::parent)
                        .allMatch(p -> p.equals(name) || !pending.contains(p));
                if (ready) {
                    ordered.add(name);
                    pending.remove(name);
                    progressed = true;
                }
            }
            if (!progressed) {
                throw new IllegalStateException("Foreign keys form a cycle among " + pending);
            }
        }
        return ordered;
    }
}
