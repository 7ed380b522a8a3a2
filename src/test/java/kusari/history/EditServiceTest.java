package kusari.history;

import kusari.change.WorkspaceKind;
import kusari.change.ChangeEntry;
import kusari.change.ChangeLog;
import kusari.change.EditService;
import kusari.change.Operation;
import kusari.core.ConflictException;
import kusari.core.FieldError;
import kusari.core.NotFoundException;
import kusari.core.ValidationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kusari.TestApp;
import kusari.actor.ActorKinds;
import kusari.challenge.ChallengeKinds;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.EditKinds;
import kusari.journey.JourneyKinds;
import kusari.strategy.StrategyKinds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of change through the one write path, on a fresh copy of the sample. */
class EditServiceTest {

    private static final JsonNodeFactory J = JsonNodeFactory.instance;

    @TempDir
    Path dir;
    Database db;
    EditService edits;
    long ws;

    @BeforeEach
    void load() {
        db = TestApp.freshSampleDatabase(dir);
        edits = new EditService(db, EditKinds.all());
        ws = db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM workspace WHERE slug = 'omitama'"));
    }

    private long stepId(String journey, int position) {
        return db.<Long>read(c -> Sql.queryLong(c, "SELECT s.id FROM step s JOIN journey j ON j.id = s.journey_id"
                + " WHERE j.workspace_id = ? AND j.slug = ? AND s.position = ?", ws, journey, position));
    }

    private List<String> titles(String journey) {
        return db.read(c -> Sql.query(c, "SELECT s.title FROM step s JOIN journey j ON j.id = s.journey_id"
                + " WHERE j.workspace_id = ? AND j.slug = ? ORDER BY s.position", rs -> rs.getString(1), ws, journey));
    }

    private long changes() {
        return db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM change_log"));
    }

    @Test
    void anUpdateChangesTheFieldsBumpsTheVersionAndIsRecordedWithBeforeAndAfter() {
        long id = stepId("b", 2);
        JsonNode before = edits.find(ws, JourneyKinds.STEP, id).orElseThrow();
        EditService.Saved saved = edits.update(ws, JourneyKinds.STEP, id, before.get("version").asLong(),
                Map.of("title", J.textNode("窓口で相談する"), "emotionScore", J.numberNode(-2)));
        assertEquals("窓口で相談する", saved.state().get("title").asText());
        assertEquals(before.get("version").asLong() + 1, saved.state().get("version").asLong());
        ChangeEntry entry = db.read(c -> ChangeLog.find(c, saved.changeId())).orElseThrow();
        assertEquals(Operation.UPDATE, entry.operation());
        assertEquals(before.get("title"), entry.before().get("title"));
        assertEquals("窓口で相談する", entry.after().get("title").asText());
        assertEquals("local", entry.changedBy());
    }

    @Test
    void aStaleVersionIsAConflictThatShowsTheCurrentStateAndWritesNothing() {
        long id = stepId("b", 1);
        long version = edits.find(ws, JourneyKinds.STEP, id).orElseThrow().get("version").asLong();
        edits.update(ws, JourneyKinds.STEP, id, version, Map.of("title", J.textNode("first")));
        long before = changes();
        ConflictException conflict = assertThrows(ConflictException.class, () ->
                edits.update(ws, JourneyKinds.STEP, id, version, Map.of("title", J.textNode("second"))));
        assertEquals("first", conflict.current().get("title").asText());
        assertEquals(before, changes());
        assertEquals("first", titles("b").get(0));
    }

    @Test
    void badValuesAreRefusedFieldByFieldAndChangeNothing() {
        long id = stepId("b", 1);
        long version = edits.find(ws, JourneyKinds.STEP, id).orElseThrow().get("version").asLong();
        List<String> titles = titles("b");
        ValidationException e = assertThrows(ValidationException.class, () -> edits.update(ws, JourneyKinds.STEP, id,
                version, Map.of("title", J.textNode(" "), "emotionScore", J.numberNode(5), "colour", J.textNode("x"))));
        assertEquals(List.of("colour", "title", "emotionScore"), e.errors().stream().map(FieldError::field).toList());
        assertEquals("validation.range", e.errors().get(2).messageKey());
        assertEquals(titles, titles("b"));
    }

    @Test
    void uniqueNumbersAndReferencesInTheSameWorkspaceAreChecked() {
        ValidationException duplicate = assertThrows(ValidationException.class, () -> edits.create(ws,
                ChallengeKinds.CHALLENGE, Map.of("number", J.numberNode(2), "title", J.textNode("x")), null));
        assertEquals("validation.unique", duplicate.errors().get(0).messageKey());
        ValidationException dangling = assertThrows(ValidationException.class, () -> edits.create(ws,
                JourneyKinds.STEP, Map.of("journey", J.numberNode(999_999), "title", J.textNode("x")), null));
        assertEquals("journey", dangling.errors().get(0).field());
    }

    @Test
    void aStepInsertedBeforeAnotherTakesItsPlaceAndTheRestMoveAlong() {
        long journey = db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM journey WHERE slug = 'b'"));
        List<String> before = titles("b");
        edits.create(ws, JourneyKinds.STEP, Map.of("journey", J.numberNode(journey), "title", J.textNode("新しい一歩")), 1);
        List<String> after = titles("b");
        assertEquals(before.size() + 1, after.size());
        assertEquals(before.get(0), after.get(0));
        assertEquals("新しい一歩", after.get(1));
        assertEquals(before.subList(1, before.size()), after.subList(2, after.size()));
    }

    @Test
    void aDeletedStepComesBackFromTheTrashAtItsPlaceWithItsActionsAndChallengeLinks() {
        long id = stepId("b", 3);
        List<String> before = titles("b");
        String rows = stepRows(id);
        EditService.Saved deleted = edits.delete(ws, JourneyKinds.STEP, id, null);
        assertEquals(before.size() - 1, titles("b").size());
        assertFalse(titles("b").contains(before.get(2)));
        edits.revert(ws, deleted.changeId());
        assertEquals(before, titles("b"));
        assertEquals(rows, stepRows(id));
        assertTrue(db.read(c -> ChangeLog.find(c, deleted.changeId())).orElseThrow().reverted());
    }

    private String stepRows(long id) {
        return db.read(c -> Sql.query(c, """
                SELECT 'a' || a.position || a.text || group_concat(aa.actor_id) FROM action a
                LEFT JOIN action_actor aa ON aa.action_id = a.id WHERE a.step_id = ? GROUP BY a.id
                UNION ALL SELECT 'c' || challenge_id FROM step_challenge WHERE step_id = ? ORDER BY 1""",
                rs -> rs.getString(1), id, id).toString());
    }

    @Test
    void deletingAnActorUnlinksItFromActionsAndRestoringPutsItBack() {
        long actor = db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM actor WHERE name = '健康増進課'"));
        long links = db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM action_actor WHERE actor_id = ?", actor));
        assertTrue(links > 0);
        EditService.DeletePreview preview = edits.previewDelete(ws, ActorKinds.ACTOR, actor);
        assertEquals((int) links, preview.dependents().get("action_actor"));
        assertTrue(preview.blockers().isEmpty());
        long change = edits.delete(ws, ActorKinds.ACTOR, actor, null).changeId();
        assertEquals(0L, db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM action_actor WHERE actor_id = ?", actor)));
        edits.revert(ws, change);
        assertEquals(links, db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM action_actor WHERE actor_id = ?", actor)));
    }

    @Test
    void aFrameworkNodeStillHoldingProjectsCannotBeDeleted() {
        long node = db.<Long>read(c -> Sql.queryLong(c, "SELECT node_id FROM project WHERE code = '1-03-4'"));
        assertFalse(edits.previewDelete(ws, StrategyKinds.FRAMEWORK_NODE, node).blockers().isEmpty());
        ValidationException e = assertThrows(ValidationException.class,
                () -> edits.delete(ws, StrategyKinds.FRAMEWORK_NODE, node, null));
        assertEquals("validation.deleteBlocked", e.errors().get(0).messageKey());
    }

    @Test
    void theFrameworkTreeCannotBecomeALoop() {
        long top = db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM framework_node WHERE code = '1'"));
        long below = db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM framework_node WHERE parent_id = ? LIMIT 1", top));
        long version = edits.find(ws, StrategyKinds.FRAMEWORK_NODE, top).orElseThrow().get("version").asLong();
        ValidationException e = assertThrows(ValidationException.class, () -> edits.update(ws,
                StrategyKinds.FRAMEWORK_NODE, top, version, Map.of("parent", J.numberNode(below))));
        assertEquals("validation.cycle", e.errors().get(0).messageKey());
    }

    @Test
    void anUpdateIsRevertedAndTheRevertItselfCanBeReverted() {
        long id = stepId("c", 1);
        JsonNode original = edits.find(ws, JourneyKinds.STEP, id).orElseThrow();
        EditService.Saved edit = edits.update(ws, JourneyKinds.STEP, id, original.get("version").asLong(),
                Map.of("painPoint", J.textNode("待ち時間が長い")));
        EditService.Saved revert = edits.revert(ws, edit.changeId());
        assertEquals(original.get("painPoint"), revert.state().get("painPoint"));
        assertThrows(ValidationException.class, () -> edits.revert(ws, edit.changeId()));
        EditService.Saved again = edits.revert(ws, revert.changeId());
        assertEquals("待ち時間が長い", again.state().get("painPoint").asText());
    }

    @Test
    void revertingAnUpdateThatWasChangedSinceIsAConflict() {
        long id = stepId("c", 2);
        long v = edits.find(ws, JourneyKinds.STEP, id).orElseThrow().get("version").asLong();
        EditService.Saved first = edits.update(ws, JourneyKinds.STEP, id, v, Map.of("title", J.textNode("one")));
        edits.update(ws, JourneyKinds.STEP, id, v + 1, Map.of("title", J.textNode("two")));
        assertThrows(ConflictException.class, () -> edits.revert(ws, first.changeId()));
        assertEquals("two", titles("c").get(1));
    }

    @Test
    void linksAreMadeBrokenAndRevertedAndADoubleLinkIsRefused() {
        long step = stepId("a", 1);
        long challenge = db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM challenge WHERE number = 13"));
        EditService.Saved link = edits.link(ws, JourneyKinds.STEP_CHALLENGE, step, challenge, Map.of());
        assertTrue(edits.linked(JourneyKinds.STEP_CHALLENGE, step).contains(challenge));
        assertThrows(ValidationException.class,
                () -> edits.link(ws, JourneyKinds.STEP_CHALLENGE, step, challenge, Map.of()));
        edits.revert(ws, link.changeId());
        assertFalse(edits.linked(JourneyKinds.STEP_CHALLENGE, step).contains(challenge));
        assertThrows(ValidationException.class, () -> edits.unlink(ws, JourneyKinds.STEP_CHALLENGE, step, challenge));
    }

    @Test
    void aMovedStepCanBeMovedBackByRevertingTheReorder() {
        List<String> before = titles("b");
        EditService.Saved moved = edits.move(ws, JourneyKinds.STEP, stepId("b", 1), 3);
        List<String> after = titles("b");
        assertEquals(before.get(0), after.get(3));
        assertEquals(before.get(1), after.get(0));
        edits.revert(ws, moved.changeId());
        assertEquals(before, titles("b"));
    }

    @Test
    void aWorkspaceIsCopiedWholeUnderANewSlugWithItsReadingsPointingAtTheCopies() {
        EditService.Saved copy = edits.copyWorkspace(WorkspaceKind.WORKSPACE, ws,
                Map.of("slug", J.textNode("omitama-2025"), "name", J.textNode("第3期 小美玉市総合戦略")));
        long id = copy.state().get("id").asLong();
        for (String table : List.of("persona", "journey", "challenge", "project", "framework_node", "actor", "indicator", "reading")) {
            assertEquals(db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM " + table + " WHERE workspace_id = ?", ws)),
                    db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM " + table + " WHERE workspace_id = ?", id)), table);
        }
        assertEquals(db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM step s JOIN journey j ON j.id = s.journey_id WHERE j.workspace_id = ?", ws)),
                db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM step s JOIN journey j ON j.id = s.journey_id WHERE j.workspace_id = ?", id)));
        assertEquals(0L, db.<Long>read(c -> Sql.queryLong(c, """
                SELECT COUNT(*) FROM reading r WHERE r.workspace_id = ? AND r.subject_type = 'PERSONA'
                AND r.subject_id NOT IN (SELECT id FROM persona WHERE workspace_id = ?)""", id, id)));
        // Editing the copy leaves the original alone.
        long copiedStep = db.<Long>read(c -> Sql.queryLong(c, "SELECT s.id FROM step s JOIN journey j ON j.id = s.journey_id"
                + " WHERE j.workspace_id = ? AND j.slug = 'b' AND s.position = 1", id));
        JsonNode state = edits.find(id, JourneyKinds.STEP, copiedStep).orElseThrow();
        edits.update(id, JourneyKinds.STEP, copiedStep, state.get("version").asLong(), Map.of("title", J.textNode("copy")));
        assertFalse(titles("b").contains("copy"));
        assertThrows(ValidationException.class, () -> edits.copyWorkspace(WorkspaceKind.WORKSPACE, ws,
                Map.of("slug", J.textNode("omitama-2025"), "name", J.textNode("again"))));
    }

    @Test
    void anEntityOfAnotherWorkspaceCannotBeReachedThroughThisOne() {
        EditService.Saved copy = edits.copyWorkspace(WorkspaceKind.WORKSPACE, ws,
                Map.of("slug", J.textNode("other"), "name", J.textNode("other")));
        long other = copy.state().get("id").asLong();
        long step = stepId("b", 1);
        assertTrue(edits.find(other, JourneyKinds.STEP, step).isEmpty());
        assertThrows(NotFoundException.class, () -> edits.update(other, JourneyKinds.STEP, step, 1, Map.of("title", J.textNode("x"))));
        assertNull(db.read(c -> Sql.queryOne(c, "SELECT title FROM step WHERE id = ? AND title = 'x'", rs -> rs.getString(1), step)).orElse(null));
    }

    @Test
    void aDeletedWorkspaceComesBackWholeFromItsHistory() {
        List<String> tables = List.of("persona", "journey", "challenge", "project", "framework_node", "actor", "indicator");
        List<Long> before = tables.stream().map(t -> db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM " + t))).toList();
        long steps = db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM step"));
        long change = edits.delete(ws, WorkspaceKind.WORKSPACE, ws, null).changeId();
        assertEquals(0L, db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM step")));
        assertEquals(0L, db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM workspace")));
        edits.revert(ws, change);
        assertEquals(before, tables.stream().map(t -> db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM " + t))).toList());
        assertEquals(steps, db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM step")));
        assertEquals(List.of("妊娠母子手帳"), titles("b").subList(0, 1));
    }
}
