package kusari.search;

import kusari.core.Ui;
import kusari.core.Workspace;

/**
 * The search page: what was asked, the results grouped by kind, or why nothing was looked for ({@code error}, a
 * message key with its arguments).
 */
public record SearchPage(Ui ui, Workspace workspace, String query, SearchResults results, String error,
                         java.util.List<Object> errorArgs, String nextPage) {
}
