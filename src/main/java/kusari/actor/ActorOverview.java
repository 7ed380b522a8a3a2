package kusari.actor;

import kusari.core.Paging;
import java.util.List;
import kusari.actor.Acting.StepRow;
import kusari.actor.ActorRepository.ChallengeRef;
import kusari.actor.ActorRepository.LedProject;
import kusari.actor.ActorRepository.ProjectRef;

/**
 * What one actor owns across every journey, as of a fiscal year: its steps grouped by journey with its actions,
 * the challenges and projects behind them, the hand-offs before and after, and the indicators that measure it.
 * {@code journeys} hold the steps of one page ({@code stepPaging}); the summary and indicators count every step.
 */
public record ActorOverview(Actor actor, long version, Integer fiscalYear, List<ActorName> names,
                            Summary summary, List<JourneyGroup> journeys, List<LedProject> ledProjects,
                            List<Measure> indicators, Paging stepPaging) {

    /** The numbers at the top of the page. */
    public record Summary(int journeys, int steps, int troubledSteps, int projectsLed, int indicators,
                          int indicatorsOnTrack, int indicatorsWithActual) {
    }

    /** This actor's steps on one journey. */
    public record JourneyGroup(String journeySlug, String journeyTitle, String personaSlug, String personaLabel,
                               List<StepView> steps) {
    }

    /** One step where the actor acts. */
    public record StepView(StepRow step, List<ActionView> actions, List<ChallengeRef> challenges,
                           List<ProjectView> projects, List<Measure> indicators, Handoff before, Handoff after) {
    }

    /** What the actor does at the step, and who does it with it. */
    public record ActionView(String text, List<Actor> sharedWith) {
        public String sharedWithNames() {
            return String.join("・", sharedWith.stream().map(Actor::name).toList());
        }
    }

    /** A project answering a challenge of the step; {@code ledByActor} when this actor leads it. */
    public record ProjectView(ProjectRef project, boolean ledByActor, List<Actor> leads) {
    }

    /**
     * The neighbouring step and who acts there ({@code step} null at either end of the journey). The chain is at
     * risk where nobody acts next, or where it passes to others.
     */
    public record Handoff(StepRow step, List<Actor> actors, boolean actorContinues) {
        public boolean exists() {
            return step != null;
        }

        public boolean nobody() {
            return step != null && actors.isEmpty();
        }

        public String actorNames() {
            return String.join("・", actors.stream().map(Actor::name).toList());
        }
    }

    /** An indicator measuring this actor, with what it hangs on ({@code via}: 課題 number or project code). */
    public record Measure(IndicatorProgress progress, String viaType, String via, String viaTitle) {
        public long id() {
            return progress.indicator().id();
        }
    }

    /** The last fiscal year a name of the history was in force, or null for the newest. */
    public Integer untilYear(ActorName name) {
        return new ActorNames(java.util.Map.of(actor.id(), names)).untilYear(actor.id(), name);
    }

    public int stepCount() {
        return journeys.stream().mapToInt(j -> j.steps().size()).sum();
    }

    public int actionCount() {
        return journeys.stream().flatMap(j -> j.steps().stream()).mapToInt(s -> s.actions().size()).sum();
    }
}
