package kusari.change;

import kusari.core.ConflictException;
import kusari.core.FieldError;
import kusari.core.NotFoundException;
import kusari.core.ValidationException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import kusari.db.Database;
import kusari.db.Sql;

/**
 * The one write path of Kusari. Every create, update, delete, reorder, link, unlink and revert of every
 * kind of entity runs here, in one transaction that validates the values, checks the version the change
 * was based on, makes the change and records it in the audit history. Forms and the JSON API both call it.
 *
 * <p>An entity's <em>state</em> is what the API returns and the history stores: its id, version and every
 * field by name (owned lists included), e.g. {@code {"id": 5, "version": 3, "title": "…", "emotionScore": -1}}.
 */
public final class EditService {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Database database;
    private final Kinds kinds;
    private final WorkspaceTrees trees;

    public EditService(Database database, Kinds kinds) {
        this(database, kinds, null);
    }

    /** @param trees how to undo an import of a whole workspace (null: imports cannot be undone) */
    public EditService(Database database, Kinds kinds, WorkspaceTrees trees) {
        this.database = database;
        this.kinds = kinds;
        this.trees = trees;
    }

    /** A change made: its entry in the history (0 when nothing changed) and the entity's state after it. */
    public record Saved(long changeId, JsonNode state) {
    }

    /** What deleting an entity would take along (rows per table) and what forbids it (if anything). */
    public record DeletePreview(JsonNode state, Map<String, Integer> dependents, List<String> blockers) {
    }

    public Kinds kinds() {
        return kinds;
    }

    // ------------------------------------------------------------------ reading

    /** The current state of an entity, or empty when there is none with that id in that workspace. */
    public Optional<ObjectNode> find(long workspaceId, Kind kind, long id) {
        return database.read(c -> inWorkspace(c, kind, id, workspaceId) ? Optional.ofNullable(state(c, kind, id))
                : Optional.<ObjectNode>empty());
    }

    /** The id of the entity a URL names by its key (slug, code, number or id), within a workspace. */
    public Optional<Long> findId(long workspaceId, Kind kind, String key) {
        return database.read(c -> {
            Object value = key;
            if (!kind.keyColumn().equals("slug") && !kind.keyColumn().equals("code")) {
                try {
                    value = Long.parseLong(key);
                } catch (NumberFormatException e) {
                    return Optional.<Long>empty();
                }
            }
            String where = kind.name().equals("workspace") ? "" : hasWorkspaceColumn(c, kind)
                    ? " AND workspace_id = " + workspaceId : "";
            Optional<Long> id = Sql.queryOne(c, "SELECT id FROM " + kind.table() + " WHERE " + kind.keyColumn()
                    + " = ?" + where, rs -> rs.getLong(1), value);
            return id.filter(found -> {
                try {
                    return inWorkspace(c, kind, found, workspaceId);
                } catch (SQLException e) {
                    throw new kusari.db.DataAccessException(e);
                }
            });
        });
    }

    /** The name people know an entity by (a step's title, an actor's name). */
    public String label(Kind kind, long id) {
        return database.read(c -> label(c, kind, id));
    }

    /**
     * The state of an entity read on the caller's connection. Services that write many rows in one transaction
     * (the review grid) record their changes with it, in the form this service can undo.
     */
    public ObjectNode state(Connection c, Kind kind, long id) throws SQLException {
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

    private JsonNode fieldValue(Connection c, Field field, long id, ObjectNode row) throws SQLException {
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

    // ------------------------------------------------------------------ create, update, delete

    /**
     * Creates an entity. {@code index} places an ordered entity among its siblings (0 = first; null = last).
     * For a workspace, {@code workspaceId} is ignored: the new workspace is its own.
     */
    public Saved create(long workspaceId, Kind kind, Map<String, JsonNode> input, Integer index) {
        return database.inTransaction(c -> {
            List<FieldError> errors = new ArrayList<>();
            rejectUnknown(kind, input, errors);
            Map<String, Object> values = new LinkedHashMap<>();
            for (Field field : kind.fields()) {
                if (input.containsKey(field.name())) {
                    values.put(field.name(), Values.read(field, input.get(field.name()), errors));
                } else if (field.defaultValue() != null) {
                    values.put(field.name(), field.defaultValue());
                } else if (field.required()) {
                    errors.add(FieldError.of(field.name(), "validation.required"));
                }
            }
            boolean isWorkspace = kind.name().equals("workspace");
            check(c, kind, workspaceId, null, values, errors);
            Map<String, Object> columns = new LinkedHashMap<>(kind.insertDefaults());
            if (!isWorkspace && hasWorkspaceColumn(c, kind)) {
                columns.put("workspace_id", workspaceId);
            }
            kind.fields().stream().filter(f -> !f.owned() && values.containsKey(f.name()))
                    .forEach(f -> columns.put(f.column(), values.get(f.name())));
            if (kind.ordered()) {
                columns.put("position", Sql.queryLong(c, "SELECT COALESCE(MAX(position), 0) + 1 FROM " + kind.table()
                        + scopeWhere(c, kind), scopeParams(c, kind, workspaceId, columns.get(kind.scopeColumn()))));
            }
            columns.put("id", nextId(c, kind));
            long id = Sql.insert(c, "INSERT INTO " + kind.table() + " (" + String.join(", ", columns.keySet())
                    + ") VALUES (" + placeholders(columns.size()) + ")", columns.values().toArray());
            writeOwned(c, kind, id, values);
            if (kind.ordered() && index != null) {
                List<Long> order = siblings(c, kind, workspaceId, id);
                order.remove(id);
                order.add(Math.max(0, Math.min(index, order.size())), id);
                applyOrderAround(c, kind, workspaceId, id, order);
            }
            afterSave(c, kind, id);
            ObjectNode after = state(c, kind, id);
            long ws = isWorkspace ? id : workspaceId;
            long changeId = ChangeLog.record(c, new Change(ws, kind.name(), id, Operation.CREATE,
                    label(c, kind, id), null, after));
            return new Saved(changeId, after);
        });
    }

    /** Changes the given fields of an entity, if {@code version} is still its current version. */
    public Saved update(long workspaceId, Kind kind, long id, long version, Map<String, JsonNode> input) {
        return database.inTransaction(c -> update(c, workspaceId, kind, id, version, input, Operation.UPDATE, null));
    }

    private Saved update(Connection c, long workspaceId, Kind kind, long id, long version,
                         Map<String, JsonNode> input, Operation operation, Long reverts) throws SQLException {
        ObjectNode before = requireCurrent(c, workspaceId, kind, id, version);
        List<FieldError> errors = new ArrayList<>();
        rejectUnknown(kind, input, errors);
        Map<String, Object> current = new LinkedHashMap<>();
        for (Field field : kind.fields()) {
            current.put(field.name(), Values.read(field, before.get(field.name()), new ArrayList<>()));
        }
        Map<String, Object> values = new LinkedHashMap<>(current);
        for (Field field : kind.fields()) {
            if (!input.containsKey(field.name())) {
                continue;
            }
            Object value = Values.read(field, input.get(field.name()), errors);
            if (field.createOnly() && !Objects.equals(value, current.get(field.name()))) {
                errors.add(FieldError.of(field.name(), "validation.fixed"));
            }
            values.put(field.name(), value);
        }
        check(c, kind, workspaceId, id, values, errors);
        if (values.equals(current)) {
            return new Saved(0, before);
        }
        List<Field> changed = kind.fields().stream()
                .filter(f -> !Objects.equals(values.get(f.name()), current.get(f.name()))).toList();
        List<Field> columns = changed.stream().filter(f -> !f.owned()).toList();
        List<Object> params = new ArrayList<>();
        columns.forEach(f -> params.add(values.get(f.name())));
        params.add(id);
        params.add(version);
        int updated = Sql.update(c, "UPDATE " + kind.table() + " SET "
                + columns.stream().map(f -> f.column() + " = ?, ").reduce("", String::concat)
                + "version = version + 1 WHERE id = ? AND version = ?", params.toArray());
        if (updated != 1) {
            throw new ConflictException(kind.name(), version, state(c, kind, id));
        }
        Map<String, Object> owned = new LinkedHashMap<>();
        changed.stream().filter(Field::owned).forEach(f -> owned.put(f.name(), values.get(f.name())));
        writeOwned(c, kind, id, owned);
        afterSave(c, kind, id);
        ObjectNode after = state(c, kind, id);
        long changeId = record(c, kind, workspaceId, id, operation, before, after, reverts);
        return new Saved(changeId, after);
    }

    /** What deleting would take along; shown before a person confirms. */
    public DeletePreview previewDelete(long workspaceId, Kind kind, long id) {
        return database.read(c -> {
            ObjectNode current = requireCurrent(c, workspaceId, kind, id, null);
            Schema schema = Schema.read(c);
            ObjectNode snapshot = Snapshot.take(c, schema, kind.table(), id);
            return new DeletePreview(current, Snapshot.dependents(snapshot), Snapshot.blockers(c, schema, snapshot));
        });
    }

    /** Deletes an entity and what depends on it into the trash; {@code version} null skips the version check. */
    public Saved delete(long workspaceId, Kind kind, long id, Long version) {
        return database.inTransaction(c -> delete(c, workspaceId, kind, id, version, Operation.DELETE, null));
    }

    private Saved delete(Connection c, long workspaceId, Kind kind, long id, Long version, Operation operation,
                         Long reverts) throws SQLException {
        ObjectNode current = requireCurrent(c, workspaceId, kind, id, version);
        Schema schema = Schema.read(c);
        ObjectNode snapshot = Snapshot.take(c, schema, kind.table(), id);
        List<String> blockers = Snapshot.blockers(c, schema, snapshot);
        if (!blockers.isEmpty()) {
            throw ValidationException.of("delete", "validation.deleteBlocked", blockers.size());
        }
        String label = label(c, kind, id);
        List<Long> siblings = kind.ordered() ? siblings(c, kind, workspaceId, id) : List.of();
        Snapshot.delete(c, schema, snapshot);
        if (kind.ordered()) {
            List<Long> rest = new ArrayList<>(siblings);
            rest.remove(id);
            applyOrder(c, kind, workspaceId, rest, scopeOf(current, kind));
        }
        ObjectNode before = JSON.objectNode();
        before.set("state", current);
        before.set("snapshot", snapshot);
        long changeId = ChangeLog.record(c, new Change(workspaceId, kind.name(), id, operation, label, before, null));
        if (reverts != null) {
            ChangeLog.markReverted(c, reverts, changeId);
        }
        return new Saved(changeId, null);
    }

    // ------------------------------------------------------------------ workspaces

    /**
     * Copies a whole workspace (framework, projects, personas, journeys, challenges, indicators, readings;
     * not its history) under a new slug and name: the usual start of the next strategy from the last one.
     */
    public Saved copyWorkspace(Kind workspaceKind, long sourceId, Map<String, JsonNode> input) {
        return database.inTransaction(c -> {
            List<FieldError> errors = new ArrayList<>();
            Map<String, Object> values = new LinkedHashMap<>();
            for (String name : List.of("slug", "name")) {
                Field field = workspaceKind.field(name).orElseThrow();
                values.put(name, Values.read(field, input.get(name), errors));
            }
            input.keySet().stream().filter(k -> !values.containsKey(k))
                    .forEach(k -> errors.add(FieldError.of(k, "validation.unknownField")));
            throwIfAny(errors);
            if (Sql.queryLong(c, "SELECT COUNT(*) FROM workspace WHERE slug = ?", values.get("slug")) > 0) {
                throw ValidationException.of("slug", "validation.unique", values.get("slug"));
            }
            Schema schema = Schema.read(c);
            ObjectNode snapshot = Snapshot.take(c, schema, "workspace", sourceId);
            Snapshot.Restored copy = Snapshot.insert(c, schema, snapshot, true,
                    Map.of("slug", values.get("slug"), "name", values.get("name"), "version", 1L));
            long id = copy.idOf("workspace", sourceId);
            // Readings name their subject by kind and id, not by a foreign key: point them at the copies.
            for (JsonNode reading : snapshot.get("rows").path("reading")) {
                String table = reading.get("subject_type").asText().toLowerCase(java.util.Locale.ROOT);
                Sql.update(c, "UPDATE reading SET subject_id = ? WHERE id = ?",
                        copy.idOf(table, reading.get("subject_id").longValue()),
                        copy.idOf("reading", reading.get("id").longValue()));
            }
            ObjectNode after = state(c, workspaceKind, id);
            long changeId = ChangeLog.record(c, new Change(id, "workspace", id, Operation.CREATE,
                    values.get("name") + " ← " + label(c, workspaceKind, sourceId), null, after));
            return new Saved(changeId, after);
        });
    }

    // ------------------------------------------------------------------ order

    /** Moves an ordered entity to {@code index} among its siblings (0 = first). */
    public Saved move(long workspaceId, Kind kind, long id, int index) {
        if (!kind.ordered()) {
            throw ValidationException.of("index", "validation.notOrdered");
        }
        return database.inTransaction(c -> {
            requireCurrent(c, workspaceId, kind, id, null);
            List<Long> before = siblings(c, kind, workspaceId, id);
            List<Long> after = new ArrayList<>(before);
            after.remove(id);
            after.add(Math.max(0, Math.min(index, after.size())), id);
            if (after.equals(before)) {
                return new Saved(0, state(c, kind, id));
            }
            applyOrderAround(c, kind, workspaceId, id, after);
            long changeId = ChangeLog.record(c, new Change(workspaceId, kind.name(), id, Operation.REORDER,
                    label(c, kind, id), order(before), order(after)));
            return new Saved(changeId, state(c, kind, id));
        });
    }

    // ------------------------------------------------------------------ links

    /** Links two entities of a workspace, e.g. a step to a challenge. */
    public Saved link(long workspaceId, LinkKind link, long left, long right, Map<String, JsonNode> input) {
        return database.inTransaction(c -> {
            List<FieldError> errors = new ArrayList<>();
            Map<String, Object> values = new LinkedHashMap<>();
            for (Field field : link.extra()) {
                values.put(field.column(), input.containsKey(field.name())
                        ? Values.read(field, input.get(field.name()), errors)
                        : field.type() == Field.Type.CHOICE ? field.choices().get(0) : "");
            }
            if (!inWorkspace(c, link.left(), left, workspaceId)) {
                errors.add(FieldError.of(link.leftColumn(), "validation.reference"));
            }
            if (!inWorkspace(c, link.right(), right, workspaceId)) {
                errors.add(FieldError.of(link.rightColumn(), "validation.reference"));
            }
            throwIfAny(errors);
            if (linkRow(c, link, left, right) != null) {
                throw ValidationException.of(link.rightColumn(), "validation.alreadyLinked");
            }
            ObjectNode row = JSON.objectNode();
            row.put(link.leftColumn(), left);
            row.put(link.rightColumn(), right);
            values.forEach((column, value) -> row.set(column, Values.toJson(value)));
            insertLink(c, link, row);
            long changeId = ChangeLog.record(c, new Change(workspaceId, link.name(), left, Operation.LINK,
                    linkLabel(c, link, left, right), null, row));
            return new Saved(changeId, row);
        });
    }

    /** Breaks a link; refused when there is no such link (someone else broke it first). */
    public Saved unlink(long workspaceId, LinkKind link, long left, long right) {
        return database.inTransaction(c -> {
            if (!inWorkspace(c, link.left(), left, workspaceId)) {
                throw ValidationException.of(link.leftColumn(), "validation.reference");
            }
            ObjectNode row = linkRow(c, link, left, right);
            if (row == null) {
                throw ValidationException.of(link.rightColumn(), "validation.notLinked");
            }
            String label = linkLabel(c, link, left, right);
            deleteLink(c, link, left, right);
            long changeId = ChangeLog.record(c, new Change(workspaceId, link.name(), left, Operation.UNLINK,
                    label, row, null));
            return new Saved(changeId, null);
        });
    }

    /** The right-hand ids linked to {@code left}. */
    public List<Long> linked(LinkKind link, long left) {
        return database.read(c -> Sql.query(c, "SELECT " + link.rightColumn() + " FROM " + link.name() + " WHERE "
                + link.leftColumn() + " = ?", rs -> rs.getLong(1), left));
    }

    // ------------------------------------------------------------------ revert

    /**
     * Undoes one change of the history: puts back the state before it, if what it changed is still as the
     * change left it (else a conflict: a later change would be overwritten). The revert is itself a change.
     */
    public Saved revert(long workspaceId, long changeId) {
        return database.inTransaction(c -> {
            ChangeEntry entry = ChangeLog.find(c, changeId)
                    .filter(e -> Objects.equals(e.workspaceId(), workspaceId))
                    .orElseThrow(() -> ValidationException.of("change", "history.revert.unknown", changeId));
            if (entry.reverted()) {
                throw ValidationException.of("change", "history.revert.already", changeId);
            }
            if (WorkspaceTrees.isTree(entry.after()) || WorkspaceTrees.isTree(entry.before())) {
                return revertImport(c, workspaceId, entry);
            }
            Optional<LinkKind> link = kinds.link(entry.entity());
            if (link.isPresent()) {
                return revertLink(c, workspaceId, link.get(), entry);
            }
            Kind kind = kinds.byName(entry.entity())
                    .orElseThrow(() -> ValidationException.of("change", "history.revert.notPossible", changeId));
            JsonNode before = entry.before();
            JsonNode after = entry.after();
            if (before != null && before.has("order")) {
                return revertOrder(c, workspaceId, kind, entry);
            }
            if (before == null) {
                return delete(c, workspaceId, kind, entry.entityId(), after.get("version").longValue(),
                        Operation.REVERT, changeId);
            }
            if (after == null) {
                return restore(c, workspaceId, kind, entry);
            }
            Map<String, JsonNode> input = new LinkedHashMap<>();
            kind.fields().stream().filter(f -> !f.createOnly())
                    .forEach(f -> input.put(f.name(), before.get(f.name())));
            Saved saved = update(c, workspaceId, kind, entry.entityId(), after.get("version").longValue(), input,
                    Operation.REVERT, changeId);
            if (saved.changeId() == 0) {
                throw ValidationException.of("change", "history.revert.nothing", changeId);
            }
            return saved;
        });
    }

    private Saved restore(Connection c, long workspaceId, Kind kind, ChangeEntry entry) throws SQLException {
        JsonNode snapshot = entry.before().get("snapshot");
        JsonNode root = null;
        for (JsonNode row : snapshot.get("rows").get(kind.table())) {
            if (row.get("id").longValue() == entry.entityId()) {
                root = row;
            }
        }
        Objects.requireNonNull(root, "a delete's snapshot holds its root row");
        if (kind.ordered()) {
            // Make room at the place it had: the siblings from there on move one step along.
            long position = root.get("position").longValue();
            String where = scopeWhere(c, kind);
            Object[] scope = scopeParams(c, kind, workspaceId, Snapshot.value(root.get(kind.scopeColumn())));
            List<Object> params = new ArrayList<>(List.of(scope));
            params.add(position);
            Sql.update(c, "UPDATE " + kind.table() + " SET position = -position - 1" + where + " AND position >= ?",
                    params.toArray());
            Sql.update(c, "UPDATE " + kind.table() + " SET position = -position" + where + " AND position < 0", scope);
        }
        Snapshot.Restored restored;
        try {
            restored = Snapshot.insert(c, Schema.read(c), snapshot, false, Map.of());
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("UNIQUE")) {
                throw ValidationException.of("restore", "history.restore.duplicate");
            }
            throw e;
        }
        long id = restored.idOf(kind.table(), entry.entityId());
        // A restored entity gets a version no earlier edit was based on.
        Sql.update(c, "UPDATE " + kind.table() + " SET version = ? WHERE id = ?",
                root.get("version").longValue() + 1, id);
        afterSave(c, kind, id);
        ObjectNode after = state(c, kind, id);
        long changeId = ChangeLog.record(c, new Change(workspaceId, kind.name(), id, Operation.RESTORE,
                label(c, kind, id), null, after));
        ChangeLog.markReverted(c, entry.id(), changeId);
        return new Saved(changeId, after);
    }

    /** An import replaced the whole workspace: put back the files it replaced, if nothing changed since. */
    private Saved revertImport(Connection c, long workspaceId, ChangeEntry entry) throws SQLException {
        Kind workspace = kinds.byName("workspace").orElseThrow();
        if (trees == null) {
            throw ValidationException.of("change", "history.revert.notPossible", entry.id());
        }
        if (entry.before() == null) {
            return delete(c, workspaceId, workspace, workspaceId, null, Operation.REVERT, entry.id());
        }
        // Anything changed since the import would be silently thrown away by putting the old files back.
        if (Sql.queryLong(c, "SELECT COUNT(*) FROM change_log WHERE workspace_id = ? AND id > ?",
                workspaceId, entry.id()) > 0) {
            throw new ConflictException("workspace", 0, null);
        }
        JsonNode now = trees.current(c, workspaceId);
        trees.restore(c, workspaceId, entry.before());
        long changeId = ChangeLog.record(c, new Change(workspaceId, "workspace", workspaceId, Operation.REVERT,
                entry.summary(), now, entry.before()));
        ChangeLog.markReverted(c, entry.id(), changeId);
        return new Saved(changeId, state(c, workspace, workspaceId));
    }

    private Saved revertOrder(Connection c, long workspaceId, Kind kind, ChangeEntry entry) throws SQLException {
        List<Long> wanted = ids(entry.before().get("order"));
        List<Long> now = siblings(c, kind, workspaceId, entry.entityId());
        if (!now.equals(ids(entry.after().get("order")))) {
            throw new ConflictException(kind.name(), 0, order(now));
        }
        applyOrderAround(c, kind, workspaceId, entry.entityId(), wanted);
        long changeId = ChangeLog.record(c, new Change(workspaceId, kind.name(), entry.entityId(), Operation.REVERT,
                label(c, kind, entry.entityId()), order(now), order(wanted)));
        ChangeLog.markReverted(c, entry.id(), changeId);
        return new Saved(changeId, state(c, kind, entry.entityId()));
    }

    private Saved revertLink(Connection c, long workspaceId, LinkKind link, ChangeEntry entry) throws SQLException {
        JsonNode row = entry.before() != null ? entry.before() : entry.after();
        long left = row.get(link.leftColumn()).longValue();
        long right = row.get(link.rightColumn()).longValue();
        String label = linkLabel(c, link, left, right);
        ObjectNode current = linkRow(c, link, left, right);
        if (entry.before() == null) {
            if (current == null) {
                throw ValidationException.of("change", "validation.notLinked");
            }
            deleteLink(c, link, left, right);
        } else {
            if (current != null) {
                throw ValidationException.of("change", "validation.alreadyLinked");
            }
            if (!inWorkspace(c, link.left(), left, workspaceId) || !inWorkspace(c, link.right(), right, workspaceId)) {
                throw ValidationException.of("change", "history.restore.parentMissing", link.name());
            }
            insertLink(c, link, (ObjectNode) entry.before());
        }
        long changeId = ChangeLog.record(c, new Change(workspaceId, link.name(), left, Operation.REVERT, label,
                current, entry.before()));
        ChangeLog.markReverted(c, entry.id(), changeId);
        return new Saved(changeId, entry.before());
    }

    // ------------------------------------------------------------------ helpers

    private ObjectNode requireCurrent(Connection c, long workspaceId, Kind kind, long id, Long version)
            throws SQLException {
        ObjectNode current = inWorkspace(c, kind, id, workspaceId) ? state(c, kind, id) : null;
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

    private void check(Connection c, Kind kind, long workspaceId, Long id, Map<String, Object> values,
                       List<FieldError> errors) throws SQLException {
        for (Field field : kind.fields()) {
            Object value = values.get(field.name());
            if (field.type() == Field.Type.REFERENCE && value != null) {
                checkReference(c, field, workspaceId, (Long) value, errors);
            } else if (field.type() == Field.Type.REFERENCES && value != null) {
                for (Object ref : (List<?>) value) {
                    checkReference(c, field, workspaceId, (Long) ref, errors);
                }
            }
        }
        boolean isWorkspace = kind.name().equals("workspace");
        for (String name : kind.uniqueFields()) {
            Field field = kind.field(name).orElseThrow();
            Object value = values.get(name);
            if (value == null || errors.stream().anyMatch(e -> e.field().equals(name))) {
                continue;
            }
            String sql = "SELECT COUNT(*) FROM " + kind.table() + " WHERE " + field.column() + " = ? AND id IS NOT ?"
                    + (isWorkspace ? "" : " AND workspace_id = ?");
            long count = isWorkspace ? Sql.queryLong(c, sql, value, id) : Sql.queryLong(c, sql, value, id, workspaceId);
            if (count > 0) {
                errors.add(FieldError.of(name, "validation.unique", value));
            }
        }
        for (Kind.Rule rule : kind.rules()) {
            rule.check(c, workspaceId, id, values, errors);
        }
        throwIfAny(errors);
    }

    private void checkReference(Connection c, Field field, long workspaceId, long ref, List<FieldError> errors)
            throws SQLException {
        Kind target = kinds.byName(field.refTable()).orElseThrow();
        if (!inWorkspace(c, target, ref, workspaceId)) {
            errors.add(FieldError.of(field.name(), "validation.reference"));
        }
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static void rejectUnknown(Kind kind, Map<String, JsonNode> input, List<FieldError> errors) {
        input.keySet().stream().filter(name -> kind.field(name).isEmpty())
                .forEach(name -> errors.add(FieldError.of(name, "validation.unknownField")));
    }

    private boolean inWorkspace(Connection c, Kind kind, long id, long workspaceId) throws SQLException {
        return Sql.queryOne(c, kind.workspaceSql(), rs -> rs.getLong(1), id)
                .map(ws -> ws == workspaceId).orElse(false);
    }

    /** Tables that hold a workspace_id column; the schema is fixed once migrations ran, so each is asked once. */
    private static final java.util.concurrent.ConcurrentMap<String, Boolean> WORKSPACE_COLUMN =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean hasWorkspaceColumn(Connection c, Kind kind) throws SQLException {
        Boolean known = WORKSPACE_COLUMN.get(kind.table());
        if (known == null) {
            known = Sql.queryLong(c, "SELECT COUNT(*) FROM pragma_table_info(?) WHERE name = 'workspace_id'",
                    kind.table()) > 0;
            WORKSPACE_COLUMN.put(kind.table(), known);
        }
        return known;
    }

    /**
     * A new id above every id the table and its history have used: a deleted row keeps its id in the trash,
     * and a new row must never take it, or restoring and the history would mix up two things.
     */
    private static long nextId(Connection c, Kind kind) throws SQLException {
        return Sql.queryLong(c, "SELECT MAX(COALESCE((SELECT MAX(id) FROM " + kind.table() + "), 0),"
                + " COALESCE((SELECT MAX(entity_id) FROM change_log WHERE entity = ?), 0)) + 1", kind.name());
    }

    private void writeOwned(Connection c, Kind kind, long id, Map<String, Object> values) throws SQLException {
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

    private void afterSave(Connection c, Kind kind, long id) throws SQLException {
        if (kind.afterSave() != null) {
            kind.afterSave().run(c, id);
        }
    }

    private long record(Connection c, Kind kind, long workspaceId, long id, Operation operation, JsonNode before,
                        JsonNode after, Long reverts) throws SQLException {
        long changeId = ChangeLog.record(c, new Change(workspaceId, kind.name(), id, operation, label(c, kind, id),
                before, after));
        if (reverts != null) {
            ChangeLog.markReverted(c, reverts, changeId);
        }
        return changeId;
    }

    private static String label(Connection c, Kind kind, long id) throws SQLException {
        return Sql.queryOne(c, "SELECT " + kind.labelColumn() + " FROM " + kind.table() + " WHERE id = ?",
                rs -> rs.getString(1), id).orElse("");
    }

    private static String linkLabel(Connection c, LinkKind link, long left, long right) throws SQLException {
        return label(c, link.left(), left) + " ↔ " + label(c, link.right(), right);
    }

    private static ObjectNode linkRow(Connection c, LinkKind link, long left, long right) throws SQLException {
        return Sql.queryOne(c, "SELECT * FROM " + link.name() + " WHERE " + link.leftColumn() + " = ? AND "
                + link.rightColumn() + " = ?", Snapshot::toJson, left, right).orElse(null);
    }

    private static void insertLink(Connection c, LinkKind link, ObjectNode row) throws SQLException {
        List<String> columns = new ArrayList<>();
        row.fieldNames().forEachRemaining(columns::add);
        Sql.update(c, "INSERT INTO " + link.name() + " (" + String.join(", ", columns) + ") VALUES ("
                + placeholders(columns.size()) + ")", columns.stream().map(col -> Snapshot.value(row.get(col))).toArray());
    }

    private static void deleteLink(Connection c, LinkKind link, long left, long right) throws SQLException {
        Sql.update(c, "DELETE FROM " + link.name() + " WHERE " + link.leftColumn() + " = ? AND "
                + link.rightColumn() + " = ?", left, right);
    }

    // ------------------------------------------------------------------ order helpers

    private Object scopeOf(JsonNode state, Kind kind) {
        return kind.fields().stream().filter(f -> f.column().equals(kind.scopeColumn())).findFirst()
                .map(f -> Snapshot.value(state.get(f.name()))).orElse(null);
    }

    /** The ids of an ordered entity and its siblings, in their order. */
    private List<Long> siblings(Connection c, Kind kind, long workspaceId, long id) throws SQLException {
        Object scope = Sql.queryOne(c, "SELECT " + kind.scopeColumn() + " FROM " + kind.table() + " WHERE id = ?",
                rs -> rs.getObject(1), id).orElse(null);
        return siblingsIn(c, kind, workspaceId, scope);
    }

    private List<Long> siblingsIn(Connection c, Kind kind, long workspaceId, Object scope) throws SQLException {
        return new ArrayList<>(Sql.query(c, "SELECT id FROM " + kind.table() + scopeWhere(c, kind)
                + " ORDER BY position, id", rs -> rs.getLong(1), scopeParams(c, kind, workspaceId, scope)));
    }

    /** Like {@link #applyOrder}, for the siblings of {@code member}. */
    private void applyOrderAround(Connection c, Kind kind, long workspaceId, long member, List<Long> order)
            throws SQLException {
        Object scope = Sql.queryOne(c, "SELECT " + kind.scopeColumn() + " FROM " + kind.table() + " WHERE id = ?",
                rs -> rs.getObject(1), member).orElse(null);
        applyOrder(c, kind, workspaceId, order, scope);
    }

    /**
     * Numbers the siblings 1, 2, 3 … in the given order. Positions are unique within a journey, so they first
     * move out of the way (negative) and then take their places.
     */
    private void applyOrder(Connection c, Kind kind, long workspaceId, List<Long> order, Object scope)
            throws SQLException {
        Sql.update(c, "UPDATE " + kind.table() + " SET position = -position - 1" + scopeWhere(c, kind),
                scopeParams(c, kind, workspaceId, scope));
        for (int i = 0; i < order.size(); i++) {
            Sql.update(c, "UPDATE " + kind.table() + " SET position = ? WHERE id = ?", i + 1, order.get(i));
        }
    }

    private static String scopeWhere(Connection c, Kind kind) throws SQLException {
        String where = " WHERE " + kind.scopeColumn() + " IS ?";
        if (!kind.scopeColumn().equals("workspace_id") && hasWorkspaceColumn(c, kind)) {
            where += " AND workspace_id = ?";
        }
        return where;
    }

    private static Object[] scopeParams(Connection c, Kind kind, long workspaceId, Object scope) throws SQLException {
        if (kind.scopeColumn().equals("workspace_id")) {
            return new Object[] {workspaceId};
        }
        return hasWorkspaceColumn(c, kind) ? new Object[] {scope, workspaceId} : new Object[] {scope};
    }

    private static ObjectNode order(List<Long> ids) {
        ObjectNode node = JSON.objectNode();
        ArrayNode array = node.putArray("order");
        ids.forEach(array::add);
        return node;
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.longValue()));
        return ids;
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
