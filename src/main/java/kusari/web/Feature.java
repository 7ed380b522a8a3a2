package kusari.web;

import java.util.List;

/**
 * A part of the domain offering pages and API routes (personas, journeys, the yearly review…). The composition
 * root ({@code kusari.Kusari}) builds every feature and hands their routes to {@link Server#create} as one
 * {@link RouteTable}, so the web layer knows no feature by name.
 */
@FunctionalInterface
public interface Feature {

    /** Every route of the feature, each declared once with who may use it. */
    List<Route> routes();
}
