package kusari.journey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kusari.actor.Actor;
import kusari.challenge.Challenge;

/**
 * Everything the journey map shows, laid out as the document does: one column per step, and rows for the step,
 * the emotion (text and curve), the pain point, one lane per actor with its actions, and one band per challenge.
 */
public record JourneyMap(Journey journey, List<Step> steps, EmotionCurve curve, List<ActorLane> lanes,
                         List<ChallengeBand> bands, Map<Long, Long> versions) {

    /** One actor's row: for every step (in order) the actions it takes there, possibly none. */
    public record ActorLane(Actor actor, List<List<LaneAction>> cells) {
    }

    /** An action in an actor's lane; {@code sharedWith} names the other actors named with it. */
    public record LaneAction(long actionId, String text, List<String> sharedWith) {
    }

    /** A challenge's row: runs of steps, each either covered by the challenge or a gap. */
    public record ChallengeBand(Challenge challenge, List<BandSegment> segments) {
    }

    /** {@code span} consecutive steps that the challenge covers or not. */
    public record BandSegment(int span, boolean covered) {
    }

    public int stepCount() {
        return steps.size();
    }

    public long troubledCount() {
        return steps.stream().filter(Step::troubled).count();
    }

    /** @param versions each step's current version, which the editing mode's forms are based on */
    public static JourneyMap build(Journey journey, List<Step> steps, List<StepAction> actions,
                                   Map<Long, List<Challenge>> stepChallenges, Map<Long, Long> versions) {
        return new JourneyMap(journey, steps, EmotionCurve.of(steps), lanes(steps, actions),
                bands(steps, stepChallenges), Map.copyOf(versions));
    }

    /** Government departments first, then partners; within each, in the order they first act along the journey. */
    private static List<ActorLane> lanes(List<Step> steps, List<StepAction> actions) {
        Map<Long, Integer> column = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            column.put(steps.get(i).id(), i);
        }
        Map<Long, Actor> actors = new LinkedHashMap<>();
        Map<Long, List<List<LaneAction>>> cells = new LinkedHashMap<>();
        for (StepAction action : actions) {
            for (Actor actor : action.actors()) {
                actors.putIfAbsent(actor.id(), actor);
                List<List<LaneAction>> row = cells.computeIfAbsent(actor.id(), id -> emptyRow(steps.size()));
                List<String> others = action.actors().stream().filter(a -> a.id() != actor.id()).map(Actor::name).toList();
                row.get(column.get(action.stepId())).add(new LaneAction(action.id(), action.text(), others));
            }
        }
        List<ActorLane> lanes = new ArrayList<>();
        for (boolean government : new boolean[] {true, false}) {
            for (Actor actor : actors.values()) {
                if (actor.government() == government) {
                    lanes.add(new ActorLane(actor, cells.get(actor.id()).stream().map(List::copyOf).toList()));
                }
            }
        }
        return List.copyOf(lanes);
    }

    private static List<List<LaneAction>> emptyRow(int size) {
        List<List<LaneAction>> row = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            row.add(new ArrayList<>());
        }
        return row;
    }

    /** One band per challenge met on this journey, in number order, split into covered and uncovered runs. */
    private static List<ChallengeBand> bands(List<Step> steps, Map<Long, List<Challenge>> stepChallenges) {
        Map<Integer, Challenge> challenges = new java.util.TreeMap<>();
        stepChallenges.values().forEach(list -> list.forEach(ch -> challenges.putIfAbsent(ch.number(), ch)));
        List<ChallengeBand> bands = new ArrayList<>();
        for (Challenge ch : challenges.values()) {
            List<BandSegment> segments = new ArrayList<>();
            Boolean current = null;
            int span = 0;
            for (Step step : steps) {
                boolean covered = stepChallenges.getOrDefault(step.id(), List.of()).stream()
                        .anyMatch(c -> c.number() == ch.number());
                if (current != null && current != covered) {
                    segments.add(new BandSegment(span, current));
                    span = 0;
                }
                current = covered;
                span++;
            }
            if (current != null) {
                segments.add(new BandSegment(span, current));
            }
            bands.add(new ChallengeBand(ch, List.copyOf(segments)));
        }
        return List.copyOf(bands);
    }
}
