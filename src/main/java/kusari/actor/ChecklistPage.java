package kusari.actor;

import kusari.core.Workspace;
import kusari.core.Ui;

/**
 * The printable checklist of one actor (A4 portrait): its steps with the hand-offs before and after each, its
 * actions and indicators; the day it was printed (in Japan) and a box for the sign-off.
 */
public record ChecklistPage(Ui ui, Workspace workspace, ActorOverview overview, java.time.LocalDate printedOn) {
}
