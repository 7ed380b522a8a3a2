package kusari.actor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kusari.actor.Acting.ActorRow;
import kusari.actor.Acting.StepRow;
import kusari.actor.ActorRepository.ChallengeRef;
import kusari.actor.ActorRepository.ProjectRef;

/**
 * One journey's actors × steps, like a RACI chart: at each step, which actors act (and how many actions they
 * take) and which lead a project answering the step's challenges. Troubled steps where nobody acts are the
 * places the chain breaks.
 */
public record JourneyChart(String journeySlug, String journeyTitle, String personaSlug, String personaLabel,
                           List<StepColumn> steps, List<ActorLine> actors) {

    /** A step; {@code unowned} when nobody at all acts there (whatever the kind filter shows). */
    public record StepColumn(StepRow step, boolean unowned) {
        public boolean troubledAndUnowned() {
            return unowned && step.troubled();
        }
    }

    /** One actor's row: a cell per step. */
    public record ActorLine(Actor actor, List<Cell> cells) {
    }

    /** What one actor does at one step: its number of actions, and the projects it leads there. */
    public record Cell(int actions, List<String> ledProjectCodes) {
        public boolean empty() {
            return actions == 0 && ledProjectCodes.isEmpty();
        }
    }

    public static JourneyChart of(Acting acting, ActorRepository.JourneyRef journey, ActorKind kind, Integer fiscalYear,
                                  Map<Long, List<ChallengeRef>> challengesByStep,
                                  Map<Long, List<ProjectRef>> projectsByChallenge, Map<Long, List<Long>> leadsByProject) {
        List<StepRow> steps = acting.stepsOfJourney(journey.id());
        List<StepColumn> columns = steps.stream().map(s -> new StepColumn(s, acting.actorsAt(s.id()).isEmpty())).toList();
        List<ActorLine> lines = new ArrayList<>();
        for (ActorRow a : acting.actors()) {
            long id = a.actor().id();
            if (kind != null && kind != a.actor().kind()) {
                continue;
            }
            List<Cell> cells = new ArrayList<>();
            boolean any = false;
            for (StepRow s : steps) {
                int actions = (int) acting.actionsAt(s.id()).stream().filter(x -> x.actorIds().contains(id)).count();
                Set<String> led = new LinkedHashSet<>();
                for (ChallengeRef ch : challengesByStep.getOrDefault(s.id(), List.of())) {
                    for (ProjectRef p : projectsByChallenge.getOrDefault(ch.id(), List.of())) {
                        if (leadsByProject.getOrDefault(p.id(), List.of()).contains(id)) {
                            led.add(p.code());
                        }
                    }
                }
                Cell cell = new Cell(actions, List.copyOf(led));
                any |= !cell.empty();
                cells.add(cell);
            }
            if (any) {
                lines.add(new ActorLine(acting.actorIn(id, fiscalYear), cells));
            }
        }
        return new JourneyChart(journey.slug(), journey.title(), journey.personaSlug(), journey.personaLabel(), columns,
                lines);
    }
}
