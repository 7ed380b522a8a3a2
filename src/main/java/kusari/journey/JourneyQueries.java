package kusari.journey;

import java.util.List;
import java.util.Map;
import kusari.challenge.Challenge;

/** What other features read of journeys: a persona's journeys, their steps and actions, and whole maps. */
public interface JourneyQueries {
    List<Journey> findByPersona(long personaId);

    List<Step> findSteps(long journeyId);

    List<StepAction> findActions(long journeyId);

    /** The challenges each step spans, by step id. */
    Map<Long, List<Challenge>> findStepChallenges(long journeyId);

    /** The journey map: steps, actors' rows, the emotion curve and the challenge bands. */
    JourneyMap loadMap(Journey journey);

    /** A journey of the workspace by its slug (a live workshop is opened on it). */
    java.util.Optional<Journey> findBySlug(long workspaceId, String slug);
}
