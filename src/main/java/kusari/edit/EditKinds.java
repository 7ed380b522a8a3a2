package kusari.edit;

import java.util.List;
import kusari.actor.ActorKinds;
import kusari.challenge.ChallengeKinds;
import kusari.history.Kinds;
import kusari.indicator.IndicatorKinds;
import kusari.journey.JourneyKinds;
import kusari.persona.PersonaKinds;
import kusari.strategy.StrategyKinds;

/** Every kind people edit, gathered from the feature packages that declare them. */
public final class EditKinds {

    private EditKinds() {
    }

    public static Kinds all() {
        return new Kinds(
                List.of(StrategyKinds.WORKSPACE, StrategyKinds.FRAMEWORK_NODE, StrategyKinds.PROJECT,
                        PersonaKinds.PERSONA, JourneyKinds.JOURNEY, JourneyKinds.STEP, JourneyKinds.ACTION,
                        ActorKinds.ACTOR, ChallengeKinds.CHALLENGE, IndicatorKinds.INDICATOR),
                List.of(ChallengeKinds.STEP_CHALLENGE, ChallengeKinds.CHALLENGE_PROJECT));
    }
}
