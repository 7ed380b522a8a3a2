package kusari.actor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who acts where in one workspace: its actors with their name history, the steps of the journeys read (every
 * journey, or only those one actor's page or one journey's chart needs) in order, and their actions with their
 * actors, read in one transaction. Journeys are always read whole, so the hand-offs before and after a step are
 * right.
 */
public final class Acting {

    /** An actor with what the pages need beyond {@link Actor}: its list position and row version. */
    public record ActorRow(Actor actor, int position, long version) {
    }

    /** A step with its journey and persona. */
    public record StepRow(long id, long journeyId, String journeySlug, String journeyTitle, String personaSlug,
                          String personaLabel, String policyFieldCode, int position, String title,
                          String emotionText, int emotionScore, String painPoint) {
        public boolean troubled() {
            return emotionScore < 0;
        }
    }

    /** One action at a step, with the actors that share it, in the document's order. */
    public record ActionRow(long id, long stepId, String text, List<Long> actorIds) {
    }

    private final List<ActorRow> actors;
    private final ActorNames names;
    private final List<StepRow> steps;
    private final Map<Long, List<ActionRow>> actionsByStep = new LinkedHashMap<>();
    private final Map<Long, ActorRow> actorById = new LinkedHashMap<>();
    // Indexes built once, so that a page over a large workspace never scans every step per actor.
    private final Map<Long, List<Long>> actorsByStep = new LinkedHashMap<>();
    private final Map<Long, List<StepRow>> stepsByActor = new LinkedHashMap<>();
    private final Map<Long, List<StepRow>> stepsByJourney = new LinkedHashMap<>();

    public Acting(List<ActorRow> actors, ActorNames names, List<StepRow> steps, List<ActionRow> actions) {
        this.actors = List.copyOf(actors);
        this.names = names;
        this.steps = List.copyOf(steps);
        for (ActorRow a : actors) {
            actorById.put(a.actor().id(), a);
        }
        for (ActionRow a : actions) {
            actionsByStep.computeIfAbsent(a.stepId(), k -> new ArrayList<>()).add(a);
        }
        for (StepRow s : steps) {
            Set<Long> ids = new LinkedHashSet<>();
            for (ActionRow a : actionsByStep.getOrDefault(s.id(), List.of())) {
                ids.addAll(a.actorIds());
            }
            actorsByStep.put(s.id(), List.copyOf(ids));
            for (long id : ids) {
                stepsByActor.computeIfAbsent(id, k -> new ArrayList<>()).add(s);
            }
            stepsByJourney.computeIfAbsent(s.journeyId(), k -> new ArrayList<>()).add(s);
        }
    }

    public List<ActorRow> actors() {
        return actors;
    }

    public ActorNames names() {
        return names;
    }

    /** Every step, by persona order, journey and step position. */
    public List<StepRow> steps() {
        return steps;
    }

    public Optional<ActorRow> actor(long id) {
        return Optional.ofNullable(actorById.get(id));
    }

    /** The actor's name in a fiscal year (the newest name when {@code fiscalYear} is null). */
    public String name(long actorId, Integer fiscalYear) {
        ActorRow row = actorById.get(actorId);
        return names.in(actorId, fiscalYear, row == null ? "" : row.actor().name());
    }

    /** The actor as of a fiscal year: same id and kind, that year's name. */
    public Actor actorIn(long actorId, Integer fiscalYear) {
        ActorRow row = actorById.get(actorId);
        return new Actor(actorId, name(actorId, fiscalYear), row == null ? null : row.actor().kind());
    }

    public List<ActionRow> actionsAt(long stepId) {
        return actionsByStep.getOrDefault(stepId, List.of());
    }

    /** Everyone acting at a step, each once, in the order the document names them. */
    public List<Long> actorsAt(long stepId) {
        return actorsByStep.getOrDefault(stepId, List.of());
    }

    /** The steps where an actor acts, in journey and step order. */
    public List<StepRow> stepsOf(long actorId) {
        return stepsByActor.getOrDefault(actorId, List.of());
    }

    /** The steps of one journey, in order. */
    public List<StepRow> stepsOfJourney(long journeyId) {
        return stepsByJourney.getOrDefault(journeyId, List.of());
    }

    /** The step just before ({@code offset} -1) or after (+1) a step on its journey, if there is one. */
    public Optional<StepRow> neighbour(StepRow step, int offset) {
        List<StepRow> journey = stepsOfJourney(step.journeyId());
        int at = journey.indexOf(step);
        int other = at + offset;
        return other >= 0 && other < journey.size() ? Optional.of(journey.get(other)) : Optional.empty();
    }
}
