package kusari.change;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One change about to be written to the audit history, in the same transaction as the change itself.
 *
 * @param workspaceId the workspace it belongs to (null only for changes outside any workspace)
 * @param entity      the kind of thing changed, e.g. {@code step}, {@code challenge_project}
 * @param entityId    the changed row's id (the left side's id for a link)
 * @param summary     one line a person can read in the timeline, e.g. 「ステップ「窓口で相談」を編集」
 * @param before      the state before (null for a create), as stored rows
 * @param after       the state after (null for a delete)
 */
public record Change(Long workspaceId, String entity, Long entityId, Operation operation, String summary,
                     JsonNode before, JsonNode after) {
}
