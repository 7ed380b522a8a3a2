package kusari.workshop;

/**
 * A live workshop on one journey: residents join with {@code code} from their phones and post cards to its steps.
 * {@code status} OPEN or CLOSED; {@code phase} WRITE (書く), GROUP (まとめる), VOTE (投票), DECIDE (決める).
 */
public record Workshop(long id, long workspaceId, long journeyId, String code, String title, String heldOn,
                       boolean named, int votesEach, boolean cardsShared, String status, String phase,
                       Integer focusStep, String timerEndsAt, Long spotlightCard, long version, String createdAt) {

    public boolean open() {
        return "OPEN".equals(status);
    }
}
