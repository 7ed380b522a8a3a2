package kusari.core;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A save based on a version that is no longer the current one. Nothing was written; {@link #current()}
 * is the state the person must see beside their own change (null when the thing was deleted meanwhile).
 */
public class ConflictException extends RuntimeException {

    private final String entity;
    private final long expectedVersion;
    private final transient JsonNode current;

    public ConflictException(String entity, long expectedVersion, JsonNode current) {
        super(entity + " changed since version " + expectedVersion);
        this.entity = entity;
        this.expectedVersion = expectedVersion;
        this.current = current;
    }

    public String entity() {
        return entity;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public JsonNode current() {
        return current;
    }
}
