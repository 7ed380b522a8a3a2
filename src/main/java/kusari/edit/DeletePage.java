package kusari.edit;

import java.util.List;
import kusari.core.Workspace;
import kusari.core.Ui;

/**
 * "Delete this?" — says what goes along (a journey's steps, an actor's place in actions) and what forbids it.
 *
 * @param dependents one line per kind of thing that is deleted or unlinked with it
 * @param blockers   how many other things forbid the deletion (0: it may go)
 */
public record DeletePage(Ui ui, Workspace workspace, String title, String label, List<String> dependents,
                         int blockers, String action, String cancelUrl, long version) {
}
