package kusari.change;

import com.fasterxml.jackson.databind.JsonNode;

/** A change as recorded in the audit history. */
public record ChangeEntry(long id, Long workspaceId, String changedAt, String changedBy, String entity, Long entityId,
                          Operation operation, String summary, JsonNode before, JsonNode after,
                          Long revertsId, Long revertedBy) {

    public boolean reverted() {
        return revertedBy != null;
    }
}
