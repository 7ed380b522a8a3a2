package kusari.change;

import kusari.core.FieldError;
import kusari.core.ValidationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kusari.EditKinds;
import kusari.TestApp;
import kusari.challenge.ChallengeKinds;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.journey.JourneyKinds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks of an edit on their own: every one runs on a read-only snapshot, before anything is written. */
class ChangeValidatorTest {

    private static final JsonNodeFactory J = JsonNodeFactory.instance;

    @TempDir
    Path dir;
    Database db;
    ChangeValidator validator;
    long ws;
    long journey;

    @BeforeEach
    void load() {
        db = TestApp.freshSampleDatabase(dir);
        validator = new ChangeValidator(EditKinds.all());
        ws = db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM workspace WHERE slug = 'omitama'"));
        journey = db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM journey WHERE workspace_id = ? AND slug = 'b'", ws));
    }

    private List<String> problems(ValidationException e) {
        return e.errors().stream().map(f -> f.field() + ":" + f.messageKey()).toList();
    }

    @Test
    void aNewStepTakesTheDefaultsOfWhatWasNotGiven() {
        Map<String, Object> values = db.read(c -> validator.forCreate(c, ws, JourneyKinds.STEP,
                Map.of("journey", J.numberNode(journey), "title", J.textNode("窓口で相談"))));
        assertEquals("窓口で相談", values.get("title"));
        assertEquals(0L, values.get("emotionScore"));
        assertFalse(values.containsKey("painPoint"));
    }

    @Test
    void unknownAndMissingRequiredFieldsAreAllReportedAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> db.read(c ->
                validator.forCreate(c, ws, JourneyKinds.STEP, Map.of("colour", J.textNode("red")))));
        assertEquals(List.of("colour:validation.unknownField", "journey:validation.required",
                "title:validation.required"), problems(e));
    }

    @Test
    void aReferenceToAJourneyOfAnotherWorkspaceIsRefused() {
        long other = db.inTransaction(c -> Sql.insert(c,
                "INSERT INTO workspace (slug, name, municipality, plan_from, plan_to) VALUES ('elsewhere', '他の市', '他の市', 2025, 2029)"));
        ValidationException e = assertThrows(ValidationException.class, () -> db.read(c ->
                validator.forCreate(c, other, JourneyKinds.STEP,
                        Map.of("journey", J.numberNode(journey), "title", J.textNode("x")))));
        assertEquals(List.of("journey:validation.reference"), problems(e));
    }

    @Test
    void theJourneyOfAStepIsFixedOnceItIsMade() {
        long step = db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM step WHERE journey_id = ? AND position = 1", journey));
        long otherJourney = db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM journey WHERE workspace_id = ? AND slug = 'c'", ws));
        JsonNode before = db.read(c -> Entities.state(c, JourneyKinds.STEP, step));
        ValidationException e = assertThrows(ValidationException.class, () -> db.read(c ->
                validator.forUpdate(c, ws, JourneyKinds.STEP, step, before, Map.of("journey", J.numberNode(otherJourney)))));
        assertEquals(List.of("journey:validation.fixed"), problems(e));
        // giving it again unchanged is fine, and changes nothing
        ChangeValidator.Checked same = db.read(c -> validator.forUpdate(c, ws, JourneyKinds.STEP, step, before,
                Map.of("journey", J.numberNode(journey), "title", before.get("title"))));
        assertTrue(same.unchanged());
    }

    @Test
    void anEditNamesExactlyTheFieldsItChanges() {
        long step = db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM step WHERE journey_id = ? AND position = 1", journey));
        JsonNode before = db.read(c -> Entities.state(c, JourneyKinds.STEP, step));
        ChangeValidator.Checked edit = db.read(c -> validator.forUpdate(c, ws, JourneyKinds.STEP, step, before,
                Map.of("painPoint", J.textNode("待ち時間が長い"), "title", before.get("title"))));
        assertEquals(List.of("painPoint"), edit.changed(JourneyKinds.STEP).stream().map(Field::name).toList());
    }

    @Test
    void aTakenNumberIsReportedOnlyWhenTheNumberItselfIsAcceptable() {
        ValidationException taken = assertThrows(ValidationException.class, () -> db.read(c ->
                validator.forCreate(c, ws, ChallengeKinds.CHALLENGE, Map.of("number", J.numberNode(2), "title", J.textNode("x")))));
        assertEquals(List.of("number:validation.unique"), problems(taken));
        ValidationException bad = assertThrows(ValidationException.class, () -> db.read(c ->
                validator.forCreate(c, ws, ChallengeKinds.CHALLENGE, Map.of("number", J.textNode("二"), "title", J.textNode("x")))));
        assertEquals(1, bad.errors().size());
        assertEquals("number", bad.errors().get(0).field());
        assertFalse(bad.errors().stream().map(FieldError::messageKey).toList().contains("validation.unique"));
    }

    @Test
    void aCopyTakesOnlyANewSlugAndAName() {
        ValidationException e = assertThrows(ValidationException.class, () -> db.read(c ->
                validator.forCopy(c, WorkspaceKind.WORKSPACE, Map.of("slug", J.textNode("omitama"),
                        "name", J.textNode("again")))));
        assertEquals(List.of("slug:validation.unique"), problems(e));
        ValidationException extra = assertThrows(ValidationException.class, () -> db.read(c ->
                validator.forCopy(c, WorkspaceKind.WORKSPACE, Map.of("slug", J.textNode("next"),
                        "name", J.textNode("next"), "planStart", J.numberNode(2025)))));
        assertEquals(List.of("planStart:validation.unknownField"), problems(extra));
    }
}
