package kusari.web;

import io.javalin.config.RoutesConfig;
import java.util.List;

/**
 * A part of the domain offering pages and API routes (personas, journeys, the yearly review…). The composition
 * root ({@code kusari.Kusari}) builds every feature and hands them to {@link Server#create}, which makes their
 * routes one {@link RouteTable}, so the web layer knows no feature by name.
 */
@FunctionalInterface
public interface Feature {

    /** Every route of the feature, each declared once with who may use it. */
    List<Route> routes();

    /** The feature's own exception handlers (most have none; a refused upload is answered in words). */
    default void exceptions(RoutesConfig routes) {
    }

    /** The server is stopping: a feature with threads of its own (live streams' keep-alives) ends them here. */
    default void stop() {
    }
}
