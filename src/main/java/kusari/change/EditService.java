package kusari.change;

import kusari.core.ValidationException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kusari.db.Database;
import kusari.db.Sql;

/**
 * The one write path of Kusari. Every create, update, delete, reorder, link, unlink and revert of every
 * kind of entity runs here, in one transaction that validates the values, checks the version the change
 * was based on, makes the change and records it in the audit history. Forms and the JSON API both call it.
 *
 * <p>This class is the façade every caller uses; each step has its own class: {@link ChangeValidator} checks the
 * values, {@link VersionedWrite} checks the version and writes, {@link Audit} records the change and knows how
 * to undo one. The transaction is {@link Database#inTransaction}'s: IMMEDIATE, retried when SQLite is busy, so
 * a change and its entry in the history are committed together or not at all.
 *
 * <p>An entity's <em>state</em> is what the API returns and the history stores: its id, version and every
 * field by name (owned lists included), e.g. {@code {"id": 5, "version": 3, "title": "…", "emotionScore": -1}}.
 */
public final class EditService {

    private final Database database;
    private final Kinds kinds;
    private final ChangeValidator validator;
    private final Audit audit;

    public EditService(Database database, Kinds kinds) {
        this(database, kinds, null);
    }

    /** @param trees how to undo an import of a whole workspace (null: imports cannot be undone) */
    public EditService(Database database, Kinds kinds, WorkspaceTrees trees) {
        this.database = database;
        this.kinds = kinds;
        this.validator = new ChangeValidator(kinds);
        // An undo goes through the same update and delete as a person's edit, with the same checks.
        this.audit = new Audit(kinds, trees, new Audit.WritePath() {
            @Override
            public Saved update(Connection c, long workspaceId, Kind kind, long id, long version,
                                Map<String, JsonNode> input, Operation operation, Long reverts) throws SQLException {
                return EditService.this.update(c, workspaceId, kind, id, version, input, operation, reverts);
            }

            @Override
            public Saved delete(Connection c, long workspaceId, Kind kind, long id, Long version,
                                Operation operation, Long reverts) throws SQLException {
                return EditService.this.delete(c, workspaceId, kind, id, version, operation, reverts);
            }
        });
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
        return database.read(c -> Entities.inWorkspace(c, kind, id, workspaceId)
                ? Optional.ofNullable(Entities.state(c, kind, id)) : Optional.<ObjectNode>empty());
    }

    /** The id of the entity a URL names by its key (slug, code, number or id), within a workspace. */
    public Optional<Long> findId(long workspaceId, Kind kind, String key) {
        return database.read(c -> Entities.findId(c, workspaceId, kind, key));
    }

    /** As above, {@code level} naming the level of a key unique only within one (a framework node's code). */
    public Optional<Long> findId(long workspaceId, Kind kind, String key, Integer level) {
        return database.read(c -> Entities.findId(c, workspaceId, kind, key, level));
    }

    /** The name people know an entity by (a step's title, an actor's name). */
    public String label(Kind kind, long id) {
        return database.read(c -> Entities.label(c, kind, id));
    }

    /**
     * The state of an entity read on the caller's connection. Services that write many rows in one transaction
     * (the review grid) record their changes with it, in the form this service can undo.
     */
    public ObjectNode state(Connection c, Kind kind, long id) throws SQLException {
        return Entities.state(c, kind, id);
    }

    /** The right-hand ids linked to {@code left}. */
    public List<Long> linked(LinkKind link, long left) {
        return database.read(c -> Sql.query(c, "SELECT " + link.rightColumn() + " FROM " + link.name() + " WHERE "
                + link.leftColumn() + " = ?", rs -> rs.getLong(1), left));
    }

    // ------------------------------------------------------------------ create, update, delete

    /**
     * Creates an entity. {@code index} places an ordered entity among its siblings (0 = first; null = last).
     * For a workspace, {@code workspaceId} is ignored: the new workspace is its own.
     */
    public Saved create(long workspaceId, Kind kind, Map<String, JsonNode> input, Integer index) {
        return database.inTransaction(c -> {
            Map<String, Object> values = validator.forCreate(c, workspaceId, kind, input);
            long id = VersionedWrite.insert(c, workspaceId, kind, values, index);
            ObjectNode after = Entities.state(c, kind, id);
            long ws = kind.name().equals("workspace") ? id : workspaceId;
            long changeId = audit.record(c, ws, kind.name(), id, Operation.CREATE, Entities.label(c, kind, id),
                    null, after, null);
            return new Saved(changeId, after);
        });
    }

    /** Changes the given fields of an entity, if {@code version} is still its current version. */
    public Saved update(long workspaceId, Kind kind, long id, long version, Map<String, JsonNode> input) {
        return database.inTransaction(c -> update(c, workspaceId, kind, id, version, input, Operation.UPDATE, null));
    }

    private Saved update(Connection c, long workspaceId, Kind kind, long id, long version,
                         Map<String, JsonNode> input, Operation operation, Long reverts) throws SQLException {
        ObjectNode before = VersionedWrite.requireCurrent(c, workspaceId, kind, id, version);
        ChangeValidator.Checked edit = validator.forUpdate(c, workspaceId, kind, id, before, input);
        if (edit.unchanged()) {
            return new Saved(0, before);
        }
        VersionedWrite.update(c, kind, id, version, edit);
        ObjectNode after = Entities.state(c, kind, id);
        long changeId = audit.record(c, workspaceId, kind.name(), id, operation, Entities.label(c, kind, id),
                before, after, reverts);
        return new Saved(changeId, after);
    }

    /** What deleting would take along; shown before a person confirms. */
    public DeletePreview previewDelete(long workspaceId, Kind kind, long id) {
        return database.read(c -> {
            ObjectNode current = VersionedWrite.requireCurrent(c, workspaceId, kind, id, null);
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
        ObjectNode current = VersionedWrite.requireCurrent(c, workspaceId, kind, id, version);
        String label = Entities.label(c, kind, id);
        ObjectNode snapshot = VersionedWrite.delete(c, workspaceId, kind, id, current);
        long changeId = audit.record(c, workspaceId, kind.name(), id, operation, label,
                Audit.trash(current, snapshot), null, reverts);
        return new Saved(changeId, null);
    }

    // ------------------------------------------------------------------ workspaces

    /**
     * Copies a whole workspace (framework, projects, personas, journeys, challenges, indicators, readings;
     * not its history) under a new slug and name: the usual start of the next strategy from the last one.
     */
    public Saved copyWorkspace(Kind workspaceKind, long sourceId, Map<String, JsonNode> input) {
        return database.inTransaction(c -> {
            Map<String, Object> values = validator.forCopy(c, workspaceKind, input);
            long id = VersionedWrite.copyWorkspace(c, sourceId, values.get("slug"), values.get("name"));
            ObjectNode after = Entities.state(c, workspaceKind, id);
            long changeId = audit.record(c, id, "workspace", id, Operation.CREATE,
                    values.get("name") + " ← " + Entities.label(c, workspaceKind, sourceId), null, after, null);
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
            VersionedWrite.requireCurrent(c, workspaceId, kind, id, null);
            VersionedWrite.Reordered moved = VersionedWrite.move(c, workspaceId, kind, id, index);
            if (moved == null) {
                return new Saved(0, Entities.state(c, kind, id));
            }
            long changeId = audit.record(c, workspaceId, kind.name(), id, Operation.REORDER,
                    Entities.label(c, kind, id), Audit.order(moved.before()), Audit.order(moved.after()), null);
            return new Saved(changeId, Entities.state(c, kind, id));
        });
    }

    // ------------------------------------------------------------------ links

    /** Links two entities of a workspace, e.g. a step to a challenge. */
    public Saved link(long workspaceId, LinkKind link, long left, long right, Map<String, JsonNode> input) {
        return database.inTransaction(c -> {
            Map<String, Object> values = validator.forLink(c, workspaceId, link, left, right, input);
            ObjectNode row = VersionedWrite.link(c, link, left, right, values);
            long changeId = audit.record(c, workspaceId, link.name(), left, Operation.LINK,
                    Entities.linkLabel(c, link, left, right), null, row, null);
            return new Saved(changeId, row);
        });
    }

    /** Breaks a link; refused when there is no such link (someone else broke it first). */
    public Saved unlink(long workspaceId, LinkKind link, long left, long right) {
        return database.inTransaction(c -> {
            validator.forUnlink(c, workspaceId, link, left);
            String label = Entities.linkLabel(c, link, left, right);
            ObjectNode row = VersionedWrite.unlink(c, link, left, right);
            long changeId = audit.record(c, workspaceId, link.name(), left, Operation.UNLINK, label, row, null,
                    null);
            return new Saved(changeId, null);
        });
    }

    // ------------------------------------------------------------------ revert

    /**
     * Undoes one change of the history: puts back the state before it, if what it changed is still as the
     * change left it (else a conflict: a later change would be overwritten). The revert is itself a change.
     */
    public Saved revert(long workspaceId, long changeId) {
        return database.inTransaction(c -> audit.revert(c, workspaceId, changeId));
    }
}
