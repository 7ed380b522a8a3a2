package kusari.journey;

import java.util.List;
import kusari.actor.Actor;

/** What one or more actors do at one step. */
public record StepAction(long id, long stepId, String text, List<Actor> actors) {
}
