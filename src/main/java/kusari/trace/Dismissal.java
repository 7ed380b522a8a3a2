package kusari.trace;

/** A planner's decision that a break is acceptable, with the reason; undone dismissals stay as history. */
public record Dismissal(long id, String breakKey, String reason, String dismissedAt, String dismissedBy,
                        String undoneAt, String undoneBy) {

    public boolean active() {
        return undoneAt == null;
    }
}
