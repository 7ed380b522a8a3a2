package kusari.history;

import java.util.List;
import kusari.core.Workspace;
import kusari.core.Ui;

/**
 * The workspace timeline, one entity's history tab, or the trash.
 *
 * @param olderUrl the next page of older changes, or null
 * @param trash    the page lists deleted things with a restore button
 */
public record HistoryPage(Ui ui, Workspace workspace, String title, String intro, List<ChangeView> changes,
                          String olderUrl, boolean trash) {
}
