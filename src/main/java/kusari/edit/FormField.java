package kusari.edit;

import java.util.List;

/**
 * One field as a form shows it: label, the value in the box (what the person typed, when the form comes
 * back with errors), the choices of a select, and the errors to show next to it.
 *
 * @param input    how to draw it: text, textarea, number, select, checkbox, checkboxes, readonly
 * @param current  in a conflict: the value someone else saved meanwhile (null when it did not change)
 * @param limit    the validator's limit, shown beside the field: characters of a text, lines of a list, the
 *                 largest number (0: none shown). The browser is never told to cut: a longer value gets a message
 * @param lineLimit for a list of lines: the characters of one line (0 otherwise)
 * @param limitText the limit in the person's words, e.g. 「200文字まで」
 */
public record FormField(String name, String label, String input, String value, boolean required, long limit,
                        long lineLimit, String limitText, String hint, List<Option> options, List<String> errors,
                        String current) {

    /** A choice of a select or a checkbox list. */
    public record Option(String value, String label, boolean selected) {
    }

    public String id() {
        return "field-" + name;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
