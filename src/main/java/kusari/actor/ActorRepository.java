package kusari.actor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import kusari.db.Database;
import kusari.db.Sql;

/** All SQL for actors and what they do. */
public final class ActorRepository {

    private final Database database;

    public ActorRepository(Database database) {
        this.database = database;
    }

    /** An actor with how many actions, journeys and lead projects it has. */
    public record ActorSummary(Actor actor, long actions, long journeys, long leadProjects) {
    }

    public List<ActorSummary> findAllWithCounts(long workspaceId) {
        return database.read(c -> Sql.query(c, """
                SELECT a.id, a.name, a.kind,
                       (SELECT count(*) FROM action_actor aa WHERE aa.actor_id = a.id) AS actions,
                       (SELECT count(DISTINCT s.journey_id) FROM action_actor aa
                          JOIN action x ON x.id = aa.action_id JOIN step s ON s.id = x.step_id
                          WHERE aa.actor_id = a.id) AS journeys,
                       (SELECT count(*) FROM project_lead_actor pl WHERE pl.actor_id = a.id) AS lead_projects
                FROM actor a WHERE a.workspace_id = ?
                ORDER BY CASE a.kind WHEN 'GOVERNMENT' THEN 1 ELSE 2 END, a.position""",
                rs -> new ActorSummary(toActor(rs), rs.getLong("actions"), rs.getLong("journeys"),
                        rs.getLong("lead_projects")), workspaceId));
    }

    public Optional<Actor> findById(long workspaceId, long id) {
        return database.read(c -> Sql.queryOne(c, "SELECT id, name, kind FROM actor WHERE workspace_id = ? AND id = ?",
                ActorRepository::toActor, workspaceId, id));
    }

    /** One action of an actor at one step, with the journey it belongs to and who else shares it. */
    public record ActorAction(String journeySlug, String journeyTitle, String personaSlug, String personaLabel,
                              int stepPosition, String stepTitle, int emotionScore, String painPoint, String text,
                              List<String> sharedWith) {
    }

    /** Every action of an actor, by journey (in persona order) and step order. */
    public List<ActorAction> findActions(long actorId) {
        return database.read(c -> {
            record Row(long actionId, ActorAction action) {
            }
            List<Row> rows = Sql.query(c, """
                    SELECT x.id AS action_id, j.slug AS journey_slug, j.title AS journey_title, p.slug AS persona_slug,
                           p.label AS persona_label, s.position, s.title AS step_title, s.emotion_score, s.pain_point, x.text
                    FROM action_actor aa
                    JOIN action x ON x.id = aa.action_id
                    JOIN step s ON s.id = x.step_id
                    JOIN journey j ON j.id = s.journey_id
                    JOIN persona p ON p.id = j.persona_id
                    WHERE aa.actor_id = ?
                    ORDER BY p.position, j.id, s.position, x.position""",
                    rs -> new Row(rs.getLong("action_id"), new ActorAction(rs.getString("journey_slug"),
                            rs.getString("journey_title"), rs.getString("persona_slug"), rs.getString("persona_label"),
                            rs.getInt("position"), rs.getString("step_title"), rs.getInt("emotion_score"),
                            rs.getString("pain_point"), rs.getString("text"), List.of())), actorId);
            List<ActorAction> result = new java.util.ArrayList<>();
            for (Row row : rows) {
                List<String> others = Sql.query(c, """
                        SELECT a.name FROM action_actor aa JOIN actor a ON a.id = aa.actor_id
                        WHERE aa.action_id = ? AND aa.actor_id <> ? ORDER BY aa.position""",
                        rs -> rs.getString(1), row.actionId(), actorId);
                ActorAction a = row.action();
                result.add(new ActorAction(a.journeySlug(), a.journeyTitle(), a.personaSlug(), a.personaLabel(),
                        a.stepPosition(), a.stepTitle(), a.emotionScore(), a.painPoint(), a.text(), others));
            }
            return result;
        });
    }

    /** Projects an actor leads: code and name. */
    public record LedProject(String code, String name) {
    }

    public List<LedProject> findLedProjects(long actorId) {
        return database.read(c -> Sql.query(c, """
                SELECT p.code, p.name FROM project_lead_actor pl JOIN project p ON p.id = pl.project_id
                WHERE pl.actor_id = ? ORDER BY p.code""", rs -> new LedProject(rs.getString(1), rs.getString(2)), actorId));
    }

    public List<Actor> findLeadsOfProject(long projectId) {
        return database.read(c -> Sql.query(c, """
                SELECT a.id, a.name, a.kind FROM project_lead_actor pl JOIN actor a ON a.id = pl.actor_id
                WHERE pl.project_id = ? ORDER BY pl.position""", ActorRepository::toActor, projectId));
    }

    static Actor toActor(ResultSet rs) throws SQLException {
        return new Actor(rs.getLong("id"), rs.getString("name"), rs.getString("kind"));
    }
}
