package kusari.journey;

import java.util.List;
import java.util.Map;
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

    public static final Kind JOURNEY = new Kind("journey", "journeys", "slug", "title",
            Kind.ownWorkspace("journey"), null, List.of("slug"),
            List.of(
                    Field.reference("persona", "persona_id", "persona", true),
                    Field.slug("slug", "slug"),
                    Field.text("title", "title", true, 200)),
            List.of(),
            (c, ws, id) -> Links.journey(ws, Sql.queryOne(c, "SELECT slug FROM journey WHERE id = ?",
                    rs -> rs.getString(1), id).orElseThrow()),
            Map.of(), null);

    private static final String STEP_WORKSPACE = """
            SELECT j.workspace_id FROM step s JOIN journey j ON j.id = s.journey_id WHERE s.id = ?""";

    public static final Kind STEP = new Kind("step", "steps", "id", "title", STEP_WORKSPACE, "journey_id", List.of(),
            List.of(
                    Field.reference("journey", "journey_id", "journey", true).onlyOnCreate(),
                    Field.text("title", "title", true, 100),
                    Field.textarea("emotionText", "emotion_text", false, 500),
                    Field.integer("emotionScore", "emotion_score", true, -2, 2).withDefault(0L),
                    Field.textarea("painPoint", "pain_point", false, 1000)),
            List.of(),
            JourneyKinds::stepUrl,
            Map.of(), null);

    public static final Kind ACTION = new Kind("action", "actions", "id", "text", """
            SELECT j.workspace_id FROM action a JOIN step s ON s.id = a.step_id JOIN journey j ON j.id = s.journey_id
            WHERE a.id = ?""", "step_id", List.of(),
            List.of(
                    Field.reference("step", "step_id", "step", true).onlyOnCreate(),
                    Field.textarea("text", "text", false, 1000),
                    Field.references("actors", new Field.Child("action_actor", "action_id", "position"),
                            "actor_id", "actor")),
            List.of((c, ws, id, values, errors) -> {
                if (((String) values.getOrDefault("text", "")).isBlank()
                        && ((List<?>) values.getOrDefault("actors", List.of())).isEmpty()) {
                    errors.add(kusari.core.FieldError.of("text", "validation.actionEmpty"));
                }
            }),
            (c, ws, id) -> stepUrl(c, ws, Sql.queryLong(c, "SELECT step_id FROM action WHERE id = ?", id)),
            Map.of(), null);

    private static String stepUrl(java.sql.Connection c, String ws, long stepId) throws java.sql.SQLException {
        return Sql.queryOne(c, "SELECT j.slug, s.position FROM step s JOIN journey j ON j.id = s.journey_id"
                + " WHERE s.id = ?", rs -> Links.step(ws, rs.getString(1), rs.getInt(2)), stepId).orElseThrow();
    }

    /** A step spans a challenge: the step's pain point is evidence of it. */
    public static final LinkKind STEP_CHALLENGE = new LinkKind("step_challenge", "step-challenges",
            STEP, "step_id", ChallengeKinds.CHALLENGE, "challenge_id", List.of());
}
