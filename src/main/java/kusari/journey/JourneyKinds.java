package kusari.journey;

import java.util.List;
import kusari.db.Sql;
import kusari.change.Field;
import kusari.challenge.ChallengeKinds;
import kusari.change.Kind;
import kusari.change.LinkKind;
import kusari.web.Links;

/** What people edit in a journey: the journey itself, its steps, and the actions of actors at each step. */
public final class JourneyKinds {

    private JourneyKinds() {
    }

    /** The longest title of a journey (also the limit of a new journey opened with a workshop). */
    public static final int MAX_TITLE = 200;

    public static final Kind JOURNEY = Kind.builder("journey", "journeys").key("slug").label("title")
            .ownWorkspace().unique("slug")
            .fields(
                    Field.reference("persona", "persona_id", "persona", true),
                    Field.slug("slug", "slug"),
                    Field.text("title", "title", true, MAX_TITLE))
            .viewer((c, ws, id) -> Links.journey(ws, Sql.queryOne(c, "SELECT slug FROM journey WHERE id = ?",
                    rs -> rs.getString(1), id).orElseThrow()))
            .build();

    private static final String STEP_WORKSPACE = """
            SELECT j.workspace_id FROM step s JOIN journey j ON j.id = s.journey_id WHERE s.id = ?""";

    public static final Kind STEP = Kind.builder("step", "steps").key("id").label("title")
            .workspace(STEP_WORKSPACE).orderedWithin("journey_id")
            .fields(
                    Field.reference("journey", "journey_id", "journey", true).onlyOnCreate(),
                    Field.text("title", "title", true, 100),
                    Field.textarea("emotionText", "emotion_text", false, 500),
                    Field.integer("emotionScore", "emotion_score", true, -2, 2).withDefault(0L),
                    Field.textarea("painPoint", "pain_point", false, 1000))
            .viewer(JourneyKinds::stepUrl)
            .build();

    public static final Kind ACTION = Kind.builder("action", "actions").key("id").label("text")
            .workspace("""
                    SELECT j.workspace_id FROM action a JOIN step s ON s.id = a.step_id JOIN journey j ON j.id = s.journey_id
                    WHERE a.id = ?""").orderedWithin("step_id")
            .fields(
                    Field.reference("step", "step_id", "step", true).onlyOnCreate(),
                    Field.textarea("text", "text", false, 1000),
                    Field.references("actors", new Field.Child("action_actor", "action_id", "position"),
                            "actor_id", "actor"))
            .rules((c, ws, id, values, errors) -> {
                if (((String) values.getOrDefault("text", "")).isBlank()
                        && ((List<?>) values.getOrDefault("actors", List.of())).isEmpty()) {
                    errors.add(kusari.core.FieldError.of("text", "validation.actionEmpty"));
                }
            })
            .viewer((c, ws, id) -> stepUrl(c, ws, Sql.queryLong(c, "SELECT step_id FROM action WHERE id = ?", id)))
            .build();

    private static String stepUrl(java.sql.Connection c, String ws, long stepId) throws java.sql.SQLException {
        return Sql.queryOne(c, "SELECT j.slug, s.position FROM step s JOIN journey j ON j.id = s.journey_id"
                + " WHERE s.id = ?", rs -> Links.step(ws, rs.getString(1), rs.getInt(2)), stepId).orElseThrow();
    }

    /** A step spans a challenge: the step's pain point is evidence of it. */
    public static final LinkKind STEP_CHALLENGE = LinkKind.builder("step_challenge", "step-challenges")
            .left(STEP, "step_id").right(ChallengeKinds.CHALLENGE, "challenge_id")
            .build();
}
