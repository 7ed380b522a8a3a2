package kusari.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KindTest {

    @Test
    void aKindWithoutItsRequiredPartsIsRefusedNamingWhatIsMissing() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Kind.builder("step", "steps").key("id").build());
        assertEquals("Kind step lacks label, workspace, fields, viewer", e.getMessage());
    }

    @Test
    void theBuilderKeepsEveryPart() {
        Kind kind = Kind.builder("step", "steps").key("id").label("title").ownWorkspace()
                .orderedWithin("journey_id").unique("title")
                .fields(Field.text("title", "title", true, 100))
                .viewer((c, ws, id) -> "/" + ws + "/" + id)
                .build();
        assertEquals("SELECT workspace_id FROM step WHERE id = ?", kind.workspaceSql());
        assertTrue(kind.ordered());
        assertEquals("journey_id", kind.scopeColumn());
        assertEquals(1, kind.fields().size());
        assertTrue(kind.rules().isEmpty());
        assertTrue(kind.insertDefaults().isEmpty());
    }

    @Test
    void aLinkNeedsBothItsSides() {
        Kind step = Kind.builder("step", "steps").key("id").label("title").ownWorkspace()
                .fields(Field.text("title", "title", true, 100)).viewer((c, ws, id) -> "").build();
        assertThrows(IllegalStateException.class, () -> LinkKind.builder("step_challenge", "step-challenges")
                .left(step, "step_id").build());
    }
}
