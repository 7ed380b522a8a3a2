package kusari.core;

import java.util.List;

/** A change refused because of its values; nothing was written. Forms show each error next to its field. */
public class ValidationException extends RuntimeException {

    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super("invalid: " + errors);
        this.errors = List.copyOf(errors);
    }

    public static ValidationException of(String field, String messageKey, Object... args) {
        return new ValidationException(List.of(FieldError.of(field, messageKey, args)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
