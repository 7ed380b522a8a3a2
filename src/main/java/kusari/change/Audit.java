package kusari.change;

import kusari.core.ConflictException;
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
import kusari.db.Sql;

/**
 * The audit side of the write path: every change is recorded with its state before and after, on the
 * change's own connection, so the change and its entry in the history (hash-chained, see {@link HistoryChain})
 * are committed or rolled back together. And the rules of undoing one: an undo puts back the state before a
 * change only while what that change left is still there; an undo that would overwrite a later change is
 * refused as a conflict. An undo is itself a change, recorded and undoable in turn.
 */
final class Audit {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /**
     * The write path's own update and delete, so that undoing an edit or a creation is validated, checked
     * against the version the change left, written and recorded exactly like an edit a person makes.
     */
    interface WritePath {
        EditService.Saved update(Connection c, long workspaceId, Kind kind, long id, long version,
                                 Map<String, JsonNode> input, Operation operation, Long reverts) throws SQLException;

        EditService.Saved delete(Connection c, long workspaceId, Kind kind, long id, Long version,
                                 Operation operation, Long reverts) throws SQLException;
    }

    private final Kinds kinds;
    private final WorkspaceTrees trees;
    private final WritePath writes;

    /** @param trees how to undo an import of a whole workspace (null: imports cannot be undone) */
    Audit(Kinds kinds, WorkspaceTrees trees, WritePath writes) {
        this.kinds = kinds;
        this.trees = trees;
        this.writes = writes;
    }

    /**
     * Records a change by the current author (whose guard may still refuse it, rolling the whole change back);
     * {@code reverts} names the change this one undoes. Returns the new entry's id.
     */
    long record(Connection c, long workspaceId, String entity, long id, Operation operation, String summary,
                JsonNode before, JsonNode after, Long reverts) throws SQLException {
        long changeId = ChangeLog.record(c, new Change(workspaceId, entity, id, operation, summary, before, after));
        if (reverts != null) {
            ChangeLog.markReverted(c, reverts, changeId);
        }
        return changeId;
    }

    /** What the history keeps of a deleted entity: its state as people saw it, and every row taken along. */
    static ObjectNode trash(ObjectNode state, ObjectNode snapshot) {
        ObjectNode before = JSON.objectNode();
        before.set("state", state);
        before.set("snapshot", snapshot);
        return before;
    }

    /** A reorder as the history keeps it: the siblings' ids in order. */
    static ObjectNode order(List<Long> ids) {
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

    /** Undoes change {@code changeId} of the workspace, on the caller's transaction. */
    EditService.Saved revert(Connection c, long workspaceId, long changeId) throws SQLException {
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
        // Undoing a creation deletes the entity, but only at the version the creation left.
        if (before == null) {
            return writes.delete(c, workspaceId, kind, entry.entityId(), after.get("version").longValue(),
                    Operation.REVERT, changeId);
        }
        if (after == null) {
            return restore(c, workspaceId, kind, entry);
        }
        // Undoing an edit is an edit back to the earlier values, based on the version the edit left.
        Map<String, JsonNode> input = new LinkedHashMap<>();
        kind.fields().stream().filter(f -> !f.createOnly())
                .forEach(f -> input.put(f.name(), before.get(f.name())));
        EditService.Saved saved = writes.update(c, workspaceId, kind, entry.entityId(),
                after.get("version").longValue(), input, Operation.REVERT, changeId);
        if (saved.changeId() == 0) {
            throw ValidationException.of("change", "history.revert.nothing", changeId);
        }
        return saved;
    }

    /** Undoing a delete takes the entity back out of the trash. */
    private EditService.Saved restore(Connection c, long workspaceId, Kind kind, ChangeEntry entry)
            throws SQLException {
        long id = VersionedWrite.restore(c, workspaceId, kind, entry.before().get("snapshot"), entry.entityId());
        ObjectNode after = Entities.state(c, kind, id);
        long changeId = record(c, workspaceId, kind.name(), id, Operation.RESTORE, Entities.label(c, kind, id),
                null, after, entry.id());
        return new EditService.Saved(changeId, after);
    }

    /** An import replaced the whole workspace: put back the files it replaced, if nothing changed since. */
    private EditService.Saved revertImport(Connection c, long workspaceId, ChangeEntry entry) throws SQLException {
        Kind workspace = kinds.byName("workspace").orElseThrow();
        if (trees == null) {
            throw ValidationException.of("change", "history.revert.notPossible", entry.id());
        }
        if (entry.before() == null) {
            return writes.delete(c, workspaceId, workspace, workspaceId, null, Operation.REVERT, entry.id());
        }
        // Anything changed since the import would be silently thrown away by putting the old files back.
        if (Sql.queryLong(c, "SELECT COUNT(*) FROM change_log WHERE workspace_id = ? AND id > ?",
                workspaceId, entry.id()) > 0) {
            throw new ConflictException("workspace", 0, null);
        }
        JsonNode now = trees.current(c, workspaceId);
        trees.restore(c, workspaceId, entry.before());
        long changeId = record(c, workspaceId, "workspace", workspaceId, Operation.REVERT, entry.summary(), now,
                entry.before(), entry.id());
        return new EditService.Saved(changeId, Entities.state(c, workspace, workspaceId));
    }

    /** A reorder is undone only while the siblings are still in the order it left. */
    private EditService.Saved revertOrder(Connection c, long workspaceId, Kind kind, ChangeEntry entry)
            throws SQLException {
        List<Long> wanted = ids(entry.before().get("order"));
        List<Long> now = SiblingOrder.siblings(c, kind, workspaceId, entry.entityId());
        if (!now.equals(ids(entry.after().get("order")))) {
            throw new ConflictException(kind.name(), 0, order(now));
        }
        SiblingOrder.applyAround(c, kind, workspaceId, entry.entityId(), wanted);
        long changeId = record(c, workspaceId, kind.name(), entry.entityId(), Operation.REVERT,
                Entities.label(c, kind, entry.entityId()), order(now), order(wanted), entry.id());
        return new EditService.Saved(changeId, Entities.state(c, kind, entry.entityId()));
    }

    /**
     * A link made is undone by breaking it, a link broken by making it again; refused when someone else already
     * did, or when one of its ends is gone.
     */
    private EditService.Saved revertLink(Connection c, long workspaceId, LinkKind link, ChangeEntry entry)
            throws SQLException {
        JsonNode row = entry.before() != null ? entry.before() : entry.after();
        long left = row.get(link.leftColumn()).longValue();
        long right = row.get(link.rightColumn()).longValue();
        String label = Entities.linkLabel(c, link, left, right);
        ObjectNode current = VersionedWrite.linkRow(c, link, left, right);
        if (entry.before() == null) {
            if (current == null) {
                throw ValidationException.of("change", "validation.notLinked");
            }
            VersionedWrite.deleteLink(c, link, left, right);
        } else {
            if (current != null) {
                throw ValidationException.of("change", "validation.alreadyLinked");
            }
            if (!Entities.inWorkspace(c, link.left(), left, workspaceId)
                    || !Entities.inWorkspace(c, link.right(), right, workspaceId)) {
                throw ValidationException.of("change", "history.restore.parentMissing", link.name());
            }
            VersionedWrite.insertLink(c, link, (ObjectNode) entry.before());
        }
        long changeId = record(c, workspaceId, link.name(), left, Operation.REVERT, label, current, entry.before(),
                entry.id());
        return new EditService.Saved(changeId, entry.before());
    }
}
