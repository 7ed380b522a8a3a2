package kusari.change;

import kusari.core.ValidationException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kusari.db.Sql;

/**
 * Everything that goes when one row is deleted: the row, every row that depends on it through a cascading
 * foreign key (a journey's steps, their actions), the link rows that must be removed for it to go (the
 * actor's place in actions), and the references that the database will set to null (a persona's policy
 * field). Stored as JSON in the history, it is what the trash restores, and what a workspace copy inserts
 * under new ids.
 *
 * <p>JSON shape: {@code {"table": "step", "id": 5, "rows": {"step": [{...}], "action": [...]},
 * "nulled": [{"table": "persona", "id": 3, "column": "policy_field_id", "value": 7}]}}.
 */
public final class Snapshot {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Snapshot() {
    }

    /** The rows an entity row's deletion would remove or change, taken before it happens. */
    public static ObjectNode take(Connection c, Schema schema, String table, long id) throws SQLException {
        Map<String, List<ObjectNode>> rows = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        ArrayNode nulled = JSON.arrayNode();
        collect(c, schema, table, "id", List.of(id), rows, seen, nulled);
        ObjectNode snapshot = JSON.objectNode();
        snapshot.put("table", table);
        snapshot.put("id", id);
        ObjectNode tables = snapshot.putObject("rows");
        rows.forEach((name, list) -> list.forEach(tables.withArray(name)::add));
        snapshot.set("nulled", nulled);
        return snapshot;
    }

    /** One row as JSON, column by column, or null when there is no such row. */
    public static ObjectNode row(Connection c, String table, long id) throws SQLException {
        return Sql.queryOne(c, "SELECT * FROM " + table + " WHERE id = ?", Snapshot::toJson, id).orElse(null);
    }

    private static void collect(Connection c, Schema schema, String table, String column, Collection<?> values,
                                Map<String, List<ObjectNode>> rows, Set<String> seen, ArrayNode nulled)
            throws SQLException {
        if (values.isEmpty()) {
            return;
        }
        List<Object> ids = new ArrayList<>();
        for (List<?> chunk : chunks(values)) {
            for (ObjectNode row : Sql.query(c, "SELECT * FROM " + table + " WHERE " + column + " IN ("
                    + placeholders(chunk.size()) + ")", Snapshot::toJson, chunk.toArray())) {
                if (seen.add(table + row)) {
                    rows.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
                    if (row.has("id")) {
                        ids.add(row.get("id").longValue());
                    }
                }
            }
        }
        if (!schema.table(table).hasId()) {
            return;
        }
        for (Schema.ForeignKey key : schema.referencing(table)) {
            boolean childIsEntity = schema.table(key.table()).hasId();
            if (key.cascades() || !childIsEntity && !key.setsNull()) {
                collect(c, schema, key.table(), key.column(), ids, rows, seen, nulled);
            } else if (key.setsNull()) {
                for (List<?> chunk : chunks(ids)) {
                    for (ObjectNode ref : Sql.query(c, "SELECT id, " + key.column() + " AS value FROM " + key.table()
                            + " WHERE " + key.column() + " IN (" + placeholders(chunk.size()) + ")",
                            Snapshot::toJson, chunk.toArray())) {
                        ref.put("table", key.table());
                        ref.put("column", key.column());
                        nulled.add(ref);
                    }
                }
            }
        }
    }

    /**
     * Rows of other entities that forbid the deletion (a framework node still holding projects): a person
     * must move or delete those first. Empty when the snapshot may be deleted.
     */
    public static List<String> blockers(Connection c, Schema schema, JsonNode snapshot) throws SQLException {
        List<String> blockers = new ArrayList<>();
        Map<String, Set<Long>> inside = ids(snapshot);
        for (Map.Entry<String, Set<Long>> entry : inside.entrySet()) {
            for (Schema.ForeignKey key : schema.referencing(entry.getKey())) {
                if (key.cascades() || key.setsNull() || !schema.table(key.table()).hasId()) {
                    continue;
                }
                for (List<?> chunk : chunks(entry.getValue())) {
                    for (Long id : Sql.query(c, "SELECT id FROM " + key.table() + " WHERE " + key.column() + " IN ("
                            + placeholders(chunk.size()) + ")", rs -> rs.getLong(1), chunk.toArray())) {
                        if (!inside.getOrDefault(key.table(), Set.of()).contains(id)) {
                            blockers.add(key.table() + ":" + id);
                        }
                    }
                }
            }
        }
        return blockers;
    }

    /** How many rows of each table the snapshot holds besides its root: what a deletion will take along. */
    public static Map<String, Integer> dependents(JsonNode snapshot) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        snapshot.get("rows").fields().forEachRemaining(e -> {
            int n = e.getValue().size() - (e.getKey().equals(snapshot.get("table").asText()) ? 1 : 0);
            if (n > 0) {
                counts.put(e.getKey(), n);
            }
        });
        if (!snapshot.get("nulled").isEmpty()) {
            counts.put("nulled", snapshot.get("nulled").size());
        }
        return counts;
    }

    /** Deletes every row of the snapshot, dependents first, so no foreign key is ever left dangling. */
    public static void delete(Connection c, Schema schema, JsonNode snapshot) throws SQLException {
        List<String> order = new ArrayList<>(schema.insertOrder(tableNames(snapshot)));
        java.util.Collections.reverse(order);
        for (String table : order) {
            List<JsonNode> rows = new ArrayList<>();
            snapshot.get("rows").get(table).forEach(rows::add);
            // Children of a self-referencing table (framework_node) go before their parents.
            java.util.Collections.reverse(rows);
            for (JsonNode row : rows) {
                if (row.has("id")) {
                    Sql.update(c, "DELETE FROM " + table + " WHERE id = ?", row.get("id").longValue());
                } else {
                    List<String> columns = new ArrayList<>();
                    row.fieldNames().forEachRemaining(columns::add);
                    Sql.update(c, "DELETE FROM " + table + " WHERE "
                                    + String.join(" AND ", columns.stream().map(col -> col + " IS ?").toList()),
                            columns.stream().map(col -> value(row.get(col))).toArray());
                }
            }
        }
    }

    /**
     * Inserts a snapshot's rows again. Rows keep their ids where those are free; when {@code freshIds} is set,
     * or an id has been taken since, the row gets a new id and every reference to it inside the snapshot
     * follows. Link rows whose other end no longer exists are skipped and counted.
     *
     * @param overrides column values to set on the root row (a copied workspace's new slug and name)
     * @return the new ids per table (old id → new id) and how many link rows were skipped
     */
    public static Restored insert(Connection c, Schema schema, JsonNode snapshot, boolean freshIds,
                                  Map<String, Object> overrides) throws SQLException {
        Map<String, Map<Long, Long>> newIds = new HashMap<>();
        int skipped = 0;
        String rootTable = snapshot.get("table").asText();
        long rootId = snapshot.get("id").longValue();
        for (String table : schema.insertOrder(tableNames(snapshot))) {
            List<JsonNode> pending = new ArrayList<>();
            snapshot.get("rows").get(table).forEach(pending::add);
            List<Schema.ForeignKey> keys = schema.keysOf(table);
            Map<Long, Long> tableIds = newIds.computeIfAbsent(table, t -> new HashMap<>());
            while (!pending.isEmpty()) {
                int before = pending.size();
                for (Iterator<JsonNode> it = pending.iterator(); it.hasNext(); ) {
                    JsonNode row = it.next();
                    if (!selfParentReady(row, keys, table, tableIds, snapshot)) {
                        continue;
                    }
                    it.remove();
                    ObjectNode values = ((ObjectNode) row).deepCopy();
                    boolean missingEnd = false;
                    for (Schema.ForeignKey key : keys) {
                        JsonNode ref = values.get(key.column());
                        if (ref == null || ref.isNull()) {
                            continue;
                        }
                        Long mapped = newIds.getOrDefault(key.parent(), Map.of()).get(ref.longValue());
                        if (mapped != null) {
                            values.put(key.column(), mapped);
                        } else if (Sql.queryLong(c, "SELECT COUNT(*) FROM " + key.parent() + " WHERE id = ?",
                                ref.longValue()) == 0) {
                            missingEnd = true;
                        }
                    }
                    if (missingEnd) {
                        if (schema.table(table).hasId()) {
                            throw ValidationException.of("restore", "history.restore.parentMissing", table);
                        }
                        skipped++;
                        continue;
                    }
                    boolean isRoot = table.equals(rootTable) && values.path("id").asLong() == rootId;
                    if (isRoot) {
                        overrides.forEach((column, value) -> values.set(column, JSON.pojoNode(value)));
                    }
                    if (values.has("id")) {
                        long old = values.get("id").longValue();
                        boolean taken = Sql.queryLong(c, "SELECT COUNT(*) FROM " + table + " WHERE id = ?", old) > 0;
                        if (freshIds || taken) {
                            values.remove("id");
                        }
                        long id = insertRow(c, table, values);
                        tableIds.put(old, values.has("id") ? old : id);
                    } else {
                        insertRow(c, table, values);
                    }
                }
                if (pending.size() == before) {
                    throw new IllegalStateException("Rows of " + table + " reference each other in a cycle");
                }
            }
        }
        for (JsonNode ref : snapshot.get("nulled")) {
            Long value = newIds.getOrDefault(ref.get("table").asText(), Map.of()).get(ref.get("value").longValue());
            // Only a reference that is still empty is put back: a person may have chosen another since.
            Sql.update(c, "UPDATE " + ref.get("table").asText() + " SET " + ref.get("column").asText()
                            + " = ? WHERE id = ? AND " + ref.get("column").asText() + " IS NULL",
                    value == null ? ref.get("value").longValue() : value, ref.get("id").longValue());
        }
        return new Restored(newIds, skipped);
    }

    /** What {@link #insert} did: old id → new id per table, and the link rows it had to leave out. */
    public record Restored(Map<String, Map<Long, Long>> ids, int skippedLinks) {
        public long idOf(String table, long oldId) {
            return ids.getOrDefault(table, Map.of()).getOrDefault(oldId, oldId);
        }
    }

    private static boolean selfParentReady(JsonNode row, List<Schema.ForeignKey> keys, String table,
                                           Map<Long, Long> inserted, JsonNode snapshot) {
        for (Schema.ForeignKey key : keys) {
            if (!key.parent().equals(table) || row.path(key.column()).isNull() || !row.has(key.column())) {
                continue;
            }
            long parent = row.get(key.column()).longValue();
            boolean parentInSnapshot = false;
            for (JsonNode other : snapshot.get("rows").get(table)) {
                if (other.path("id").asLong() == parent) {
                    parentInSnapshot = true;
                    break;
                }
            }
            if (parentInSnapshot && !inserted.containsKey(parent)) {
                return false;
            }
        }
        return true;
    }

    private static long insertRow(Connection c, String table, ObjectNode values) throws SQLException {
        List<String> columns = new ArrayList<>();
        values.fieldNames().forEachRemaining(columns::add);
        return Sql.insert(c, "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + placeholders(columns.size()) + ")", columns.stream().map(col -> value(values.get(col))).toArray());
    }

    private static Map<String, Set<Long>> ids(JsonNode snapshot) {
        Map<String, Set<Long>> ids = new HashMap<>();
        snapshot.get("rows").fields().forEachRemaining(e -> e.getValue().forEach(row -> {
            if (row.has("id")) {
                ids.computeIfAbsent(e.getKey(), t -> new HashSet<>()).add(row.get("id").longValue());
            }
        }));
        return ids;
    }

    private static List<String> tableNames(JsonNode snapshot) {
        List<String> names = new ArrayList<>();
        snapshot.get("rows").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A JSON value back to the JDBC parameter it was read from. */
    public static Object value(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isPojo()) {
            return ((com.fasterxml.jackson.databind.node.POJONode) node).getPojo();
        }
        return node.asText();
    }

    /** One result row as JSON, keeping SQLite's types (integer, real, text, null). */
    public static ObjectNode toJson(ResultSet rs) throws SQLException {
        ObjectNode row = JSON.objectNode();
        ResultSetMetaData meta = rs.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object value = rs.getObject(i);
            String name = meta.getColumnLabel(i);
            if (value == null) {
                row.putNull(name);
            } else if (value instanceof Integer || value instanceof Long) {
                row.put(name, ((Number) value).longValue());
            } else if (value instanceof Number n) {
                row.put(name, n.doubleValue());
            } else {
                row.put(name, value.toString());
            }
        }
        return row;
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** SQLite allows a limited number of parameters per statement; large snapshots are read in chunks. */
    private static List<List<?>> chunks(Collection<?> values) {
        List<Object> all = new ArrayList<>(values);
        List<List<?>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 500) {
            chunks.add(all.subList(i, Math.min(all.size(), i + 500)));
        }
        return chunks;
    }
}
