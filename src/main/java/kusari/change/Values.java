package kusari.change;

import kusari.core.Characters;
import kusari.core.FieldError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kusari.core.FiscalYear;

/**
 * Reads one field's submitted value — a JSON value from the API or the text of a form field — into the
 * value stored, or says why it cannot be stored. Forms and the API go through the same reading, so they
 * accept and refuse exactly the same things.
 */
final class Values {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern BUDGET_LINE = Pattern.compile("^(.+?)[\\s:：]+([0-9,]+)$");

    private Values() {
    }

    /** The stored value (String, Long, Double, List, Map) or null; adds to {@code errors} when it cannot be read. */
    static Object read(Field field, JsonNode input, List<FieldError> errors) {
        String name = field.name();
        return switch (field.type()) {
            case TEXT, TEXTAREA -> {
                // accounts (bad input): an object or a list where text belongs is a mistake, not text
                if (input != null && (input.isContainerNode() || input.isNumber() || input.isBoolean())) {
                    errors.add(FieldError.of(name, "validation.notText"));
                    yield "";
                }
                String text = text(input, field.type() == Field.Type.TEXT);
                String problem = Characters.problem(text);
                if (problem != null) {
                    errors.add(FieldError.of(name, problem));
                } else if (Characters.length(text) > field.maxLength()) {
                    errors.add(FieldError.of(name, "validation.tooLong", field.maxLength()));
                } else if (field.required() && text.isEmpty()) {
                    errors.add(FieldError.of(name, "validation.required"));
                }
                yield text;
            }
            case SLUG -> {
                if (input != null && (input.isContainerNode() || input.isNumber() || input.isBoolean())) {
                    errors.add(FieldError.of(name, "validation.notText"));
                    yield "";
                }
                String text = text(input, true);
                if (text.isEmpty()) {
                    errors.add(FieldError.of(name, "validation.required"));
                } else if (text.length() > field.maxLength() || !SLUG.matcher(text).matches()) {
                    errors.add(FieldError.of(name, "validation.slug", field.maxLength()));
                }
                yield text;
            }
            case CHOICE -> {
                String text = text(input, true);
                if (!field.choices().contains(text)) {
                    errors.add(FieldError.of(name, "validation.choice", String.join(", ", field.choices())));
                }
                yield text;
            }
            case FLAG -> flag(input) ? 1L : 0L;
            case INTEGER, REFERENCE -> {
                Long value = number(input, field, errors);
                if (value != null && field.type() == Field.Type.INTEGER
                        && (value < field.min() || value > field.max())) {
                    errors.add(FieldError.of(name, "validation.range", field.min(), field.max()));
                }
                yield value;
            }
            case YEAR -> {
                String text = text(input, true);
                if (text.isEmpty()) {
                    if (field.required()) {
                        errors.add(FieldError.of(name, "validation.required"));
                    }
                    yield null;
                }
                var year = FiscalYear.parse(text);
                if (year.isEmpty() || year.get().year() < field.min() || year.get().year() > field.max()) {
                    errors.add(FieldError.of(name, "validation.year"));
                    yield null;
                }
                yield (long) year.get().year();
            }
            case DECIMAL -> {
                String text = signed(fold(text(input, true)).replace(",", ""));
                if (text.isEmpty()) {
                    yield null;
                }
                try {
                    double value = Double.parseDouble(text);
                    if (Double.isNaN(value) || Double.isInfinite(value)) {
                        throw new NumberFormatException(text);
                    }
                    yield value;
                } catch (NumberFormatException e) {
                    errors.add(FieldError.of(name, "validation.notNumber"));
                    yield null;
                }
            }
            case LINES -> {
                List<String> lines = lines(input);
                if (lines.size() > field.max()) {
                    errors.add(FieldError.of(name, "validation.tooMany", field.max()));
                }
                for (String line : lines) {
                    if (Characters.problem(line) != null) {
                        errors.add(FieldError.of(name, Characters.problem(line)));
                        break;
                    }
                    if (Characters.length(line) > field.lineMaxLength()) {
                        errors.add(FieldError.of(name, "validation.tooLong", field.lineMaxLength()));
                        break;
                    }
                }
                yield lines;
            }
            case REFERENCES -> {
                List<Long> ids = new ArrayList<>();
                for (String item : items(input).stream()
                        .flatMap(i -> java.util.Arrays.stream(i.split("[,\\s]+")))
                        .filter(i -> !i.isBlank()).toList()) {
                    try {
                        long id = Long.parseLong(item);
                        if (!ids.contains(id)) {
                            ids.add(id);
                        }
                    } catch (NumberFormatException e) {
                        errors.add(FieldError.of(name, "validation.reference"));
                    }
                }
                if (ids.size() > field.max()) {
                    errors.add(FieldError.of(name, "validation.tooMany", field.max()));
                }
                yield ids;
            }
            case BUDGET -> budget(field, input, errors);
        };
    }

    /** A stored value as the API and the history show it. */
    static JsonNode toJson(Object value) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (value == null) {
            return json.nullNode();
        }
        if (value instanceof List<?> list) {
            ArrayNode array = json.arrayNode();
            list.forEach(item -> array.add(toJson(item)));
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            var object = json.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), toJson(v)));
            return object;
        }
        if (value instanceof Long l) {
            return json.numberNode(l);
        }
        if (value instanceof Double d) {
            return json.numberNode(d);
        }
        return json.textNode(value.toString());
    }

    private static Map<Long, Long> budget(Field field, JsonNode input, List<FieldError> errors) {
        Map<Long, Long> budget = new LinkedHashMap<>();
        if (input != null && input.isObject()) {
            input.fields().forEachRemaining(e -> addBudget(field, e.getKey(), e.getValue().asText(), budget, errors));
            return budget;
        }
        for (String line : lines(input)) {
            Matcher m = BUDGET_LINE.matcher(line);
            if (!m.matches()) {
                errors.add(FieldError.of(field.name(), "validation.budgetLine", line));
                continue;
            }
            addBudget(field, m.group(1), m.group(2), budget, errors);
        }
        if (budget.size() > field.max()) {
            errors.add(FieldError.of(field.name(), "validation.tooMany", field.max()));
        }
        return budget;
    }

    private static void addBudget(Field field, String yearText, String amountText, Map<Long, Long> budget,
                                  List<FieldError> errors) {
        var year = FiscalYear.parse(yearText);
        String amount = amountText.replace(",", "").strip();
        if (year.isEmpty() || !amount.matches("[0-9]{1,12}")) {
            errors.add(FieldError.of(field.name(), "validation.budgetLine", yearText + " " + amountText));
            return;
        }
        if (budget.put((long) year.get().year(), Long.parseLong(amount)) != null) {
            errors.add(FieldError.of(field.name(), "validation.budgetTwice", year.get().year()));
        }
    }

    private static Long number(JsonNode input, Field field, List<FieldError> errors) {
        String text = text(input, true);
        if (text.isEmpty()) {
            if (field.required()) {
                errors.add(FieldError.of(field.name(), "validation.required"));
            }
            return null;
        }
        text = fold(text);
        if (field.type() == Field.Type.INTEGER) {
            // 279,072 千円 as the documents print it; △500 / ▲500 / −500 as negatives
            text = signed(text.replace(",", ""));
        }
        try {
            return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            errors.add(FieldError.of(field.name(), field.type() == Field.Type.REFERENCE
                    ? "validation.reference" : "validation.notNumber"));
            return null;
        }
    }

    private static boolean flag(JsonNode input) {
        if (input == null || input.isNull()) {
            return false;
        }
        if (input.isBoolean()) {
            return input.booleanValue();
        }
        String text = input.asText().strip();
        return text.equals("1") || text.equalsIgnoreCase("true") || text.equalsIgnoreCase("on");
    }

    /** Text with full-width digits and letters folded (NFKC only for one-line fields), trimmed. */
    private static String text(JsonNode input, boolean oneLine) {
        if (input == null || input.isNull()) {
            return "";
        }
        String text = input.isValueNode() ? input.asText() : input.toString();
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        if (oneLine) {
            text = text.replace('\n', ' ');
        }
        return text.strip();
    }

    private static List<String> lines(JsonNode input) {
        List<String> lines = new ArrayList<>();
        for (String item : items(input)) {
            for (String line : item.split("\n")) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
        }
        return lines;
    }

    private static List<String> items(JsonNode input) {
        List<String> items = new ArrayList<>();
        if (input == null || input.isNull()) {
            return items;
        }
        if (input.isArray()) {
            input.forEach(item -> items.add(item.asText()));
        } else {
            String text = input.asText().replace("\r\n", "\n");
            items.add(text);
        }
        return items;
    }

    /** Digits typed in full width (１２３) are numbers too. */
    /** A negative written as Japanese documents do (△500, ▲500, −500) in the form Java reads (-500). */
    static String signed(String text) {
        String t = text.strip();
        if (t.startsWith("△") || t.startsWith("▲") || t.startsWith("−") || t.startsWith("－")) {
            return "-" + t.substring(1).strip();
        }
        return t;
    }

    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }
}
