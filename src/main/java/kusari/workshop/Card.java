package kusari.workshop;

/** A participant's card on a step (by position): うれしい (JOY), 困った (TROUBLE) or アイデア (IDEA). */
public record Card(long id, long workshopId, Long participantId, int step, String kind, String text, Integer emotion,
                   boolean hidden, boolean withdrawn, String became, long version, String createdAt, int votes) {
}
