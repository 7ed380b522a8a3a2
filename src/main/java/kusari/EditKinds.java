package kusari;

import kusari.change.WorkspaceKind;
import java.util.List;
import kusari.actor.ActorKinds;
import kusari.challenge.ChallengeKinds;
import kusari.change.Kinds;
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
                List.of(WorkspaceKind.WORKSPACE, StrategyKinds.FRAMEWORK_NODE, StrategyKinds.PROJECT,
                        PersonaKinds.PERSONA, JourneyKinds.JOURNEY, JourneyKinds.STEP, JourneyKinds.ACTION,
                        ActorKinds.ACTOR, ChallengeKinds.CHALLENGE, IndicatorKinds.INDICATOR,
                        // the yearly review, budgets by funding source, roadmaps, partner municipalities
                        IndicatorKinds.ACTUAL, IndicatorKinds.INTERIM_TARGET, IndicatorKinds.INDICATOR_REVIEW,
                        IndicatorKinds.PROJECT_REVIEW, IndicatorKinds.REVIEW_SETTING, StrategyKinds.BUDGET_SOURCE,
                        StrategyKinds.ROADMAP_ENTRY, StrategyKinds.PROJECT_ROLE),
                List.of(JourneyKinds.STEP_CHALLENGE, StrategyKinds.CHALLENGE_PROJECT));
    }
}
