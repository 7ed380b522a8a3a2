package kusari.challenge;

import java.util.List;
import java.util.Map;
import kusari.db.Sql;
import kusari.history.Field;
import kusari.history.Kind;
import kusari.history.LinkKind;
import kusari.journey.JourneyKinds;
import kusari.strategy.StrategyKinds;
import kusari.web.Links;

/** A challenge (課題) as people edit it, and its links to the steps it spans and the projects that answer it. */
public final class ChallengeKinds {

    private ChallengeKinds() {
    }

    public static final Kind CHALLENGE = new Kind("challenge", "challenges", "number", "title",
            Kind.ownWorkspace("challenge"), null, List.of("number"),
            List.of(
                    Field.integer("number", "number", true, 1, 9999),
                    Field.text("title", "title", true, 300),
                    Field.lines("evidence", new Field.Child("challenge_evidence", "challenge_id", "position"), "text", 50),
                    Field.lines("approaches", new Field.Child("challenge_approach", "challenge_id", "position"), "text", 50)),
            List.of(),
            (c, ws, id) -> Links.challenge(ws, (int) Sql.queryLong(c, "SELECT number FROM challenge WHERE id = ?", id)),
            Map.of(), null);

    public static final LinkKind STEP_CHALLENGE = new LinkKind("step_challenge", "step-challenges",
            JourneyKinds.STEP, "step_id", CHALLENGE, "challenge_id", List.of());

    /** basis: DOCUMENT when the source states the link, READING when a person read it into the source. */
    public static final LinkKind CHALLENGE_PROJECT = new LinkKind("challenge_project", "challenge-projects",
            CHALLENGE, "challenge_id", StrategyKinds.PROJECT, "project_id", List.of(
                    Field.choice("basis", "basis", "DOCUMENT", "READING"),
                    Field.text("note", "note", false, 500)));
}
