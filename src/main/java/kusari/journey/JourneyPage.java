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
 * @param presenting the presentation view for the projector: the map alone, across the screen, in large type
 * @param voices  the workshop cards posted at each step, by position (the voices behind the map)
 * @param workshops for those who may open one, the workshops held on this journey (to find their boards again)
 * @param latestChange the workspace's newest history entry the map was made from: the page's live stream starts
 *                     after it, so it is sent only what came later
 */
public record JourneyPage(Ui ui, Workspace workspace, JourneyPersona persona, JourneySection section, boolean editing,
                          List<Actor> actors, boolean presenting,
                          java.util.Map<Integer, List<kusari.core.Voices.Voice>> voices,
                          List<kusari.core.Voices.Session> workshops, long latestChange) {

    /** The query parameter and value that ask for the presentation view ({@code ?view=present}). */
    public static final String PRESENT_PARAM = "view";
    public static final String PRESENT_VALUE = "present";
}
