package kusari.challenge;

import kusari.db.Sql;
import kusari.change.Field;
import kusari.change.Kind;
import kusari.web.Links;

/** A challenge (課題) as people edit it, with its evidence and approaches. */
public final class ChallengeKinds {

    private ChallengeKinds() {
    }

    public static final Kind CHALLENGE = Kind.builder("challenge", "challenges").key("number").label("title")
            .ownWorkspace().unique("number")
            .fields(
                    Field.integer("number", "number", true, 1, 9999),
                    Field.text("title", "title", true, 300),
                    Field.lines("evidence", new Field.Child("challenge_evidence", "challenge_id", "position"), "text", 50),
                    Field.lines("approaches", new Field.Child("challenge_approach", "challenge_id", "position"), "text", 50))
            .viewer((c, ws, id) -> Links.challenge(ws, (int) Sql.queryLong(c, "SELECT number FROM challenge WHERE id = ?", id)))
            .build();
}
