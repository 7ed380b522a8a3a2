package kusari.files;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kusari.change.Field;
import kusari.change.Kind;

/**
 * Checks the values of one entry of the files ({@link FileRows}) against its table's edit declaration: required
 * fields, lengths, ranges, allowed values and list sizes are the ones forms and the API apply, declared once in
 * {@link Field}. What spans several entries or files (references, duplicates, the order of years) is
 * {@link WorkspaceValidator}'s.
 */
final class FieldChecks {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final List<DataFileProblem> problems;

    FieldChecks(List<DataFileProblem> problems) {
        this.problems = problems;
    }

    /** Every field of {@code kind} present in {@code values}, each at {@code at}.&lt;its name in the file&gt;. */
    void check(String file, String at, Kind kind, Map<String, Object> values) {
        check(file, at, kind, values, Map.of());
    }

    /** The same, where {@code paths} gives a field's place in the entry when the file names it differently. */
    void check(String file, String at, Kind kind, Map<String, Object> values, Map<String, String> paths) {
        check(file, at, kind.fields(), values, paths);
    }

    void check(String file, String at, List<Field> fields, Map<String, Object> values, Map<String, String> paths) {
        for (Field field : fields) {
            if (values.containsKey(field.name())) {
                check(file, at + "." + paths.getOrDefault(field.name(), field.name()), field, values.get(field.name()));
            }
        }
    }

    /** One value at {@code at}. */
    void check(String file, String at, Field field, Object value) {
        switch (field.type()) {
            case TEXT, TEXTAREA -> text(file, at, field, (String) value);
            case SLUG -> {
                String slug = value == null ? "" : (String) value;
                if (!SLUG.matcher(slug).matches()) {
                    add(file, at, "must be lower-case letters, digits and '-'");
                } else {
                    length(file, at, slug, field.maxLength());
                }
            }
            case CHOICE -> {
                if (!field.choices().contains(value)) {
                    add(file, at, "must be " + alternatives(field.choices()) + ", not \"" + value + "\"");
                }
            }
            case INTEGER -> {
                long number = ((Number) value).longValue();
                if (number < field.min() || number > field.max()) {
                    add(file, at, "must be between " + field.min() + " and " + field.max() + ", not " + number);
                }
            }
            case YEAR -> {
                if (value == null) {
                    if (field.required()) {
                        add(file, at, "must not be empty");
                    }
                } else if (((Number) value).longValue() < field.min() || ((Number) value).longValue() > field.max()) {
                    add(file, at, "must be a western fiscal year from " + field.min() + " to " + field.max()
                            + " (such as 2020), not " + value);
                }
            }
            case LINES -> {
                List<?> lines = (List<?>) value;
                count(file, at, lines, field.max());
                for (int i = 0; i < lines.size(); i++) {
                    String line = (String) lines.get(i);
                    if (line == null || line.isBlank()) {
                        add(file, at + "[" + i + "]", "must not be empty");
                    } else {
                        length(file, at + "[" + i + "]", line, field.lineMaxLength());
                    }
                }
            }
            case REFERENCES -> count(file, at, (List<?>) value, field.max());
            case BUDGET -> count(file, at, ((Map<?, ?>) value).keySet(), field.max());
            case DECIMAL, FLAG, REFERENCE -> {
                // any number the files hold is stored as it is; references are resolved by the validator
            }
        }
    }

    private void text(String file, String at, Field field, String text) {
        if (text == null || text.isBlank()) {
            if (field.required()) {
                add(file, at, "must not be empty");
            }
            return;
        }
        length(file, at, text, field.maxLength());
    }

    private void length(String file, String at, String text, long max) {
        if (text.length() > max) {
            add(file, at, "must be at most " + max + " characters long, not " + text.length());
        }
    }

    private void count(String file, String at, Collection<?> items, long max) {
        if (items.size() > max) {
            add(file, at, "must have at most " + max + " items, not " + items.size());
        }
    }

    /** "A, B or C". */
    private static String alternatives(List<String> choices) {
        if (choices.size() == 1) {
            return choices.get(0);
        }
        return String.join(", ", choices.subList(0, choices.size() - 1)) + " or " + choices.get(choices.size() - 1);
    }

    private void add(String file, String path, String message) {
        problems.add(new DataFileProblem(file, path, message));
    }
}
