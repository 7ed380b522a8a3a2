package kusari.actor;

import java.util.List;
import kusari.actor.ActorRepository.ActorSummary;
import kusari.strategy.Workspace;
import kusari.web.Ui;

/** Departments and partners with how much each does. */
public record ActorListPage(Ui ui, Workspace workspace, List<ActorSummary> actors) {
}
