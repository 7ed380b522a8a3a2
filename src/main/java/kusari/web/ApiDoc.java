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
                     List<Query> query) {

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
        return new ApiDoc(summary, null, null, 200, Map.of(), List.of());
    }

    /** Takes a JSON body of this component schema. */
    public ApiDoc body(String schema) {
        return new ApiDoc(summary, schema, returns, status, parameters, query);
    }

    /** Answers with this component schema. */
    public ApiDoc returns(String schema) {
        return new ApiDoc(summary, body, schema, status, parameters, query);
    }

    /** Answers a success with this status (200 unless said; 201 for what creates). */
    public ApiDoc status(int status) {
        return new ApiDoc(summary, body, returns, status, parameters, query);
    }

    /** Describes the path parameter {@code {name}} (otherwise "The name"). */
    public ApiDoc param(String name, String description) {
        Map<String, String> more = new LinkedHashMap<>(parameters);
        more.put(name, description);
        return new ApiDoc(summary, body, returns, status, more, query);
    }

    public ApiDoc query(String name, String description) {
        List<Query> more = new ArrayList<>(query);
        more.add(new Query(name, description));
        return new ApiDoc(summary, body, returns, status, parameters, more);
    }
}
