package kusari.journey;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kusari.actor.Actor;
import kusari.actor.ActorKind;
import kusari.challenge.Challenge;
import kusari.db.Database;
import kusari.db.Sql;

/** All SQL for journeys, their steps, the actions at each step and the steps' challenges. */
public final class JourneyRepository implements JourneyQueries {

    private static final String SELECT_JOURNEY = """
            SELECT j.id, j.slug, j.title, p.id AS persona_id, p.slug AS persona_slug, p.label AS persona_label
            FROM journey j JOIN persona p ON p.id = j.persona_id
            """;

    private final Database database;

    public JourneyRepository(Database database) {
        this.database = database;
    }

    public Optional<Journey> findBySlug(long workspaceId, String slug) {
        return database.read(c -> Sql.queryOne(c, SELECT_JOURNEY + " WHERE j.workspace_id = ? AND j.slug = ?",
                JourneyRepository::toJourney, workspaceId, slug));
    }

    /** A journey by its id, which stays when its slug is changed (a live page follows it). */
    public Optional<Journey> findById(long workspaceId, long id) {
        return database.read(c -> Sql.queryOne(c, SELECT_JOURNEY + " WHERE j.workspace_id = ? AND j.id = ?",
                JourneyRepository::toJourney, workspaceId, id));
    }

    /** Whose journey it is, as the map's header shows it. */
    public JourneyPersona findPersona(long journeyId) {
        return database.read(c -> Sql.queryOne(c, """
                SELECT p.slug, p.label, p.tagline, p.profile FROM journey j JOIN persona p ON p.id = j.persona_id
                WHERE j.id = ?""", rs -> new JourneyPersona(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4)), journeyId).orElseThrow());
    }

    public List<Journey> findByPersona(long personaId) {
        return database.read(c -> Sql.query(c, SELECT_JOURNEY + " WHERE j.persona_id = ? ORDER BY j.id",
                JourneyRepository::toJourney, personaId));
    }

    public List<Journey> findAll(long workspaceId) {
        return database.read(c -> Sql.query(c, SELECT_JOURNEY + " WHERE j.workspace_id = ? ORDER BY p.position, j.id",
                JourneyRepository::toJourney, workspaceId));
    }

    public List<Step> findSteps(long journeyId) {
        return database.read(c -> steps(c, journeyId, null));
    }

    /** The steps of a journey in order; with {@code versions}, each step's version is put there by step id. */
    private static List<Step> steps(Connection c, long journeyId, Map<Long, Long> versions) throws SQLException {
        return Sql.query(c, """
                SELECT id, position, title, emotion_text, emotion_score, pain_point, version FROM step
                WHERE journey_id = ? ORDER BY position""", rs -> {
                    if (versions != null) {
                        versions.put(rs.getLong("id"), rs.getLong("version"));
                    }
                    return new Step(rs.getLong("id"), rs.getInt("position"), rs.getString("title"),
                            rs.getString("emotion_text"), rs.getInt("emotion_score"), rs.getString("pain_point"));
                }, journeyId);
    }

    /** Every action of a journey, in step order, each with its actors in the order the document names them. */
    public List<StepAction> findActions(long journeyId) {
        return database.read(c -> actions(c, journeyId));
    }

    private static List<StepAction> actions(Connection c, long journeyId) throws SQLException {
        record Row(long actionId, long stepId, String text, Actor actor) {
        }
        List<Row> rows = Sql.query(c, """
                SELECT x.id AS action_id, x.step_id, x.text, a.id, a.name, a.kind
                FROM action x
                JOIN step s ON s.id = x.step_id
                JOIN action_actor aa ON aa.action_id = x.id
                JOIN actor a ON a.id = aa.actor_id
                WHERE s.journey_id = ?
                ORDER BY s.position, x.position, aa.position""",
                rs -> new Row(rs.getLong("action_id"), rs.getLong("step_id"), rs.getString("text"),
                        new Actor(rs.getLong("id"), rs.getString("name"), ActorKind.fromStored(rs.getString("kind")))), journeyId);
        Map<Long, StepAction> byAction = new LinkedHashMap<>();
        for (Row r : rows) {
            byAction.computeIfAbsent(r.actionId(), id -> new StepAction(id, r.stepId(), r.text(), new ArrayList<>()))
                    .actors().add(r.actor());
        }
        return byAction.values().stream()
                .map(a -> new StepAction(a.id(), a.stepId(), a.text(), List.copyOf(a.actors())))
                .toList();
    }

    /** The challenges each step belongs to, by step id, in challenge number order. */
    public Map<Long, List<Challenge>> findStepChallenges(long journeyId) {
        return database.read(c -> stepChallenges(c, journeyId));
    }

    private static Map<Long, List<Challenge>> stepChallenges(Connection c, long journeyId) throws SQLException {
        return Sql.queryGrouped(c, """
                SELECT sc.step_id, ch.id, ch.number, ch.title
                FROM step_challenge sc
                JOIN step s ON s.id = sc.step_id
                JOIN challenge ch ON ch.id = sc.challenge_id
                WHERE s.journey_id = ? ORDER BY s.position, ch.number""",
                rs -> rs.getLong("step_id"),
                rs -> new Challenge(rs.getLong("id"), rs.getInt("number"), rs.getString("title")), journeyId);
    }

    /**
     * The whole map of a journey: steps, emotion curve, actor lanes and challenge bands, read in one transaction
     * (one snapshot, three queries: steps with their versions, actions with their actors, challenges per step).
     */
    public JourneyMap loadMap(Journey journey) {
        return database.read(c -> {
            Map<Long, Long> versions = new java.util.HashMap<>();
            List<Step> steps = steps(c, journey.id(), versions);
            return JourneyMap.build(journey, steps, actions(c, journey.id()), stepChallenges(c, journey.id()),
                    versions);
        });
    }

    private static Journey toJourney(ResultSet rs) throws SQLException {
        return new Journey(rs.getLong("id"), rs.getString("slug"), rs.getString("title"), rs.getLong("persona_id"),
                rs.getString("persona_slug"), rs.getString("persona_label"));
    }
}
