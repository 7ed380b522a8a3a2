package kusari.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every route of the application, in the order the features declared them: what the server registers, what the
 * gate checks, what the OpenAPI document and the authorisation tests read. Refuses, when it is built, two routes
 * answering the same method and path, and a route of the JSON API without its {@link ApiDoc}.
 */
public final class RouteTable {

    private final List<Route> routes;

    private RouteTable(List<Route> routes) {
        Map<String, Route> seen = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            Route earlier = seen.putIfAbsent(route.method() + " " + route.path().shape(), route);
            if (earlier != null) {
                wrong.add(route + " answers the same requests as " + earlier);
            }
            if (route.api() && route.doc() == null) {
                wrong.add(route + " is an API route without its description for the OpenAPI document");
            }
        }
        if (!wrong.isEmpty()) {
            throw new IllegalStateException(String.join("\n", wrong));
        }
        this.routes = List.copyOf(routes);
    }

    public static RouteTable of(List<Feature> features) {
        List<Route> all = new ArrayList<>();
        features.forEach(feature -> all.addAll(feature.routes()));
        return new RouteTable(all);
    }

    public List<Route> routes() {
        return routes;
    }

    /** The routes of the JSON API, each with its description. */
    public List<Route> api() {
        return routes.stream().filter(Route::api).toList();
    }
}
