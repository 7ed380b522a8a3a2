package kusari.core;

import java.util.List;

/**
 * Why one field's value was refused: a message key of the resource bundles and its arguments, so the
 * form and the API can each say it in the user's language.
 */
public record FieldError(String field, String messageKey, List<Object> args) {

    public static FieldError of(String field, String messageKey, Object... args) {
        return new FieldError(field, messageKey, List.of(args));
    }
}
