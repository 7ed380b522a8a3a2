package kusari.challenge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import kusari.db.Database;
import kusari.db.Sql;

/** All SQL for challenges: their texts, the steps they span and the projects that answer them. */
public final class ChallengeRepository implements ChallengeQueries {

    private final Database database;

    public ChallengeRepository(Database database) {
        this.database = database;
    }

    public List<Challenge> findAll(long workspaceId) {
        return database.read(c -> Sql.query(c, "SELECT id, number, title FROM challenge WHERE workspace_id = ? ORDER BY number",
                ChallengeRepository::toChallenge, workspaceId));
    }

    public Optional<Challenge> findByNumber(long workspaceId, int number) {
        return database.read(c -> Sql.queryOne(c, "SELECT id, number, title FROM challenge WHERE workspace_id = ? AND number = ?",
                ChallengeRepository::toChallenge, workspaceId, number));
    }

    public List<String> findEvidence(long challengeId) {
        return texts("challenge_evidence", challengeId);
    }

    public List<String> findApproaches(long challengeId) {
        return texts("challenge_approach", challengeId);
    }

    private List<String> texts(String table, long challengeId) {
        return database.read(c -> Sql.query(c, "SELECT text FROM " + table + " WHERE challenge_id = ? ORDER BY position",
                rs -> rs.getString(1), challengeId));
    }

    public List<SpannedStep> findSteps(long challengeId) {
        return database.read(c -> Sql.query(c, """
                SELECT p.slug AS persona_slug, p.label AS persona_label, j.slug AS journey_slug, j.title AS journey_title,
                       s.position, s.title, s.emotion_text, s.emotion_score, s.pain_point
                FROM step_challenge sc
                JOIN step s ON s.id = sc.step_id
                JOIN journey j ON j.id = s.journey_id
                JOIN persona p ON p.id = j.persona_id
                WHERE sc.challenge_id = ?
                ORDER BY p.position, j.id, s.position""",
                rs -> new SpannedStep(rs.getString("persona_slug"), rs.getString("persona_label"),
                        rs.getString("journey_slug"), rs.getString("journey_title"), rs.getInt("position"),
                        rs.getString("title"), rs.getString("emotion_text"), rs.getInt("emotion_score"),
                        rs.getString("pain_point")), challengeId));
    }

    /** A project that answers a challenge; basis DOCUMENT (stated) or READING (implied; see note). */
    public record LinkedProject(String code, String name, LinkBasis basis, String note) {
    }

    public List<LinkedProject> findProjects(long challengeId) {
        return database.read(c -> Sql.query(c, """
                SELECT p.code, p.name, cp.basis, cp.note FROM challenge_project cp JOIN project p ON p.id = cp.project_id
                WHERE cp.challenge_id = ? ORDER BY p.code""",
                rs -> new LinkedProject(rs.getString(1), rs.getString(2), LinkBasis.fromStored(rs.getString(3)),
                        rs.getString(4)), challengeId));
    }

    public List<LinkedChallenge> findByProject(long projectId) {
        return database.read(c -> Sql.query(c, """
                SELECT ch.id, ch.number, ch.title, cp.basis, cp.note
                FROM challenge_project cp JOIN challenge ch ON ch.id = cp.challenge_id
                WHERE cp.project_id = ? ORDER BY ch.number""",
                rs -> new LinkedChallenge(toChallenge(rs), LinkBasis.fromStored(rs.getString("basis")), rs.getString("note")),
                projectId));
    }

    /** How many steps each challenge spans and on how many journeys, for the list. */
    public record ChallengeSummary(Challenge challenge, long steps, long journeys, long projects) {
    }

    public List<ChallengeSummary> findAllWithCounts(long workspaceId) {
        return database.read(c -> Sql.query(c, """
                SELECT ch.id, ch.number, ch.title,
                       (SELECT count(*) FROM step_challenge sc WHERE sc.challenge_id = ch.id) AS steps,
                       (SELECT count(DISTINCT s.journey_id) FROM step_challenge sc JOIN step s ON s.id = sc.step_id
                          WHERE sc.challenge_id = ch.id) AS journeys,
                       (SELECT count(*) FROM challenge_project cp WHERE cp.challenge_id = ch.id) AS projects
                FROM challenge ch WHERE ch.workspace_id = ? ORDER BY ch.number""",
                rs -> new ChallengeSummary(toChallenge(rs), rs.getLong("steps"), rs.getLong("journeys"),
                        rs.getLong("projects")), workspaceId));
    }

    static Challenge toChallenge(ResultSet rs) throws SQLException {
        return new Challenge(rs.getLong("id"), rs.getInt("number"), rs.getString("title"));
    }

    /** The current version of one challenge, for the API's read (a client PATCHes what it read). */
    public long version(long id) {
        return database.read(c -> kusari.db.Sql.queryLong(c, "SELECT version FROM challenge WHERE id = ?", id));
    }
}
