package kusari.workshop;

/**
 * A participant's card on a step: うれしい (JOY), 困った (TROUBLE) or アイデア (IDEA). {@code step} is the position the
 * room saw; {@code stepId} the step itself, which stays right when steps are inserted or moved (null once deleted).
 * {@code author}: the participant's display name in a named workshop, "" in an anonymous one (names are never read
 * there).
 */
public record Card(long id, long workshopId, Long participantId, int step, String kind, String text, Integer emotion,
                   boolean hidden, boolean withdrawn, String became, long version, String createdAt, int votes,
                   Long stepId, String author) {
}
