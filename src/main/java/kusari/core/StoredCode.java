package kusari.core;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A domain value kept as a code: in a TEXT column the migrations constrain with a CHECK, and in the data files
 * (personas/, journeys/). The enums that implement it (an actor's kind, an indicator's direction …) carry the code
 * they are stored as and the message key of their interface text, so the codes are written once.
 */
public interface StoredCode {

    /**
     * The code as stored in the database and the data files, e.g. {@code GOVERNMENT}, also what the JSON API says.
     * For most values it is the constant's own name; a value stored otherwise (the empty "no decision yet") says so.
     */
    @com.fasterxml.jackson.annotation.JsonValue
    default String code() {
        return ((Enum<?>) this).name();
    }

    /** The message key of the interface text, e.g. {@code actor.kind.GOVERNMENT} (行政). */
    String messageKey();

    /**
     * The value stored as {@code code}, for row mappers. A code the CHECKs should have kept out means a broken
     * database file or a migration out of step with the code: that fails loudly here, never as a blank on a page.
     */
    static <E extends Enum<E> & StoredCode> E fromStored(Class<E> type, String code) {
        return find(type, code).orElseThrow(() -> new IllegalStateException(
                type.getSimpleName() + " has no value stored as \"" + code + "\" (known: " + listed(type) + ")"));
    }

    /** The value of {@code code}, or empty for anything else (for codes that come from a request or a file). */
    static <E extends Enum<E> & StoredCode> Optional<E> find(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.code().equals(code)).findFirst();
    }

    /** Every code in declaration order: the allowed values of a {@code Field.choice}. */
    static <E extends Enum<E> & StoredCode> String[] codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(StoredCode::code).toArray(String[]::new);
    }

    /** The codes joined for a message, e.g. "GOVERNMENT, PARTNER". */
    static <E extends Enum<E> & StoredCode> String listed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(StoredCode::code).collect(Collectors.joining(", "));
    }
}
