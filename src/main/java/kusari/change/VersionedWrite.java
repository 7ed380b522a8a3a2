package kusari.change;

import kusari.core.ConflictException;
import kusari.core.NotFoundException;
import kusari.core.ValidationException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import kusari.db.Sql;

/**
 * The writes of the one write path, each on the caller's transaction, after validation and before the audit
 * entry: insert, update with the version check, delete into the trash, move, link, unlink, restore from the
 * trash and copy a whole workspace. Two people editing the same step from the same version: the first one's
 * save bumps the version, the second one's is a conflict that shows them the first one's change, never an
 * overwrite.
 */
final class VersionedWrite {

    private VersionedWrite() {
    }

    /** The order of siblings before and after a move. */
    record Reordered(List<Long> before, List<Long> after) {
    }

    /**
     * The entity's current state, if it is in this workspace and, when {@code version} is given, still at that
     * version; else a conflict (someone changed or deleted it since the page was opened) or not found.
     */
    static ObjectNode requireCurrent(Connection c, long workspaceId, Kind kind, long id, Long version)
            throws SQLException {
        ObjectNode current = Entities.inWorkspace(c, kind, id, workspaceId) ? Entities.state(c, kind, id) : null;
        if (current == null) {
            // Deleted by someone else since the page was opened: a conflict, not a mystery.
            boolean existed = Sql.queryLong(c, "SELECT COUNT(*) FROM change_log WHERE entity = ? AND entity_id = ?"
                    + " AND workspace_id = ?", kind.name(), id, workspaceId) > 0;
            if (existed && version != null) {
                throw new ConflictException(kind.name(), version, null);
            }
            throw new NotFoundException(kind.name(), id);
        }
        if (version != null && current.get("version").longValue() != version) {
            throw new ConflictException(kind.name(), version, current);
        }
        return current;
    }

    /**
     * Inserts a new entity with checked {@code values}; {@code index} places an ordered one among its siblings
     * (null = last). A workspace is its own workspace. Returns the new id.
     */
    static long insert(Connection c, long workspaceId, Kind kind, Map<String, Object> values, Integer index)
            throws SQLException {
        Map<String, Object> columns = new LinkedHashMap<>(kind.insertDefaults());
        if (kind.derived() != null) {
            columns.putAll(kind.derived().columns(c, values));
        }
        if (!kind.name().equals("workspace") && Entities.hasWorkspaceColumn(c, kind)) {
            columns.put("workspace_id", workspaceId);
        }
        kind.fields().stream().filter(f -> !f.owned() && values.containsKey(f.name()))
                .forEach(f -> columns.put(f.column(), values.get(f.name())));
        if (kind.ordered()) {
            columns.put("position", SiblingOrder.nextPosition(c, kind, workspaceId, columns.get(kind.scopeColumn())));
        }
        columns.put("id", nextId(c, kind));
        long id = Sql.insert(c, "INSERT INTO " + kind.table() + " (" + String.join(", ", columns.keySet())
                + ") VALUES (" + placeholders(columns.size()) + ")", columns.values().toArray());
        writeOwned(c, kind, id, values);
        if (kind.ordered() && index != null) {
            SiblingOrder.place(c, kind, workspaceId, id, index);
        }
        afterSave(c, kind, id);
        return id;
    }

    /**
     * Writes the changed fields and bumps the version, only if the row is still at {@code version}: the guard
     * is in the UPDATE itself, so a change committed between reading and writing is a conflict too.
     */
    static void update(Connection c, Kind kind, long id, long version, ChangeValidator.Checked edit)
            throws SQLException {
        List<Field> changed = edit.changed(kind);
        List<Field> columns = changed.stream().filter(f -> !f.owned()).toList();
        List<Object> params = new ArrayList<>();
        columns.forEach(f -> params.add(edit.values().get(f.name())));
        params.add(id);
        params.add(version);
        int updated = Sql.update(c, "UPDATE " + kind.table() + " SET "
                + columns.stream().map(f -> f.column() + " = ?, ").reduce("", String::concat)
                + "version = version + 1 WHERE id = ? AND version = ?", params.toArray());
        if (updated != 1) {
            throw new ConflictException(kind.name(), version, Entities.state(c, kind, id));
        }
        Map<String, Object> owned = new LinkedHashMap<>();
        changed.stream().filter(Field::owned).forEach(f -> owned.put(f.name(), edit.values().get(f.name())));
        writeOwned(c, kind, id, owned);
        afterSave(c, kind, id);
    }

    /**
     * Deletes an entity and what depends on it (a step's actions and challenge links), closing the gap in its
     * siblings' order. Refused while something that must not go along still points at it (a measure holding
     * projects). Returns the snapshot of every row taken, which the history keeps as the trash.
     */
    static ObjectNode delete(Connection c, long workspaceId, Kind kind, long id, ObjectNode current)
            throws SQLException {
        Schema schema = Schema.read(c);
        ObjectNode snapshot = Snapshot.take(c, schema, kind.table(), id);
        List<String> blockers = Snapshot.blockers(c, schema, snapshot);
        if (!blockers.isEmpty()) {
            throw ValidationException.of("delete", "validation.deleteBlocked", blockers.size());
        }
        List<Long> siblings = kind.ordered() ? SiblingOrder.siblings(c, kind, workspaceId, id) : List.of();
        Snapshot.delete(c, schema, snapshot);
        if (kind.ordered()) {
            List<Long> rest = new ArrayList<>(siblings);
            rest.remove(id);
            SiblingOrder.apply(c, kind, workspaceId, rest, SiblingOrder.scopeOf(current, kind));
        }
        return snapshot;
    }

    /** Moves an ordered entity to {@code index} among its siblings; null when it is there already. */
    static Reordered move(Connection c, long workspaceId, Kind kind, long id, int index) throws SQLException {
        List<Long> before = SiblingOrder.siblings(c, kind, workspaceId, id);
        List<Long> after = new ArrayList<>(before);
        after.remove(id);
        SiblingOrder.checkIndex(index, after.size());
        after.add(index, id);
        if (after.equals(before)) {
            return null;
        }
        SiblingOrder.applyAround(c, kind, workspaceId, id, after);
        return new Reordered(before, after);
    }

    /**
     * Makes a link with its checked extra values (by column). A link has no version: making one that exists is
     * refused, so of two people linking the same step and challenge the second learns the first was quicker.
     */
    static ObjectNode link(Connection c, LinkKind link, long left, long right, Map<String, Object> values)
            throws SQLException {
        if (linkRow(c, link, left, right) != null) {
            throw ValidationException.of(link.rightColumn(), "validation.alreadyLinked");
        }
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        row.put(link.leftColumn(), left);
        row.put(link.rightColumn(), right);
        values.forEach((column, value) -> row.set(column, Values.toJson(value)));
        insertLink(c, link, row);
        return row;
    }

    /** Breaks a link; refused when there is none (someone else broke it first). Returns the row it was. */
    static ObjectNode unlink(Connection c, LinkKind link, long left, long right) throws SQLException {
        ObjectNode row = linkRow(c, link, left, right);
        if (row == null) {
            throw ValidationException.of(link.rightColumn(), "validation.notLinked");
        }
        deleteLink(c, link, left, right);
        return row;
    }

    /**
     * Puts a deleted entity back from its trash {@code snapshot}, with what was deleted along, at the place it
     * had among its siblings. Returns its id.
     */
    static long restore(Connection c, long workspaceId, Kind kind, JsonNode snapshot, long entityId)
            throws SQLException {
        JsonNode root = null;
        for (JsonNode row : snapshot.get("rows").get(kind.table())) {
            if (row.get("id").longValue() == entityId) {
                root = row;
            }
        }
        Objects.requireNonNull(root, "a delete's snapshot holds its root row");
        if (kind.ordered()) {
            SiblingOrder.makeRoomAt(c, kind, workspaceId, Snapshot.value(root.get(kind.scopeColumn())),
                    root.get("position").longValue());
        }
        Snapshot.Restored restored;
        try {
            restored = Snapshot.insert(c, Schema.read(c), snapshot, false, Map.of());
        } catch (SQLException e) {
            // Something with the same number or slug was made since the delete.
            if (e.getMessage() != null && e.getMessage().contains("UNIQUE")) {
                throw ValidationException.of("restore", "history.restore.duplicate");
            }
            throw e;
        }
        long id = restored.idOf(kind.table(), entityId);
        // A restored entity gets a version no earlier edit was based on.
        Sql.update(c, "UPDATE " + kind.table() + " SET version = ? WHERE id = ?",
                root.get("version").longValue() + 1, id);
        afterSave(c, kind, id);
        return id;
    }

    /**
     * Copies a whole workspace (framework, projects, personas, journeys, challenges, indicators, readings, the
     * workshops with their cards and votes, closed; not its history) under a new slug and name, with fresh ids.
     * Returns the copy's id.
     */
    static long copyWorkspace(Connection c, long sourceId, Object slug, Object name) throws SQLException {
        Schema schema = Schema.read(c);
        ObjectNode snapshot = Snapshot.take(c, schema, "workspace", sourceId);
        ClosedWorkshops.forCopy(c, snapshot);
        // Who may read the copy is decided as for any new workspace (private once accounts exist, by the insert
        // trigger), not carried over from the original: its access row would otherwise meet the trigger's own.
        ((ObjectNode) snapshot.get("rows")).remove("workspace_access");
        Snapshot.Restored copy = Snapshot.insert(c, schema, snapshot, true,
                Map.of("slug", slug, "name", name, "version", 1L));
        long id = copy.idOf("workspace", sourceId);
        // Readings name their subject by kind and id, not by a foreign key: point them at the copies.
        for (JsonNode reading : snapshot.get("rows").path("reading")) {
            String table = reading.get("subject_type").asText().toLowerCase(Locale.ROOT);
            Sql.update(c, "UPDATE reading SET subject_id = ? WHERE id = ?",
                    copy.idOf(table, reading.get("subject_id").longValue()),
                    copy.idOf("reading", reading.get("id").longValue()));
        }
        return id;
    }

    /** The link row between two entities, or null. */
    static ObjectNode linkRow(Connection c, LinkKind link, long left, long right) throws SQLException {
        return Sql.queryOne(c, "SELECT * FROM " + link.name() + " WHERE " + link.leftColumn() + " = ? AND "
                + link.rightColumn() + " = ?", Snapshot::toJson, left, right).orElse(null);
    }

    static void insertLink(Connection c, LinkKind link, ObjectNode row) throws SQLException {
        List<String> columns = new ArrayList<>();
        row.fieldNames().forEachRemaining(columns::add);
        Sql.update(c, "INSERT INTO " + link.name() + " (" + String.join(", ", columns) + ") VALUES ("
                + placeholders(columns.size()) + ")", columns.stream().map(col -> Snapshot.value(row.get(col))).toArray());
    }

    static void deleteLink(Connection c, LinkKind link, long left, long right) throws SQLException {
        Sql.update(c, "DELETE FROM " + link.name() + " WHERE " + link.leftColumn() + " = ? AND "
                + link.rightColumn() + " = ?", left, right);
    }

    /** Keeps derived columns right (a framework node's depth and its subtree's), in the same transaction. */
    static void afterSave(Connection c, Kind kind, long id) throws SQLException {
        if (kind.afterSave() != null) {
            kind.afterSave().run(c, id);
        }
    }

    /**
     * A new id above every id the table and its history have used: a deleted row keeps its id in the trash,
     * and a new row must never take it, or restoring and the history would mix up two things.
     */
    private static long nextId(Connection c, Kind kind) throws SQLException {
        return Sql.queryLong(c, "SELECT MAX(COALESCE((SELECT MAX(id) FROM " + kind.table() + "), 0),"
                + " COALESCE((SELECT MAX(entity_id) FROM change_log WHERE entity = ?), 0)) + 1", kind.name());
    }

    /** Replaces an entity's owned lists (a persona's attributes, a project's budget per fiscal year). */
    private static void writeOwned(Connection c, Kind kind, long id, Map<String, Object> values) throws SQLException {
        for (Field field : kind.fields()) {
            if (!field.owned() || !values.containsKey(field.name())) {
                continue;
            }
            Field.Child child = field.child();
            Sql.update(c, "DELETE FROM " + child.table() + " WHERE " + child.ownerColumn() + " = ?", id);
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

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
