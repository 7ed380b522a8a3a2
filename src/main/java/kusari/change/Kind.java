package kusari.change;

import kusari.core.FieldError;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A kind of entity that people edit: its table, its fields and rules, where it sits in a workspace and
 * where it is shown. Each feature package declares its kinds with {@link #builder} (see {@code JourneyKinds});
 * the one {@link EditService} creates, changes, deletes, reorders and reverts all of them the same way.
 *
 * <p>The parts, each set by the builder method of (nearly) the same name:
 * <ul>
 * <li>{@code name}: the entity name in the history, and the table; {@code collection}: the API path segment,
 *     e.g. {@code steps}</li>
 * <li>{@code keyColumn}: the column that names an entity in URLs: {@code id}, or a slug, code or number</li>
 * <li>{@code labelColumn}: the column shown in the history and in confirmations</li>
 * <li>{@code workspaceSql}: a query giving the workspace id of the row with the given id</li>
 * <li>{@code scopeColumn}: for ordered kinds, the column whose rows share one order (a step's
 *     {@code journey_id}); null when the kind has no order of its own</li>
 * <li>{@code uniqueFields}: fields whose value may occur once per workspace (once overall for a workspace's
 *     slug)</li>
 * <li>{@code fields}: what a person edits; {@code rules}: checks over several fields or other rows (no cycle in
 *     the framework tree)</li>
 * <li>{@code viewer}: where the entity is shown, for links from forms and the history</li>
 * <li>{@code insertDefaults}: columns that are not fields but must be given on insert (a node's depth, fixed by
 *     {@code afterSave})</li>
 * <li>{@code afterSave}: work after every create, update or restore, in the same transaction (may be null)</li>
 * </ul>
 */
public final class Kind {

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

    private final String name;
    private final String collection;
    private final String keyColumn;
    private final String labelColumn;
    private final String workspaceSql;
    private final String scopeColumn;
    private final List<String> uniqueFields;
    private final List<Field> fields;
    private final List<Rule> rules;
    private final Viewer viewer;
    private final Map<String, Object> insertDefaults;
    private final AfterSave afterSave;
    private final boolean keyWithinLevel;
    private final Derived derived;

    /** Columns that follow from the checked values and are written with the insert (a node's depth from its parent). */
    @FunctionalInterface
    public interface Derived {
        Map<String, Object> columns(Connection c, Map<String, Object> values) throws SQLException;
    }

    private Kind(String name, String collection, String keyColumn, String labelColumn, String workspaceSql,
                 String scopeColumn, List<String> uniqueFields, List<Field> fields, List<Rule> rules,
                 Viewer viewer, Map<String, Object> insertDefaults, AfterSave afterSave, boolean keyWithinLevel,
                 Derived derived) {
        this.name = name;
        this.collection = collection;
        this.keyColumn = keyColumn;
        this.labelColumn = labelColumn;
        this.workspaceSql = workspaceSql;
        this.scopeColumn = scopeColumn;
        this.uniqueFields = List.copyOf(uniqueFields);
        this.fields = List.copyOf(fields);
        this.rules = List.copyOf(rules);
        this.viewer = viewer;
        this.insertDefaults = Map.copyOf(insertDefaults);
        this.afterSave = afterSave;
        this.keyWithinLevel = keyWithinLevel;
        this.derived = derived;
    }

    /** Starts the declaration of the kind stored in table {@code name} and served at {@code /api/.../collection}. */
    public static Builder builder(String name, String collection) {
        return new Builder(name, collection);
    }

    /**
     * Only some fields laid out as a form, never saved on their own: the fields a link carries (a challenge–project
     * link's basis and note) on the form that makes the link.
     */
    static Kind fieldsOnly(String name, String collection, List<Field> fields) {
        return new Kind(name, collection, "id", "id", "", null, List.of(), fields, List.of(), null, Map.of(), null,
                false, null);
    }

    public String name() {
        return name;
    }

    public String collection() {
        return collection;
    }

    public String keyColumn() {
        return keyColumn;
    }

    /**
     * True when the key (a framework node's code) is unique only within a level: a URL then names the level
     * ({@code ?level=2}) where the code is on several levels.
     */
    public boolean keyWithinLevel() {
        return keyWithinLevel;
    }

    /** Columns derived from the values on insert (over {@link #insertDefaults}); null when there are none. */
    public Derived derived() {
        return derived;
    }

    public String labelColumn() {
        return labelColumn;
    }

    public String workspaceSql() {
        return workspaceSql;
    }

    public String scopeColumn() {
        return scopeColumn;
    }

    public List<String> uniqueFields() {
        return uniqueFields;
    }

    public List<Field> fields() {
        return fields;
    }

    public List<Rule> rules() {
        return rules;
    }

    public Viewer viewer() {
        return viewer;
    }

    public Map<String, Object> insertDefaults() {
        return insertDefaults;
    }

    public AfterSave afterSave() {
        return afterSave;
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

    @Override
    public String toString() {
        return "Kind[" + name + "]";
    }

    /**
     * The parts of a kind, named. {@code build()} refuses a kind without its key column, label column, workspace
     * query, fields or viewer: each is needed by every edit.
     */
    public static final class Builder {
        private final String name;
        private final String collection;
        private String keyColumn;
        private String labelColumn;
        private String workspaceSql;
        private String scopeColumn;
        private List<String> uniqueFields = List.of();
        private final List<Field> fields = new ArrayList<>();
        private final List<Rule> rules = new ArrayList<>();
        private Viewer viewer;
        private Map<String, Object> insertDefaults = Map.of();
        private AfterSave afterSave;
        private boolean keyWithinLevel;
        private Derived derived;

        private Builder(String name, String collection) {
            this.name = Objects.requireNonNull(name, "name");
            this.collection = Objects.requireNonNull(collection, "collection");
        }

        /** The column that names an entity in URLs: {@code id}, or a slug, code or number. */
        public Builder key(String column) {
            this.keyColumn = column;
            return this;
        }

        /** Columns the insert derives from the checked values: see {@link Kind#derived}. */
        public Builder derived(Derived derived) {
            this.derived = derived;
            return this;
        }

        /** The key is unique only within a level of the framework (a node's code): see {@link Kind#keyWithinLevel}. */
        public Builder keyWithinLevel() {
            this.keyWithinLevel = true;
            return this;
        }

        /** The column (or SQL expression over the row) shown in the history and in confirmations. */
        public Builder label(String column) {
            this.labelColumn = column;
            return this;
        }

        /** A query giving the workspace id of the row with the given id. */
        public Builder workspace(String sql) {
            this.workspaceSql = sql;
            return this;
        }

        /** The table has a workspace_id column of its own. */
        public Builder ownWorkspace() {
            return workspace(Kind.ownWorkspace(name));
        }

        /** The rows sharing a value of {@code column} have one order (a journey's steps share journey_id). */
        public Builder orderedWithin(String column) {
            this.scopeColumn = column;
            return this;
        }

        /** Fields whose value may occur once per workspace. */
        public Builder unique(String... fieldNames) {
            this.uniqueFields = List.of(fieldNames);
            return this;
        }

        public Builder fields(Field... fields) {
            this.fields.addAll(List.of(fields));
            return this;
        }

        public Builder rules(Rule... rules) {
            this.rules.addAll(List.of(rules));
            return this;
        }

        public Builder viewer(Viewer viewer) {
            this.viewer = viewer;
            return this;
        }

        /** Columns that are not fields but must be given on insert. */
        public Builder insertDefaults(Map<String, Object> defaults) {
            this.insertDefaults = defaults;
            return this;
        }

        public Builder afterSave(AfterSave afterSave) {
            this.afterSave = afterSave;
            return this;
        }

        public Kind build() {
            List<String> missing = new ArrayList<>();
            if (keyColumn == null) {
                missing.add("key");
            }
            if (labelColumn == null) {
                missing.add("label");
            }
            if (workspaceSql == null) {
                missing.add("workspace");
            }
            if (fields.isEmpty()) {
                missing.add("fields");
            }
            if (viewer == null) {
                missing.add("viewer");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Kind " + name + " lacks " + String.join(", ", missing));
            }
            return new Kind(name, collection, keyColumn, labelColumn, workspaceSql, scopeColumn, uniqueFields,
                    fields, rules, viewer, insertDefaults, afterSave, keyWithinLevel, derived);
        }
    }
}
