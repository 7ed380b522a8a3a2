package kusari.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The JSON body of an error answer of the API: the status, its title and what went wrong, in the user's language.
 * A refused input adds which fields were wrong ({@link Invalid}); a stale version adds the current state
 * ({@link Conflict}).
 */
public record ErrorJson(int status, String error, String message) {

    /** Input refused: each wrong field with its message. */
    public record Invalid(int status, String error, String message, List<FieldJson> fields) {
    }

    public record FieldJson(String field, String message) {
    }

    /**
     * Changed meanwhile by someone else: {@code current} is the state to compare with (written as null when the thing
     * was deleted meanwhile). It stays a JSON tree because it is whatever the thing's own state is: an entity's
     * fields as its edit kind declares them, or the stale cells of a review.
     */
    public record Conflict(int status, String error, String message, JsonNode current) {
    }
}
