package kusari.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.javalin.http.Context;
import java.util.Iterator;
import java.util.Map;
import kusari.core.Characters;
import kusari.core.ValidationException;

/**
 * Reads a JSON request body strictly, so that what a client sent is either stored exactly or refused with a
 * message naming the field: never guessed at. Refused are a body that is not JSON or not declared as JSON
 * ({@code text/plain}, no Content-Type), duplicate keys (which one would win?), anything after the object,
 * numbers or booleans where text belongs, control characters (NUL, BEL, ESC, DEL…) and lone surrogates
 * (SQLite would store them as "?", a silent loss). Every *Api reads its body here.
 */
public final class JsonBody {

    private static final ObjectMapper STRICT = strict();

    private JsonBody() {
    }

    private static ObjectMapper strict() {
        ObjectMapper mapper = JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        // 123 or false is not the text "123" or "false"; "12" is not the number 12
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return mapper;
    }

    /** The body as a JSON object; an empty body is an empty object (a revert or a delete sends none). */
    public static ObjectNode object(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            return STRICT.createObjectNode();
        }
        requireJsonType(ctx);
        JsonNode body;
        try {
            body = STRICT.readTree(text);
        } catch (JsonProcessingException e) {
            throw refusal(e);
        }
        if (!(body instanceof ObjectNode object)) {
            throw ValidationException.of("body", "validation.jsonObject");
        }
        checkText(object, null);
        return object;
    }

    /** The body read into {@code type} (a record), with the same checks; a shape that does not fit is a 400. */
    public static <T> T as(Context ctx, Class<T> type) {
        ObjectNode body = object(ctx);
        try {
            return STRICT.treeToValue(body, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()
                    ? path(m) : "body";
            throw ValidationException.of(field, "validation.jsonShape");
        }
    }

    private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    private static void requireJsonType(Context ctx) {
        String type = ctx.contentType();
        String bare = type == null ? "" : type.split(";", 2)[0].strip();
        if (!bare.equalsIgnoreCase("application/json")) {
            throw ValidationException.of("Content-Type", "validation.jsonContentType");
        }
    }

    private static ValidationException refusal(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("Duplicate field")) {
            String name = message.replaceFirst("^Duplicate field '(.*)'.*$", "$1");
            return ValidationException.of(name, "validation.jsonDuplicate");
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException
                && message.contains("Trailing token")) {
            return ValidationException.of("body", "validation.jsonTrailing");
        }
        return ValidationException.of("body", "validation.badJson");
    }

    /** Refuses control characters and lone surrogates in every key and text, naming the top-level field. */
    private static void checkText(JsonNode node, String field) {
        if (node.isTextual()) {
            String problem = Characters.problem(node.textValue());
            if (problem != null) {
                throw ValidationException.of(field == null ? "body" : field, problem);
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String name = field == null ? e.getKey() : field;
                String problem = Characters.problem(e.getKey());
                if (problem != null) {
                    throw ValidationException.of(name, problem);
                }
                checkText(e.getValue(), name);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                checkText(item, field);
            }
        }
    }
}
