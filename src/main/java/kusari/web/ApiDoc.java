package kusari.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the OpenAPI document says of one {@code /api/v1} route, declared with the route ({@link Route#doc}):
 * its summary, the schema of the body it takes and of the answer it gives (names of the document's component
 * schemas, or null), the status of a success, the descriptions of its path parameters and its query parameters.
 */
public record ApiDoc(String summary, String body, String returns, int status, Map<String, String> parameters,
                     List<Query> query, Class<?> type, boolean many, String produces) {

    /** A query parameter (an integer, not required). */
    public record Query(String name, String description) {
    }

    public ApiDoc {
        if (summary == null || summary.isBlank()) {
            throw new IllegalArgumentException("an API route's summary is required");
        }
        parameters = Map.copyOf(parameters);
        query = List.copyOf(query);
    }

    public static ApiDoc of(String summary) {
        return new ApiDoc(summary, null, null, 200, Map.of(), List.of(), null, false, null);
    }

    /** Takes a JSON body of this component schema, or a file of this media type (one with a slash: text/csv). */
    public ApiDoc body(String schema) {
        return new ApiDoc(summary, schema, returns, status, parameters, query, type, many, produces);
    }

    /** Answers with this component schema. */
    public ApiDoc returns(String schema) {
        return new ApiDoc(summary, body, schema, status, parameters, query, type, many, produces);
    }

    /**
     * Answers with this record (Jackson writes its components): the OpenAPI document derives the schema from the
     * record's components, so the schema is the answer's own shape.
     */
    public ApiDoc returns(Class<?> record) {
        return new ApiDoc(summary, body, returns, status, parameters, query, record, false, produces);
    }

    /** Answers with a list of this record. */
    public ApiDoc returnsList(Class<?> record) {
        return new ApiDoc(summary, body, returns, status, parameters, query, record, true, produces);
    }

    /** Answers a file of this media type (text/csv, a spreadsheet, a zip), not JSON. */
    public ApiDoc produces(String mediaType) {
        return new ApiDoc(summary, body, returns, status, parameters, query, type, many, mediaType);
    }

    /** Answers a success with this status (200 unless said; 201 for what creates). */
    public ApiDoc status(int status) {
        return new ApiDoc(summary, body, returns, status, parameters, query, type, many, produces);
    }

    /** Describes the path parameter {@code {name}} (otherwise "The name"). */
    public ApiDoc param(String name, String description) {
        Map<String, String> more = new LinkedHashMap<>(parameters);
        more.put(name, description);
        return new ApiDoc(summary, body, returns, status, more, query, type, many, produces);
    }

    public ApiDoc query(String name, String description) {
        List<Query> more = new ArrayList<>(query);
        more.add(new Query(name, description));
        return new ApiDoc(summary, body, returns, status, parameters, more, type, many, produces);
    }
}
