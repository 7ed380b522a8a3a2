package kusari.change;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kusari.db.Sql;

/**
 * The order of ordered entities among their siblings: the steps of one journey, the nodes under one parent.
 * A kind's {@code scopeColumn} names what the siblings share; within a workspace, positions run 1, 2, 3 ….
 */
final class SiblingOrder {

    private SiblingOrder() {
    }

    /** The ids of an ordered entity and its siblings, in their order. */
    static List<Long> siblings(Connection c, Kind kind, long workspaceId, long id) throws SQLException {
        return new ArrayList<>(Sql.query(c, "SELECT id FROM " + kind.table() + scopeWhere(c, kind)
                + " ORDER BY position, id", rs -> rs.getLong(1),
                scopeParams(c, kind, workspaceId, scopeOfRow(c, kind, id))));
    }

    /** The position after the last sibling: where a new entity goes unless it is placed elsewhere. */
    static long nextPosition(Connection c, Kind kind, long workspaceId, Object scope) throws SQLException {
        return Sql.queryLong(c, "SELECT COALESCE(MAX(position), 0) + 1 FROM " + kind.table() + scopeWhere(c, kind),
                scopeParams(c, kind, workspaceId, scope));
    }

    /** Puts {@code id} at {@code index} among its siblings (0 = first, the number of siblings = last). */
    static void place(Connection c, Kind kind, long workspaceId, long id, int index) throws SQLException {
        List<Long> order = siblings(c, kind, workspaceId, id);
        order.remove(id);
        checkIndex(index, order.size());
        order.add(index, id);
        applyAround(c, kind, workspaceId, id, order);
    }

    /**
     * A place that does not exist (−5, or far beyond the last sibling) is refused rather than quietly taken as
     * the first or the last: the client meant something else, and should be told.
     */
    static void checkIndex(int index, int others) {
        if (index < 0 || index > others) {
            throw kusari.core.ValidationException.of("index", "validation.indexRange", others);
        }
    }

    /** Like {@link #apply}, for the siblings of {@code member}. */
    static void applyAround(Connection c, Kind kind, long workspaceId, long member, List<Long> order)
            throws SQLException {
        apply(c, kind, workspaceId, order, scopeOfRow(c, kind, member));
    }

    /**
     * Numbers the siblings 1, 2, 3 … in the given order. Positions are unique within a journey, so they first
     * move out of the way (negative) and then take their places.
     */
    static void apply(Connection c, Kind kind, long workspaceId, List<Long> order, Object scope)
            throws SQLException {
        Sql.update(c, "UPDATE " + kind.table() + " SET position = -position - 1" + scopeWhere(c, kind),
                scopeParams(c, kind, workspaceId, scope));
        for (int i = 0; i < order.size(); i++) {
            Sql.update(c, "UPDATE " + kind.table() + " SET position = ? WHERE id = ?", i + 1, order.get(i));
        }
    }

    /**
     * Makes room at {@code position} for an entity coming back from the trash: the siblings from there on move
     * one step along, so it takes the place it had.
     */
    static void makeRoomAt(Connection c, Kind kind, long workspaceId, Object scope, long position)
            throws SQLException {
        String where = scopeWhere(c, kind);
        Object[] params = scopeParams(c, kind, workspaceId, scope);
        // A policy field has no parent: its scope is null, which List.of would refuse.
        List<Object> from = new ArrayList<>(Arrays.asList(params));
        from.add(position);
        Sql.update(c, "UPDATE " + kind.table() + " SET position = -position - 1" + where + " AND position >= ?",
                from.toArray());
        Sql.update(c, "UPDATE " + kind.table() + " SET position = -position" + where + " AND position < 0", params);
    }

    /** The value of the scope column in an entity's state (a step's journey), or null. */
    static Object scopeOf(JsonNode state, Kind kind) {
        return kind.fields().stream().filter(f -> f.column().equals(kind.scopeColumn())).findFirst()
                .map(f -> Snapshot.value(state.get(f.name()))).orElse(null);
    }

    private static Object scopeOfRow(Connection c, Kind kind, long id) throws SQLException {
        return Sql.queryOne(c, "SELECT " + kind.scopeColumn() + " FROM " + kind.table() + " WHERE id = ?",
                rs -> rs.getObject(1), id).orElse(null);
    }

    private static String scopeWhere(Connection c, Kind kind) throws SQLException {
        String where = " WHERE " + kind.scopeColumn() + " IS ?";
        if (!kind.scopeColumn().equals("workspace_id") && Entities.hasWorkspaceColumn(c, kind)) {
            where += " AND workspace_id = ?";
        }
        return where;
    }

    private static Object[] scopeParams(Connection c, Kind kind, long workspaceId, Object scope)
            throws SQLException {
        if (kind.scopeColumn().equals("workspace_id")) {
            return new Object[] {workspaceId};
        }
        return Entities.hasWorkspaceColumn(c, kind) ? new Object[] {scope, workspaceId} : new Object[] {scope};
    }
}
