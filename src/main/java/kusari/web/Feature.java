package kusari.web;

import io.javalin.config.RoutesConfig;

/**
 * A part of the domain offering pages and API routes (personas, journeys, the yearly review…). The composition
 * root ({@code kusari.Kusari}) builds every feature and hands them to {@link Server#create}, so the web layer
 * knows no feature by name.
 */
@FunctionalInterface
public interface Feature {

    void register(RoutesConfig routes);
}
