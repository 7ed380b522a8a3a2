package kusari.journey;

import java.util.List;
import kusari.actor.Actor;
import kusari.core.Workspace;
import kusari.core.Ui;

/**
 * One journey map on its own page: for the projector and for printing on A3.
 *
 * @param editing the facilitator's editing mode: cells edit in place, steps insert, move and delete
 * @param actors  in editing mode, the workspace's actors, suggested when an action is added
 */
public record JourneyPage(Ui ui, Workspace workspace, JourneyPersona persona, JourneySection section, boolean editing,
                          List<Actor> actors) {
}
