package kusari.actor;

import java.util.List;
import kusari.actor.ActorService.DirectoryEntry;
import kusari.core.Workspace;
import kusari.core.Ui;

/** The directory of departments and partners, grouped by kind, optionally narrowed by a search. */
public record ActorListPage(Ui ui, Workspace workspace, String query, Integer fiscalYear, List<Integer> fiscalYears,
                            List<DirectoryEntry> government, List<DirectoryEntry> partners) {

    public boolean searching() {
        return query != null && !query.isBlank();
    }

    public int found() {
        return government.size() + partners.size();
    }
}
