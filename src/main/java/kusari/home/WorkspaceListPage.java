package kusari.home;

import java.util.List;
import kusari.core.Workspace;
import kusari.core.Ui;

/** The workspaces of this installation, when there is not exactly one. */
public record WorkspaceListPage(Ui ui, List<Workspace> workspaces) {
}
