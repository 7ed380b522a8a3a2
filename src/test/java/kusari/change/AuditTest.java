package kusari.change;

import kusari.core.ConflictException;
import kusari.core.ForbiddenChangeException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kusari.EditKinds;
import kusari.TestApp;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.journey.JourneyKinds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history's side of a change: recorded in the change's own transaction, and undone only when safe. */
class AuditTest {

    private static final JsonNodeFactory J = JsonNodeFactory.instance;

    @TempDir
    Path dir;
    Database db;
    EditService edits;
    long ws;
    long journey;

    @BeforeEach
    void load() {
        db = TestApp.freshSampleDatabase(dir);
        edits = new EditService(db, EditKinds.all());
        ws = db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM workspace WHERE slug = 'omitama'"));
        journey = db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM journey WHERE workspace_id = ? AND slug = 'b'", ws));
    }

    private long step(int position) {
        return db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM step WHERE journey_id = ? AND position = ?",
                journey, position));
    }

    private List<String> titles() {
        return db.read(c -> Sql.query(c, "SELECT title FROM step WHERE journey_id = ? ORDER BY position",
                rs -> rs.getString(1), journey));
    }

    private long changes() {
        return db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM change_log"));
    }

    @Test
    void aChangeWhoseRecordIsRefusedIsNotWrittenEither() {
        Authors.Author refusing = new Authors.Author("健康増進課", (c, change) -> {
            throw new ForbiddenChangeException("account.forbidden");
        });
        long id = step(1);
        long version = edits.find(ws, JourneyKinds.STEP, id).orElseThrow().get("version").asLong();
        List<String> before = titles();
        long entries = changes();
        assertThrows(ForbiddenChangeException.class, () -> Authors.as(refusing, () ->
                edits.update(ws, JourneyKinds.STEP, id, version, Map.of("title", J.textNode("書き換え")))));
        assertThrows(ForbiddenChangeException.class, () -> Authors.as(refusing, () ->
                edits.create(ws, JourneyKinds.STEP, Map.of("journey", J.numberNode(journey), "title", J.textNode("新")), 0)));
        assertEquals(before, titles());
        assertEquals(entries, changes());
        assertEquals(version, edits.find(ws, JourneyKinds.STEP, id).orElseThrow().get("version").asLong());
    }

    @Test
    void theHistoryKeepsADeletedStepWhole() {
        long id = step(2);
        long changeId = edits.delete(ws, JourneyKinds.STEP, id, null).changeId();
        ChangeEntry entry = db.read(c -> ChangeLog.find(c, changeId)).orElseThrow();
        assertEquals(Operation.DELETE, entry.operation());
        assertEquals(id, entry.before().get("state").get("id").asLong());
        assertTrue(entry.before().get("snapshot").get("rows").has("step"));
        assertEquals(null, entry.after());
    }

    @Test
    void undoingAReorderAfterAnotherMoveIsAConflictAndMovesNothing() {
        EditService.Saved first = edits.move(ws, JourneyKinds.STEP, step(1), 2);
        edits.move(ws, JourneyKinds.STEP, step(1), 3);
        List<String> now = titles();
        long entries = changes();
        assertThrows(ConflictException.class, () -> edits.revert(ws, first.changeId()));
        assertEquals(now, titles());
        assertEquals(entries, changes());
    }

    @Test
    void undoingACreationAfterTheNewStepWasEditedIsAConflict() {
        EditService.Saved created = edits.create(ws, JourneyKinds.STEP,
                Map.of("journey", J.numberNode(journey), "title", J.textNode("新しい一歩")), null);
        long id = created.state().get("id").asLong();
        edits.update(ws, JourneyKinds.STEP, id, created.state().get("version").asLong(),
                Map.of("painPoint", J.textNode("窓口が遠い")));
        assertThrows(ConflictException.class, () -> edits.revert(ws, created.changeId()));
        assertTrue(edits.find(ws, JourneyKinds.STEP, id).isPresent());
    }

    @Test
    void anUndoIsMarkedOnBothEntries() {
        long id = step(1);
        long version = edits.find(ws, JourneyKinds.STEP, id).orElseThrow().get("version").asLong();
        long edit = edits.update(ws, JourneyKinds.STEP, id, version, Map.of("title", J.textNode("窓口で相談"))).changeId();
        long undo = edits.revert(ws, edit).changeId();
        ChangeEntry undone = db.read(c -> ChangeLog.find(c, edit)).orElseThrow();
        ChangeEntry revert = db.read(c -> ChangeLog.find(c, undo)).orElseThrow();
        assertEquals(undo, undone.revertedBy());
        assertEquals(edit, revert.revertsId());
        assertEquals(Operation.REVERT, revert.operation());
    }
}
