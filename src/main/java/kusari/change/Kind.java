package kusari.change;

import kusari.core.FieldError;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A kind of entity that people edit: its table, its fields and rules, where it sits in a workspace and
 * where it is shown. Each feature package declares its kinds (see {@code JourneyKinds}); the one
 * {@link EditService} creates, changes, deletes, reorders and reverts all of them the same way.
 *
 * @param name         the entity name in the history, and the table
 * @param collection   the API path segment, e.g. {@code steps}
 * @param keyColumn    the column that names an entity in URLs: {@code id}, or a slug, code or number
 * @param labelColumn  the column shown in the history and in confirmations
 * @param workspaceSql a query giving the workspace id of the row with the given id
 * @param scopeColumn  for ordered kinds, the column whose rows share one order (a step's {@code journey_id});
 *                     null when the kind has no order of its own
 * @param uniqueFields fields whose value may occur once per workspace (once overall for a workspace's slug)
 * @param fields       what a person edits
 * @param rules        checks over several fields or other rows (no cycle in the framework tree)
 * @param viewer       where the entity is shown, for links from forms and the history
 * @param insertDefaults columns that are not fields but must be given on insert (a node's depth, fixed by
 *                     {@code afterSave})
 * @param afterSave    work after every create, update or restore, in the same transaction (may be null)
 */
public record Kind(String name, String collection, String keyColumn, String labelColumn, String workspaceSql,
                   String scopeColumn, List<String> uniqueFields, List<Field> fields, List<Rule> rules,
                   Viewer viewer, Map<String, Object> insertDefaults, AfterSave afterSave) {

    /** Keeps derived columns right after a save, e.g. the depth of a framework node and its subtree. */
    @FunctionalInterface
    public interface AfterSave {
        void run(Connection c, long id) throws SQLException;
    }

    /** A check of a whole edit. {@code values} holds every column after the edit (id null on create). */
    @FunctionalInterface
    public interface Rule {
        void check(Connection c, long workspaceId, Long id, Map<String, Object> values, List<FieldError> errors)
                throws SQLException;
    }

    /** The address of the page that shows an entity, e.g. its journey map column. */
    @FunctionalInterface
    public interface Viewer {
        String url(Connection c, String workspaceSlug, long id) throws SQLException;
    }

    public String table() {
        return name;
    }

    public Optional<Field> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    public boolean ordered() {
        return scopeColumn != null;
    }

    /** The usual SQL for kinds whose table has a workspace_id column. */
    public static String ownWorkspace(String table) {
        return "SELECT workspace_id FROM " + table + " WHERE id = ?";
    }
}
