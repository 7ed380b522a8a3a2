package kusari.edit;

import java.util.List;

/**
 * One field as a form shows it: label, the value in the box (what the person typed, when the form comes
 * back with errors), the choices of a select, and the errors to show next to it.
 *
 * @param input    how to draw it: text, textarea, number, select, checkbox, checkboxes, readonly
 * @param current  in a conflict: the value someone else saved meanwhile (null when it did not change)
 */
public record FormField(String name, String label, String input, String value, boolean required, long maxLength,
                        String hint, List<Option> options, List<String> errors, String current) {

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
