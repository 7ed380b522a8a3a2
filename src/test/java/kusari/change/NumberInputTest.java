package kusari.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import kusari.core.FieldError;
import org.junit.jupiter.api.Test;

/** Number fields take numbers as the documents print them: 279,072 and △500 / ▲500 for negatives. */
class NumberInputTest {

    private static Object read(Field field, String text, List<FieldError> errors) {
        return Values.read(field, JsonNodeFactory.instance.textNode(text), errors);
    }

    @Test
    void thousandsSeparatorsAndTrianglesAreRead() {
        Field amount = Field.integer("thousandYen", "thousand_yen", true, -1_000_000_000, 1_000_000_000);
        Field value = Field.decimal("baselineValue", "baseline_value");
        List<FieldError> errors = new ArrayList<>();
        assertEquals(279072L, read(amount, "279,072", errors));
        assertEquals(279072L, read(amount, "２７９，０７２", errors));
        assertEquals(-500L, read(amount, "△500", errors));
        assertEquals(-358232.0, read(value, "▲358,232", errors));
        assertEquals(-0.35, read(value, "−0.35", errors));
        assertTrue(errors.isEmpty(), errors.toString());
        read(amount, "2790.72", errors);
        assertEquals("validation.notNumber", errors.get(0).messageKey(), "a decimal where thousand yen belong");
    }
}
