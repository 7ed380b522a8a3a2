package kusari.change;

import java.util.List;

/**
 * A many-to-many link a person makes or breaks between two entities, such as step ↔ challenge. A link has
 * no version: making an existing link or breaking a missing one is refused, so two people doing the same
 * thing at once learn that the other was first.
 *
 * @param name        the link table, also the entity name in the history
 * @param collection  the API path segment, e.g. {@code step-challenges}
 * @param left        the kind on the left, whose id is the history's entity id
 * @param leftColumn  the link table's column holding the left id
 * @param right       the kind on the right
 * @param rightColumn the link table's column holding the right id
 * @param extra       fields stored on the link itself (a challenge–project link's basis and note)
 */
public record LinkKind(String name, String collection, Kind left, String leftColumn, Kind right,
                       String rightColumn, List<Field> extra) {
}
