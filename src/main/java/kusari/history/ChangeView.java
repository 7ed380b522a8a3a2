package kusari.history;

import java.util.List;

/**
 * One change of the history as a person reads it in the timeline, an entity's history tab or the trash.
 *
 * @param entityUrl  the entity's own history tab (null for links)
 * @param fields     for changes of values: each field that changed, before and after
 * @param revertable whether an undo button is offered (not for changes already undone)
 */
public record ChangeView(long id, String when, String who, String operation, String kind, String summary,
                         String entityUrl, List<FieldChange> fields, boolean revertable, Long revertedBy,
                         Long reverts) {

    /** A field's value before and after one change, as text. */
    public record FieldChange(String label, String before, String after) {
    }
}
