package kusari.edit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import kusari.change.Field;
import kusari.core.FieldError;
import kusari.change.Kind;
import kusari.web.ErrorPages;
import kusari.core.Ui;

/**
 * The bridge between an HTML form and a kind's fields: reads a submitted form into the same input the JSON
 * API sends, and lays out the fields of a form with their values, choices and errors.
 */
final class EditForm {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private EditForm() {
    }

    /** The fields a form edits: all of them when creating; when editing, all but those fixed at creation. */
    static List<Field> editable(Kind kind, boolean creating) {
        return kind.fields().stream().filter(f -> creating || !f.createOnly()).toList();
    }

    /** Marks a form that shows every field: there an unticked checkbox means "no" and no ticked box "none". */
    static final String WHOLE_FORM = "_all";

    /**
     * A submitted form as API input. A whole form gives every editable field; a small form (the score select
     * of the journey map) gives only the fields it holds, and only those change.
     */
    static Map<String, JsonNode> read(Context ctx, Kind kind, boolean creating) {
        Map<String, JsonNode> input = new LinkedHashMap<>();
        boolean whole = ctx.formParam(WHOLE_FORM) != null;
        for (Field field : editable(kind, creating)) {
            if (!whole && !ctx.formParamMap().containsKey(field.name())) {
                continue;
            }
            switch (field.type()) {
                case FLAG -> input.put(field.name(), JSON.booleanNode(ctx.formParam(field.name()) != null));
                case REFERENCES -> {
                    ArrayNode ids = JSON.arrayNode();
                    ctx.formParams(field.name()).forEach(ids::add);
                    input.put(field.name(), ids);
                }
                default -> {
                    String value = ctx.formParam(field.name());
                    input.put(field.name(), JSON.textNode(value == null ? "" : value));
                }
            }
        }
        return input;
    }

    /**
     * The form's fields. {@code values} holds what is shown in the boxes (an entity's state, or what the person
     * submitted); {@code current}, in a conflict, the state someone else saved, shown beside fields that differ.
     */
    static List<FormField> fields(Connection c, Ui ui, Kind kind, long workspaceId, boolean creating,
                                  Map<String, JsonNode> values, List<FieldError> errors, JsonNode current)
            throws SQLException {
        List<FormField> fields = new ArrayList<>();
        for (Field field : kind.fields()) {
            boolean readonly = !creating && field.createOnly();
            JsonNode value = values.get(field.name());
            List<String> fieldErrors = errors.stream().filter(e -> e.field().equals(field.name()))
                    .map(e -> ErrorPages.message(ui, e)).toList();
            String shownCurrent = null;
            if (current != null && !readonly && !Objects.equals(display(field, value), display(field, current.get(field.name())))) {
                shownCurrent = display(field, current.get(field.name()));
            }
            List<FormField.Option> options = options(c, ui, field, workspaceId, value);
            String input = readonly ? "readonly" : switch (field.type()) {
                case TEXTAREA, LINES, BUDGET -> "textarea";
                case CHOICE, REFERENCE -> "select";
                case TEXT -> field.refTable() != null ? "select" : "text";
                case INTEGER -> field.max() - field.min() <= 10 ? "select" : "number";
                case FLAG -> "checkbox";
                case REFERENCES -> "checkboxes";
                default -> "text";
            };
            String shown = display(field, value);
            if (readonly && field.type() == Field.Type.REFERENCE) {
                shown = options.stream().filter(FormField.Option::selected).map(FormField.Option::label)
                        .findFirst().orElse(shown);
            }
            long limit = readonly ? 0 : limit(field);
            if (input.equals("select") && field.type() == Field.Type.TEXT) {
                // a name chosen from the workspace's list: the choices bound it, not a length
                limit = 0;
            }
            if (shownCurrent != null && (field.type() == Field.Type.REFERENCE || field.type() == Field.Type.CHOICE
                    || field.type() == Field.Type.REFERENCES)) {
                shownCurrent = labels(options(c, ui, field, workspaceId, current.get(field.name())));
            }
            String hintKey = "hint." + kind.name() + "." + field.name();
            String hint = ui.t(hintKey);
            if (hint.equals(hintKey)) {
                hint = ui.t("hint.type." + field.type());
                if (hint.startsWith("hint.type.")) {
                    hint = "";
                }
            }
            long lineLimit = !readonly && field.type() == Field.Type.LINES ? field.lineMaxLength() : 0;
            String limitText = limit == 0 ? "" : lineLimit > 0 ? ui.t("edit.limit.lines", limit, lineLimit)
                    : ui.t("edit.limit." + (field.type() == Field.Type.BUDGET ? "budget" : "chars"), limit);
            fields.add(new FormField(field.name(), ui.t("field." + kind.name() + "." + field.name()), input, shown,
                    field.required() && !readonly && field.type() != Field.Type.FLAG, limit, lineLimit, limitText,
                    hint, options, fieldErrors, shownCurrent));
        }
        return fields;
    }

    /**
     * The limit the validator applies to a field, as the form shows it: characters of a text, lines of a list or
     * a budget; 0 for fields whose choices or checks bound them otherwise (selects, years, numbers).
     */
    static long limit(Field field) {
        return switch (field.type()) {
            case TEXT, TEXTAREA, SLUG -> field.maxLength();
            case LINES, BUDGET -> field.max();
            default -> 0;
        };
    }

    private static String labels(List<FormField.Option> options) {
        return options.stream().filter(FormField.Option::selected).map(FormField.Option::label)
                .collect(Collectors.joining("、"));
    }

    private static List<FormField.Option> options(Connection c, Ui ui, Field field, long workspaceId, JsonNode value)
            throws SQLException {
        List<FormField.Option> options = new ArrayList<>();
        switch (field.type()) {
            case CHOICE -> {
                String chosen = value == null || value.isNull() ? String.valueOf(field.defaultValue()) : value.asText();
                field.choices().forEach(ch -> options.add(new FormField.Option(ch, ui.t("choice." + ch), ch.equals(chosen))));
            }
            case INTEGER -> {
                // A small range (an emotion score) is a choice, labelled where the bundle says what each value means.
                if (field.max() - field.min() <= 10) {
                    String chosen = value == null || value.isNull() ? "" : value.asText();
                    for (long v = field.max(); v >= field.min(); v--) {
                        String key = "choice." + field.name() + "." + v;
                        String label = ui.t(key);
                        options.add(new FormField.Option(String.valueOf(v), label.equals(key) ? String.valueOf(v) : label,
                                chosen.equals(String.valueOf(v))));
                    }
                }
            }
            case TEXT -> {
                if (field.refTable() != null) {
                    // one of the workspace's names (a role's municipality); a stored name no longer in the list
                    // is still offered, so that saving the form never changes it unasked
                    String chosen = value == null || value.isNull() ? "" : value.asText();
                    List<String> names = Choices.names(c, field.refTable(), workspaceId);
                    names.forEach(n -> options.add(new FormField.Option(n, n, n.equals(chosen))));
                    if (!chosen.isEmpty() && !names.contains(chosen)) {
                        options.add(new FormField.Option(chosen, chosen, true));
                    }
                }
            }
            case REFERENCE, REFERENCES -> {
                Set<String> chosen = selected(value);
                if (field.type() == Field.Type.REFERENCE && !field.required()) {
                    options.add(new FormField.Option("", ui.t("edit.noneOption"), chosen.isEmpty()));
                }
                for (Choices.Choice choice : Choices.of(c, ui, field.refTable(), workspaceId)) {
                    String id = String.valueOf(choice.id());
                    options.add(new FormField.Option(id, choice.label(), chosen.contains(id)));
                }
            }
            default -> {
            }
        }
        return options;
    }

    private static Set<String> selected(JsonNode value) {
        if (value == null || value.isNull()) {
            return Set.of();
        }
        if (value.isArray()) {
            Set<String> ids = new java.util.HashSet<>();
            value.forEach(v -> ids.add(v.asText()));
            return ids;
        }
        return value.asText().isEmpty() ? Set.of() : Set.of(value.asText());
    }

    /** A stored or submitted value as the text in a form's box. */
    static String display(Field field, JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        return switch (field.type()) {
            case LINES -> value.isArray() ? join(value) : value.asText();
            case REFERENCES -> value.isArray() ? join(value) : value.asText();
            case BUDGET -> {
                if (!value.isObject()) {
                    yield value.asText();
                }
                List<String> lines = new ArrayList<>();
                value.fields().forEachRemaining(e -> lines.add(e.getKey() + " " + e.getValue().asText()));
                yield String.join("\n", lines);
            }
            case FLAG -> value.asBoolean() || value.asText().equals("1") ? "1" : "";
            case DECIMAL -> value.isNumber() ? new BigDecimal(value.asText()).stripTrailingZeros().toPlainString()
                    : value.asText();
            default -> value.asText();
        };
    }

    private static String join(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> items.add(item.asText()));
        return String.join("\n", items);
    }
}
