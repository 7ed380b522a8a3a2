package kusari.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import kusari.EditKinds;
import kusari.core.FieldError;
import org.junit.jupiter.api.Test;

/**
 * The limit a form shows beside a field is the one its validator applies: a value at the limit is taken, one
 * character (or line) more is refused with a message, for every text and list field of every kind.
 */
class FieldLimitsTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void everyTextAndListFieldTakesItsLimitAndRefusesOneMoreWithAMessage() {
        int checked = 0;
        for (Kind kind : EditKinds.all().all()) {
            for (Field field : kind.fields()) {
                switch (field.type()) {
                    case TEXT, TEXTAREA -> {
                        assertAccepted(kind, field, JSON.textNode("字".repeat((int) field.maxLength())));
                        assertRefused(kind, field, JSON.textNode("字".repeat((int) field.maxLength() + 1)),
                                "validation.tooLong");
                    }
                    case SLUG -> {
                        assertAccepted(kind, field, JSON.textNode("a".repeat((int) field.maxLength())));
                        assertRefused(kind, field, JSON.textNode("a".repeat((int) field.maxLength() + 1)),
                                "validation.slug");
                    }
                    case LINES -> {
                        List<String> lines = new ArrayList<>();
                        for (int i = 0; i < field.max(); i++) {
                            lines.add("行" + i);
                        }
                        lines.set(0, "字".repeat((int) field.lineMaxLength()));
                        assertAccepted(kind, field, JSON.textNode(String.join("\n", lines)));
                        lines.add("もう1行");
                        assertRefused(kind, field, JSON.textNode(String.join("\n", lines)), "validation.tooMany");
                        assertRefused(kind, field, JSON.textNode("字".repeat((int) field.lineMaxLength() + 1)),
                                "validation.tooLong");
                    }
                    case BUDGET -> {
                        StringBuilder text = new StringBuilder();
                        for (int i = 0; i < field.max(); i++) {
                            text.append(2000 + i).append(" 279,072\n");
                        }
                        assertAccepted(kind, field, JSON.textNode(text.toString()));
                        text.append(2000 + field.max()).append(" 1\n");
                        assertRefused(kind, field, JSON.textNode(text.toString()), "validation.tooMany");
                    }
                    default -> {
                        continue;
                    }
                }
                checked++;
            }
        }
        assertTrue(checked > 40, "every kind's text and list fields were checked: " + checked);
    }

    @Test
    void theLimitsOtherMunicipalitiesNeedAreThere() {
        Field levels = WorkspaceKind.WORKSPACE.fields().stream().filter(f -> f.name().equals("levels")).findFirst()
                .orElseThrow();
        assertEquals(5, levels.max(), "up to five levels: 重点戦略 / 戦略方針 / 具体的施策 / 具体的な取組 / 事業");
        assertAccepted(WorkspaceKind.WORKSPACE, levels, JSON.textNode("政策分野\n基本的方向\n施策\n事業"));
    }

    private static void assertAccepted(Kind kind, Field field, JsonNode input) {
        List<FieldError> errors = new ArrayList<>();
        Values.read(field, input, errors);
        assertTrue(errors.isEmpty(), kind.name() + "." + field.name() + " takes a value at its limit: " + errors);
    }

    private static void assertRefused(Kind kind, Field field, JsonNode input, String message) {
        List<FieldError> errors = new ArrayList<>();
        Values.read(field, input, errors);
        assertFalse(errors.isEmpty(), kind.name() + "." + field.name() + " refuses a value over its limit");
        assertTrue(errors.stream().anyMatch(e -> e.messageKey().equals(message)),
                kind.name() + "." + field.name() + " says why: " + errors);
    }
}
