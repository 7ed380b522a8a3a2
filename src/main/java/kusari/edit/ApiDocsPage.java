package kusari.edit;

import kusari.core.Ui;

/**
 * The page for people to read the JSON API: Swagger UI (from its WebJar, served by Kusari itself, nothing fetched
 * from elsewhere) showing {@code spec}, the OpenAPI document.
 */
public record ApiDocsPage(Ui ui, String spec, String styleSheet, String bundle, String preset, String initializer) {
}
