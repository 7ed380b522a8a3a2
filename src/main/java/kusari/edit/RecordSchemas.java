package kusari.edit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.Collection;
import java.util.Map;

/**
 * The OpenAPI schemas of the records the API answers with, read from the records themselves as Jackson writes
 * them: each component a property (renamed by {@code @JsonProperty}, left out by {@code @JsonIgnore}), primitives
 * required, other values nullable, nested records as their own component schemas. So an answer's schema is its
 * own shape, and a test that checks real answers against it checks the record, not a copy of it.
 */
final class RecordSchemas {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ObjectNode components;
    private final Map<Class<?>, String> names = new java.util.HashMap<>();

    RecordSchemas(ObjectNode components) {
        this.components = components;
    }

    /** The schema of a value of {@code type}: a reference for a record (its component added once), else inline. */
    ObjectNode of(Type type) {
        if (type instanceof WildcardType w) {
            return of(w.getUpperBounds()[0]);
        }
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (Collection.class.isAssignableFrom(raw)) {
                ObjectNode array = JSON.objectNode().put("type", "array");
                array.set("items", of(p.getActualTypeArguments()[0]));
                return array;
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode map = JSON.objectNode().put("type", "object");
                map.set("additionalProperties", of(p.getActualTypeArguments()[1]));
                return map;
            }
            if (raw == java.util.Optional.class) {
                return of(p.getActualTypeArguments()[0]);
            }
            return of(raw);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class || c == char.class || c == Character.class || c.isEnum()) {
            return JSON.objectNode().put("type", "string");
        }
        if (c == int.class || c == long.class || c == short.class || c == Integer.class || c == Long.class
                || c == Short.class) {
            return JSON.objectNode().put("type", "integer");
        }
        if (c == double.class || c == float.class || c == Double.class || c == Float.class
                || Number.class.isAssignableFrom(c)) {
            return JSON.objectNode().put("type", "number");
        }
        if (c == boolean.class || c == Boolean.class) {
            return JSON.objectNode().put("type", "boolean");
        }
        if (c.isArray()) {
            ObjectNode array = JSON.objectNode().put("type", "array");
            array.set("items", of(c.getComponentType()));
            return array;
        }
        if (c.isRecord()) {
            String name = names.get(c);
            if (name == null) {
                name = name(c);
                names.put(c, name);
                // a placeholder first: a record that holds itself (a framework node's children) refers to it
                components.putObject(name);
                components.set(name, record(c));
            }
            return JSON.objectNode().put("$ref", "#/components/schemas/" + name);
        }
        // a JSON tree (an edit kind's state) or another object: any JSON value
        return JsonNode.class.isAssignableFrom(c) ? JSON.objectNode() : JSON.objectNode().put("type", "object");
    }

    private ObjectNode record(Class<?> c) {
        ObjectNode schema = JSON.objectNode().put("type", "object").put("additionalProperties", false);
        ObjectNode props = schema.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (RecordComponent rc : c.getRecordComponents()) {
            if (rc.isAnnotationPresent(JsonIgnore.class) || rc.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
                continue;
            }
            JsonProperty renamed = rc.getAccessor().getAnnotation(JsonProperty.class);
            if (renamed == null) {
                renamed = rc.getAnnotation(JsonProperty.class);
            }
            String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : rc.getName();
            ObjectNode p = of(rc.getGenericType());
            boolean primitive = rc.getType().isPrimitive();
            if (!primitive) {
                // OpenAPI 3.0 has no null type: a reference is wrapped to be nullable
                p = p.has("$ref") ? nullableRef(p) : p.put("nullable", true);
            }
            props.set(name, p);
            // a primitive is always written; anything else may be null, or left out (@JsonInclude NON_NULL)
            if (primitive) {
                required.add(name);
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    private static ObjectNode nullableRef(ObjectNode ref) {
        ObjectNode wrapped = JSON.objectNode().put("nullable", true);
        wrapped.putArray("allOf").add(ref);
        return wrapped;
    }

    /** A record's component name: its simple name, with its enclosing class's when another record took it. */
    private String name(Class<?> c) {
        String simple = c.getSimpleName();
        Class<?> outer = c.getEnclosingClass();
        return components.has(simple) && outer != null ? outer.getSimpleName() + simple : simple;
    }
}
