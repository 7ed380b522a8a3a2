package kusari.workshop;

import java.util.List;
import kusari.core.Ui;
import kusari.core.Workspace;

/** A workspace's workshops, newest first; {@code journeyTitle} non-null when only one journey's are listed. */
public record WorkshopListPage(Ui ui, Workspace workspace, List<WorkshopRecords.Listed> workshops, String journeyTitle) {
}
