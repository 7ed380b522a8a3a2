package kusari.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import kusari.db.Sql;

/**
 * What an entity is now, read on the caller's connection: its state (what the API returns and the history
 * stores), the name people know it by, and which workspace it belongs to. The validator, the writes and the
 * history all read entities the same way, so a state recorded before a change compares equal to the one read
 * when that change is undone.
 */
final class Entities {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Tables that hold a workspace_id column; the schema is fixed once migrations ran, so each is asked once. */
    private static final ConcurrentMap<String, Boolean> WORKSPACE_COLUMN = new ConcurrentHashMap<>();

    private Entities() {
    }

    /** Its id, version and every field by name (owned lists included); null when there is no such row. */
    static ObjectNode state(Connection c, Kind kind, long id) throws SQLException {
        ObjectNode row = Snapshot.row(c, kind.table(), id);
        if (row == null) {
            return null;
        }
        ObjectNode state = JSON.objectNode();
        state.put("id", id);
        state.put("version", row.get("version").longValue());
        for (Field field : kind.fields()) {
            state.set(field.name(), fieldValue(c, field, id, row));
        }
        if (kind.ordered()) {
            state.put("position", row.get("position").longValue());
        }
        return state;
    }

    private static JsonNode fieldValue(Connection c, Field field, long id, ObjectNode row) throws SQLException {
        if (!field.owned()) {
            JsonNode value = row.get(field.column());
            if (field.type() == Field.Type.FLAG) {
                return JSON.booleanNode(value.asLong() == 1);
            }
            return value;
        }
        Field.Child child = field.child();
        if (field.type() == Field.Type.BUDGET) {
            ObjectNode budget = JSON.objectNode();
            for (ObjectNode r : Sql.query(c, "SELECT " + child.positionColumn() + " AS year, " + field.column()
                    + " AS amount FROM " + child.table() + " WHERE " + child.ownerColumn() + " = ? ORDER BY "
                    + child.positionColumn(), Snapshot::toJson, id)) {
                budget.set(r.get("year").asText(), r.get("amount"));
            }
            return budget;
        }
        ArrayNode list = JSON.arrayNode();
        Sql.query(c, "SELECT " + field.column() + " AS value FROM " + child.table() + " WHERE "
                + child.ownerColumn() + " = ? ORDER BY " + child.positionColumn(), Snapshot::toJson, id)
                .forEach(r -> list.add(r.get("value")));
        return list;
    }

    /** The id of the entity a URL names by its key (slug, code, number or id), within a workspace. */
    static Optional<Long> findId(Connection c, long workspaceId, Kind kind, String key) throws SQLException {
        return findId(c, workspaceId, kind, key, null);
    }

    /**
     * As above; {@code level} names the depth of a kind whose key is unique only within a level (a framework node's
     * code), null when the key alone names it. Such a key on several levels without a level is refused (400) with the
     * levels it could mean.
     */
    static Optional<Long> findId(Connection c, long workspaceId, Kind kind, String key, Integer level)
            throws SQLException {
        if (kind.keyWithinLevel()) {
            return kusari.core.NodeCodes.find(c, workspaceId, key, level, kusari.core.NodeCodes.Levels.ANY, "level");
        }
        Object value = key;
        if (!kind.keyColumn().equals("slug") && !kind.keyColumn().equals("code")) {
            try {
                value = Long.parseLong(key);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        String where = kind.name().equals("workspace") ? "" : hasWorkspaceColumn(c, kind)
                ? " AND workspace_id = " + workspaceId : "";
        Optional<Long> id = Sql.queryOne(c, "SELECT id FROM " + kind.table() + " WHERE " + kind.keyColumn()
                + " = ?" + where, rs -> rs.getLong(1), value);
        // A step or an action has no workspace column of its own: its journey says whose it is.
        if (id.isEmpty() || !inWorkspace(c, kind, id.get(), workspaceId)) {
            return Optional.empty();
        }
        return id;
    }

    /** True when the row exists and belongs to the workspace: nothing of another municipality is reachable. */
    static boolean inWorkspace(Connection c, Kind kind, long id, long workspaceId) throws SQLException {
        return Sql.queryOne(c, kind.workspaceSql(), rs -> rs.getLong(1), id)
                .map(ws -> ws == workspaceId).orElse(false);
    }

    static boolean hasWorkspaceColumn(Connection c, Kind kind) throws SQLException {
        Boolean known = WORKSPACE_COLUMN.get(kind.table());
        if (known == null) {
            known = Sql.queryLong(c, "SELECT COUNT(*) FROM pragma_table_info(?) WHERE name = 'workspace_id'",
                    kind.table()) > 0;
            WORKSPACE_COLUMN.put(kind.table(), known);
        }
        return known;
    }

    /** The name people know an entity by (a step's title, an actor's name); empty when it is gone. */
    static String label(Connection c, Kind kind, long id) throws SQLException {
        return Sql.queryOne(c, "SELECT " + kind.labelColumn() + " FROM " + kind.table() + " WHERE id = ?",
                rs -> rs.getString(1), id).orElse("");
    }

    /** A link as the timeline shows it: 「窓口で相談 ↔ 課題2」. */
    static String linkLabel(Connection c, LinkKind link, long left, long right) throws SQLException {
        return label(c, link.left(), left) + " ↔ " + label(c, link.right(), right);
    }
}
