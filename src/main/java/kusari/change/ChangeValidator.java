package kusari.change;

import kusari.core.FieldError;
import kusari.core.ValidationException;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kusari.db.Sql;

/**
 * Checks an edit before anything is written, from the kinds' {@link Field} declarations: no unknown fields,
 * required ones given, lengths and ranges (see {@link Values}), references only to things of the same workspace,
 * values unique where the kind says so, and the kind's own rules (no loop in the framework tree, its depth).
 * Every problem of one edit is reported at once, field by field, so a person fixes the form in one go.
 */
final class ChangeValidator {

    private final Kinds kinds;

    ChangeValidator(Kinds kinds) {
        this.kinds = kinds;
    }

    /** An edit of an existing entity: its values before and after, by field name. */
    record Checked(Map<String, Object> current, Map<String, Object> values) {

        /** Saving the same values again is no change: no new version, nothing in the history. */
        boolean unchanged() {
            return values.equals(current);
        }

        List<Field> changed(Kind kind) {
            return kind.fields().stream()
                    .filter(f -> !Objects.equals(values.get(f.name()), current.get(f.name()))).toList();
        }
    }

    /** The values of a new entity: what was given, else the field's default; refused when a required one is missing. */
    Map<String, Object> forCreate(Connection c, long workspaceId, Kind kind, Map<String, JsonNode> input)
            throws SQLException {
        List<FieldError> errors = new ArrayList<>();
        rejectUnknown(kind, input, errors);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field field : kind.fields()) {
            if (input.containsKey(field.name())) {
                values.put(field.name(), Values.read(field, input.get(field.name()), errors));
            } else if (field.defaultValue() != null) {
                values.put(field.name(), field.defaultValue());
            } else if (field.required()) {
                errors.add(FieldError.of(field.name(), "validation.required"));
            }
        }
        check(c, kind, workspaceId, null, values, errors);
        return values;
    }

    /**
     * The values of an entity after changing the given fields of its state {@code before}. A field fixed at
     * creation (a journey's persona) may be given again, but only unchanged.
     */
    Checked forUpdate(Connection c, long workspaceId, Kind kind, long id, JsonNode before,
                      Map<String, JsonNode> input) throws SQLException {
        List<FieldError> errors = new ArrayList<>();
        rejectUnknown(kind, input, errors);
        Map<String, Object> current = new LinkedHashMap<>();
        for (Field field : kind.fields()) {
            current.put(field.name(), Values.read(field, before.get(field.name()), new ArrayList<>()));
        }
        Map<String, Object> values = new LinkedHashMap<>(current);
        for (Field field : kind.fields()) {
            if (!input.containsKey(field.name())) {
                continue;
            }
            Object value = Values.read(field, input.get(field.name()), errors);
            if (field.createOnly() && !Objects.equals(value, current.get(field.name()))) {
                errors.add(FieldError.of(field.name(), "validation.fixed"));
            }
            values.put(field.name(), value);
        }
        check(c, kind, workspaceId, id, values, errors);
        return new Checked(current, values);
    }

    /**
     * The values stored on a new link (by column; a choice defaults to its first option, text to empty), once
     * both ends are known to be of this workspace.
     */
    Map<String, Object> forLink(Connection c, long workspaceId, LinkKind link, long left, long right,
                                Map<String, JsonNode> input) throws SQLException {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field field : link.extra()) {
            values.put(field.column(), input.containsKey(field.name())
                    ? Values.read(field, input.get(field.name()), errors)
                    : field.type() == Field.Type.CHOICE ? field.choices().get(0) : "");
        }
        if (!Entities.inWorkspace(c, link.left(), left, workspaceId)) {
            errors.add(FieldError.of(link.leftColumn(), "validation.reference"));
        }
        if (!Entities.inWorkspace(c, link.right(), right, workspaceId)) {
            errors.add(FieldError.of(link.rightColumn(), "validation.reference"));
        }
        throwIfAny(errors);
        return values;
    }

    /** Breaking a link starts from its left end, which must be of this workspace. */
    void forUnlink(Connection c, long workspaceId, LinkKind link, long left) throws SQLException {
        if (!Entities.inWorkspace(c, link.left(), left, workspaceId)) {
            throw ValidationException.of(link.leftColumn(), "validation.reference");
        }
    }

    /** The slug and name of a copy of a workspace: nothing else may be given, and the slug must be new. */
    Map<String, Object> forCopy(Connection c, Kind workspaceKind, Map<String, JsonNode> input) throws SQLException {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : List.of("slug", "name")) {
            Field field = workspaceKind.field(name).orElseThrow();
            values.put(name, Values.read(field, input.get(name), errors));
        }
        input.keySet().stream().filter(k -> !values.containsKey(k))
                .forEach(k -> errors.add(FieldError.of(k, "validation.unknownField")));
        throwIfAny(errors);
        if (Sql.queryLong(c, "SELECT COUNT(*) FROM workspace WHERE slug = ?", values.get("slug")) > 0) {
            throw ValidationException.of("slug", "validation.unique", values.get("slug"));
        }
        return values;
    }

    private void check(Connection c, Kind kind, long workspaceId, Long id, Map<String, Object> values,
                       List<FieldError> errors) throws SQLException {
        for (Field field : kind.fields()) {
            Object value = values.get(field.name());
            if (field.type() == Field.Type.REFERENCE && value != null) {
                checkReference(c, field, workspaceId, (Long) value, errors);
            } else if (field.type() == Field.Type.REFERENCES && value != null) {
                for (Object ref : (List<?>) value) {
                    checkReference(c, field, workspaceId, (Long) ref, errors);
                }
            }
        }
        boolean isWorkspace = kind.name().equals("workspace");
        for (String name : kind.uniqueFields()) {
            Field field = kind.field(name).orElseThrow();
            Object value = values.get(name);
            // A value already refused (too long, not a slug) is not also reported as taken.
            if (value == null || errors.stream().anyMatch(e -> e.field().equals(name))) {
                continue;
            }
            String sql = "SELECT COUNT(*) FROM " + kind.table() + " WHERE " + field.column() + " = ? AND id IS NOT ?"
                    + (isWorkspace ? "" : " AND workspace_id = ?");
            long count = isWorkspace ? Sql.queryLong(c, sql, value, id) : Sql.queryLong(c, sql, value, id, workspaceId);
            if (count > 0) {
                errors.add(FieldError.of(name, "validation.unique", value));
            }
        }
        for (Kind.Rule rule : kind.rules()) {
            rule.check(c, workspaceId, id, values, errors);
        }
        throwIfAny(errors);
    }

    private void checkReference(Connection c, Field field, long workspaceId, long ref, List<FieldError> errors)
            throws SQLException {
        Kind target = kinds.byName(field.refTable()).orElseThrow();
        if (!Entities.inWorkspace(c, target, ref, workspaceId)) {
            errors.add(FieldError.of(field.name(), "validation.reference"));
        }
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static void rejectUnknown(Kind kind, Map<String, JsonNode> input, List<FieldError> errors) {
        input.keySet().stream().filter(name -> kind.field(name).isEmpty())
                .forEach(name -> errors.add(FieldError.of(name, "validation.unknownField")));
    }
}
