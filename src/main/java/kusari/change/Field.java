package kusari.change;

import java.util.List;

/**
 * One editable field of a kind of entity: how a form shows it, how the API names it, how it is validated
 * and where it is stored. Most fields are a column of the entity's row; LINES, REFERENCES and BUDGET
 * fields are small child tables owned by the row (a persona's attributes, an action's actors, a project's
 * budget), saved together with it under its version.
 *
 * @param name       the form and API field name (camelCase)
 * @param column     the column of the row, or for owned lists the value column of the child table
 * @param type       how it is entered and validated
 * @param required   whether an empty value is refused
 * @param min        for numbers: the smallest value allowed; for lists of lines the most characters of one line
 *                   (0: the usual {@link #lineMaxLength()}); for texts unused
 * @param max        for texts: the most characters; for numbers: the largest value; for lists: the most items
 * @param choices    for CHOICE: the allowed stored values
 * @param refTable   for REFERENCE and REFERENCES: the table referenced (in the same workspace); for a TEXT
 *                   {@link #namedIn} a workspace's list of names
 * @param child      for owned lists: where the list is stored
 * @param createOnly set when creating, never changed afterwards (a step's journey)
 * @param defaultValue the value a create without this field gets (null: the column's default, or required)
 */
public record Field(String name, String column, Type type, boolean required, long min, long max,
                    List<String> choices, String refTable, Child child, boolean createOnly, Object defaultValue) {

    public enum Type {
        /** One line of text. */
        TEXT,
        /** Several lines of text. */
        TEXTAREA,
        /** Lower-case letters, digits and hyphens: part of a URL. */
        SLUG,
        INTEGER,
        DECIMAL,
        /** A fiscal year, accepted as 2020, R2, 令和2年度 …. */
        YEAR,
        /** One of {@link #choices}. */
        CHOICE,
        /** Yes or no, stored as 1 or 0. */
        FLAG,
        /** The id of another entity of the same workspace. */
        REFERENCE,
        /** An ordered list of texts, one per line. */
        LINES,
        /** An ordered list of other entities' ids. */
        REFERENCES,
        /** Thousand yen per fiscal year, one "year amount" per line. */
        BUDGET
    }

    /** The child table of an owned list: rows (owner, position from 1, value); for a budget the "position" is the year. */
    public record Child(String table, String ownerColumn, String positionColumn) {
    }

    public static Field text(String name, String column, boolean required, int maxLength) {
        return new Field(name, column, Type.TEXT, required, 0, maxLength, List.of(), null, null, false, null);
    }

    public static Field textarea(String name, String column, boolean required, int maxLength) {
        return new Field(name, column, Type.TEXTAREA, required, 0, maxLength, List.of(), null, null, false, null);
    }

    public static Field slug(String name, String column) {
        return new Field(name, column, Type.SLUG, true, 0, 60, List.of(), null, null, false, null);
    }

    public static Field integer(String name, String column, boolean required, long min, long max) {
        return new Field(name, column, Type.INTEGER, required, min, max, List.of(), null, null, false, null);
    }

    public static Field decimal(String name, String column) {
        return new Field(name, column, Type.DECIMAL, false, 0, 0, List.of(), null, null, false, null);
    }

    public static Field year(String name, String column, boolean required) {
        return new Field(name, column, Type.YEAR, required, 1868, 2200, List.of(), null, null, false, null);
    }

    public static Field choice(String name, String column, String... choices) {
        return new Field(name, column, Type.CHOICE, true, 0, 0, List.of(choices), null, null, false, null);
    }

    public static Field flag(String name, String column) {
        return new Field(name, column, Type.FLAG, false, 0, 1, List.of(), null, null, false, null);
    }

    public static Field reference(String name, String column, String refTable, boolean required) {
        return new Field(name, column, Type.REFERENCE, required, 0, 0, List.of(), refTable, null, false, null);
    }

    public static Field lines(String name, Child child, String valueColumn, int maxItems) {
        return new Field(name, valueColumn, Type.LINES, false, 0, maxItems, List.of(), null, child, false, null);
    }

    /** A list of lines whose every line has at most {@code maxLineLength} characters (a workspace's municipalities). */
    public static Field lines(String name, Child child, String valueColumn, int maxItems, int maxLineLength) {
        return new Field(name, valueColumn, Type.LINES, false, maxLineLength, maxItems, List.of(), null, child, false,
                null);
    }

    public static Field references(String name, Child child, String valueColumn, String refTable) {
        return new Field(name, valueColumn, Type.REFERENCES, false, 0, 50, List.of(), refTable, child, false, null);
    }

    public static Field budget(String name, Child child) {
        return new Field(name, "thousand_yen", Type.BUDGET, false, 0, 50, List.of(), null, child, false, null);
    }

    /** This field, fixed once the entity exists. */
    public Field onlyOnCreate() {
        return new Field(name, column, type, required, min, max, choices, refTable, child, true, defaultValue);
    }

    /**
     * This text, which must be one of the names a workspace keeps in {@code listTable} (rows workspace_id, position,
     * name): a project role's municipality is one of the strategy's municipalities. Forms offer the names as a
     * select; the kind's rule refuses any other name.
     */
    public Field namedIn(String listTable) {
        return new Field(name, column, type, required, min, max, choices, listTable, child, createOnly, defaultValue);
    }

    /** This field, optional. */
    public Field optional() {
        return new Field(name, column, type, false, min, max, choices, refTable, child, createOnly, defaultValue);
    }

    /** This field, given {@code value} when a create leaves it out. */
    public Field withDefault(Object value) {
        return new Field(name, column, type, required, min, max, choices, refTable, child, createOnly, value);
    }

    public boolean owned() {
        return child != null;
    }

    /** The longest text a field of this type takes when no bound was given: every text field is bounded. */
    public long maxLength() {
        return max > 0 ? max : 2000;
    }

    /** The longest line of a LINES field ({@link #max} counts its lines); the same bound {@code Values} applies. */
    public long lineMaxLength() {
        return type == Type.LINES && min > 0 ? min : 2000;
    }
}
