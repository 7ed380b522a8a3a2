package kusari.change;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A whole workspace as its data files ({path: content}), as an import records it in the history. The files
 * feature provides it; the history uses it to undo an import.
 */
public interface WorkspaceTrees {

    /** The workspace as it is now. */
    JsonNode current(Connection c, long workspaceId) throws SQLException;

    /** Replaces the workspace's content with {@code tree}, on the caller's transaction. */
    void restore(Connection c, long workspaceId, JsonNode tree) throws SQLException;

    /** True for a history state written by an import (a file tree, not an entity's state). */
    static boolean isTree(JsonNode state) {
        if (state == null || !state.isObject()) {
            return false;
        }
        var names = state.fieldNames();
        return names.hasNext() && names.next().endsWith(".json");
    }
}
