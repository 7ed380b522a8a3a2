package kusari.actor;

import java.util.List;
import kusari.actor.ActorRepository.ActorAction;
import kusari.actor.ActorRepository.LedProject;
import kusari.strategy.Workspace;
import kusari.web.Ui;

/** One actor: every action it takes, step by step, grouped by journey; and the projects it leads. */
public record ActorPage(Ui ui, Workspace workspace, Actor actor, List<JourneyGroup> journeys,
                        List<LedProject> ledProjects) {

    /** The actions of this actor on one journey. */
    public record JourneyGroup(String journeySlug, String journeyTitle, String personaSlug, String personaLabel,
                               List<ActorAction> actions) {
    }

    public int actionCount() {
        return journeys.stream().mapToInt(j -> j.actions().size()).sum();
    }
}
