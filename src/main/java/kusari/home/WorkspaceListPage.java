package kusari.home;

import java.util.List;
import kusari.strategy.Workspace;
import kusari.web.Ui;

/** The workspaces of this installation, when there is not exactly one. */
public record WorkspaceListPage(Ui ui, List<Workspace> workspaces) {
}
