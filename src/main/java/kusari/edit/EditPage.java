package kusari.edit;

import java.util.List;
import kusari.core.Workspace;
import kusari.core.Ui;

/**
 * The form page of any kind of entity.
 *
 * @param workspace   null only for a new workspace
 * @param cancelUrl   where "cancel" (or "discard my change" in a conflict) goes
 * @param returnTo    the page to come back to after saving, when the form was opened from one
 * @param version     the version the form's values are based on (null when creating)
 * @param conflict    the save lost a race: the person's values are in the boxes, the current ones beside them
 * @param deletedMeanwhile in a conflict: someone deleted the entity since
 * @param index       where a new ordered entity goes among its siblings (0 = first), or null for last
 * @param links       the links this entity can make (a step's challenges, a challenge's projects)
 * @param formErrors  errors not about one field
 */
public record EditPage(Ui ui, Workspace workspace, String title, String kindLabel, String action, String cancelUrl,
                       String returnTo, List<FormField> fields, Long version, boolean conflict,
                       boolean deletedMeanwhile, String deleteUrl, String historyUrl, String index,
                       List<LinkSection> links, List<String> formErrors) {

    /**
     * One kind of link on an entity's form: what it is linked to now (each with a button to unlink), and a
     * select of what it could be linked to.
     *
     * @param side left when this entity is the link's left side (its id goes in the {@code left} field)
     */
    public record LinkSection(String title, String action, String side, long selfId, List<Linked> linked,
                              List<FormField.Option> candidates, List<FormField> extra) {
    }

    /** A linked entity: its label, the link's own details (basis, note) and the ids for the unlink form. */
    public record Linked(long id, String label, String detail, long left, long right) {
    }
}
