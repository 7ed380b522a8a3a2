package kusari.actor;

import kusari.core.Workspace;
import kusari.core.Ui;

/** The printable checklist of one actor (A4 portrait): its steps, actions and indicators. */
public record ChecklistPage(Ui ui, Workspace workspace, ActorOverview overview) {
}
