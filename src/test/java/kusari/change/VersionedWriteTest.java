package kusari.change;

import kusari.core.ConflictException;
import kusari.core.NotFoundException;
import kusari.core.ValidationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kusari.EditKinds;
import kusari.TestApp;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.journey.JourneyKinds;
import kusari.strategy.StrategyKinds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The version check and the writes on their own, on the caller's transaction. */
class VersionedWriteTest {

    private static final JsonNodeFactory J = JsonNodeFactory.instance;

    @TempDir
    Path dir;
    Database db;
    ChangeValidator validator;
    long ws;
    long step;

    @BeforeEach
    void load() {
        db = TestApp.freshSampleDatabase(dir);
        validator = new ChangeValidator(EditKinds.all());
        ws = db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM workspace WHERE slug = 'omitama'"));
        step = db.<Long>read(c -> Sql.queryLong(c, "SELECT s.id FROM step s JOIN journey j ON j.id = s.journey_id"
                + " WHERE j.workspace_id = ? AND j.slug = 'b' AND s.position = 1", ws));
    }

    private String title() {
        return db.read(c -> Sql.queryOne(c, "SELECT title FROM step WHERE id = ?", rs -> rs.getString(1), step)).orElseThrow();
    }

    @Test
    void aStaleVersionIsRefusedBeforeAnythingIsRead() {
        long version = db.<Long>read(c -> Sql.queryLong(c, "SELECT version FROM step WHERE id = ?", step));
        ConflictException e = assertThrows(ConflictException.class, () -> db.read(c ->
                VersionedWrite.requireCurrent(c, ws, JourneyKinds.STEP, step, version - 1)));
        assertEquals(version, e.current().get("version").asLong());
        assertEquals(version, db.read(c -> VersionedWrite.requireCurrent(c, ws, JourneyKinds.STEP, step, null))
                .get("version").asLong());
    }

    @Test
    void aSaveBasedOnAVersionSomeoneElseChangedMeanwhileIsAConflictAndWritesNothing() {
        String original = title();
        ConflictException e = assertThrows(ConflictException.class, () -> db.inTransaction(c -> {
            JsonNode before = VersionedWrite.requireCurrent(c, ws, JourneyKinds.STEP, step, null);
            long version = before.get("version").asLong();
            ChangeValidator.Checked edit = validator.forUpdate(c, ws, JourneyKinds.STEP, step, before,
                    Map.of("title", J.textNode("mine")));
            // someone else's save lands between the check and the write
            Sql.update(c, "UPDATE step SET title = 'theirs', version = version + 1 WHERE id = ?", step);
            try {
                VersionedWrite.update(c, JourneyKinds.STEP, step, version, edit);
            } catch (ConflictException conflict) {
                assertEquals("theirs", Sql.queryOne(c, "SELECT title FROM step WHERE id = ?",
                        rs -> rs.getString(1), step).orElseThrow());
                throw conflict;
            }
            return null;
        }));
        assertEquals("theirs", e.current().get("title").asText());
        assertEquals(original, title());
    }

    @Test
    void aThingDeletedSinceThePageWasOpenedIsAConflictAndOneThatNeverWasIsNotFound() {
        EditService edits = new EditService(db, EditKinds.all());
        long version = edits.find(ws, JourneyKinds.STEP, step).orElseThrow().get("version").asLong();
        edits.delete(ws, JourneyKinds.STEP, step, version);
        ConflictException gone = assertThrows(ConflictException.class, () -> db.read(c ->
                VersionedWrite.requireCurrent(c, ws, JourneyKinds.STEP, step, version)));
        assertNull(gone.current());
        assertThrows(NotFoundException.class, () -> db.read(c ->
                VersionedWrite.requireCurrent(c, ws, JourneyKinds.STEP, 999_999, 1L)));
    }

    @Test
    void aLinkMadeTwiceAndALinkBrokenTwiceAreRefused() {
        long challenge = db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM challenge WHERE workspace_id = ? AND number = 13", ws));
        db.inTransaction(c -> VersionedWrite.link(c, JourneyKinds.STEP_CHALLENGE, step, challenge, Map.of()));
        ValidationException twice = assertThrows(ValidationException.class, () -> db.inTransaction(c ->
                VersionedWrite.link(c, JourneyKinds.STEP_CHALLENGE, step, challenge, Map.of())));
        assertEquals("validation.alreadyLinked", twice.errors().get(0).messageKey());
        db.inTransaction(c -> VersionedWrite.unlink(c, JourneyKinds.STEP_CHALLENGE, step, challenge));
        ValidationException gone = assertThrows(ValidationException.class, () -> db.inTransaction(c ->
                VersionedWrite.unlink(c, JourneyKinds.STEP_CHALLENGE, step, challenge)));
        assertEquals("validation.notLinked", gone.errors().get(0).messageKey());
    }

    @Test
    void aDeletedPolicyFieldComesBackFromTheTrashAtItsPlace() {
        EditService edits = new EditService(db, EditKinds.all());
        String sql = "SELECT code FROM framework_node WHERE workspace_id = ? AND parent_id IS NULL ORDER BY position";
        List<String> before = db.read(c -> Sql.query(c, sql, rs -> rs.getString(1), ws));
        long added = edits.create(ws, StrategyKinds.FRAMEWORK_NODE,
                Map.of("code", J.textNode("5"), "title", J.textNode("新しい政策分野")), 0).state().get("id").asLong();
        assertEquals("5", db.read(c -> Sql.query(c, sql, rs -> rs.getString(1), ws)).get(0));
        long deleted = edits.delete(ws, StrategyKinds.FRAMEWORK_NODE, added, null).changeId();
        assertEquals(before, db.read(c -> Sql.query(c, sql, rs -> rs.getString(1), ws)));
        edits.revert(ws, deleted);
        List<String> after = db.read(c -> Sql.query(c, sql, rs -> rs.getString(1), ws));
        assertEquals("5", after.get(0));
        assertEquals(before, after.subList(1, after.size()));
    }
}
