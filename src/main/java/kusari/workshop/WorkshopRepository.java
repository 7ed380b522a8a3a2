package kusari.workshop;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.web.EventHub;

/** The SQL of workshops, their participants, cards, votes and stored events. */
public final class WorkshopRepository {

    private static final String WORKSHOP = "SELECT id, workspace_id, journey_id, code, title, held_on, named, votes_each,"
            + " cards_shared, status, phase, focus_step, timer_ends_at, spotlight_card, version, created_at FROM workshop";
    private static final String CARD = "SELECT c.id, c.workshop_id, c.participant_id, c.step_position, c.kind, c.text,"
            + " c.emotion, c.hidden, c.withdrawn, c.became, c.version, c.created_at, c.step_id,"
            + " (SELECT COUNT(*) FROM workshop_vote v WHERE v.card_id = c.id) AS votes,"
            // a name only where the workshop is named: an anonymous workshop never shows one, whatever is stored
            + " COALESCE((SELECT p.name FROM workshop_participant p JOIN workshop n ON n.id = p.workshop_id"
            + " WHERE p.id = c.participant_id AND n.named = 1), '') AS author FROM workshop_card c";

    private final Database database;

    public WorkshopRepository(Database database) {
        this.database = database;
    }

    Database database() {
        return database;
    }

    Optional<Workshop> find(long workspaceId, long id) {
        return database.read(c -> find(c, workspaceId, id));
    }

    Optional<Workshop> find(Connection c, long workspaceId, long id) throws SQLException {
        return Sql.queryOne(c, WORKSHOP + " WHERE workspace_id = ? AND id = ?", WorkshopRepository::workshop,
                workspaceId, id);
    }

    Optional<Workshop> findByCode(String code) {
        return database.read(c -> findByCode(c, code));
    }

    Optional<Workshop> findByCode(Connection c, String code) throws SQLException {
        return Sql.queryOne(c, WORKSHOP + " WHERE code = ?", WorkshopRepository::workshop, code);
    }

    List<Workshop> findByJourney(long journeyId) {
        return database.read(c -> Sql.query(c, WORKSHOP + " WHERE journey_id = ? ORDER BY id DESC",
                WorkshopRepository::workshop, journeyId));
    }

    List<Workshop> findAll(long workspaceId) {
        return database.read(c -> Sql.query(c, WORKSHOP + " WHERE workspace_id = ? ORDER BY id",
                WorkshopRepository::workshop, workspaceId));
    }

    List<Card> cards(long workshopId) {
        return database.read(c -> cards(c, workshopId));
    }

    List<Card> cards(Connection c, long workshopId) throws SQLException {
        return Sql.query(c, CARD + " WHERE c.workshop_id = ? ORDER BY c.id", WorkshopRepository::card, workshopId);
    }

    Optional<Card> card(Connection c, long workshopId, long id) throws SQLException {
        return Sql.queryOne(c, CARD + " WHERE c.workshop_id = ? AND c.id = ?", WorkshopRepository::card, workshopId, id);
    }

    /** The participant whose cookie carries this token's hash, in this workshop only. */
    Optional<Long> participant(long workshopId, String tokenHash) {
        return database.read(c -> Sql.queryOne(c,
                "SELECT id FROM workshop_participant WHERE workshop_id = ? AND token_hash = ?",
                rs -> rs.getLong(1), workshopId, tokenHash));
    }

    int votesBy(Connection c, long workshopId, long participantId) throws SQLException {
        return (int) Sql.queryLong(c, "SELECT COUNT(*) FROM workshop_vote v JOIN workshop_card k ON k.id = v.card_id"
                + " WHERE k.workshop_id = ? AND v.participant_id = ?", workshopId, participantId);
    }

    List<Long> votedBy(long workshopId, long participantId) {
        return database.read(c -> Sql.query(c, "SELECT v.card_id FROM workshop_vote v JOIN workshop_card k"
                + " ON k.id = v.card_id WHERE k.workshop_id = ? AND v.participant_id = ? ORDER BY v.card_id",
                rs -> rs.getLong(1), workshopId, participantId));
    }

    /** The channel's events after {@code after}, at most a page at a time (the stream reads on). */
    List<EventHub.Event> events(long workshopId, long after) {
        return database.read(c -> Sql.query(c,
                "SELECT id, type, data FROM workshop_event WHERE workshop_id = ? AND id > ? ORDER BY id LIMIT ?",
                rs -> new EventHub.Event(rs.getLong(1), rs.getString(2), rs.getString(3)), workshopId, after,
                EventHub.PAGE));
    }

    long lastEvent(long workshopId) {
        return database.read(c -> Sql.queryLong(c,
                "SELECT COALESCE(MAX(id), 0) FROM workshop_event WHERE workshop_id = ?", workshopId));
    }

    /** The number a new 課題 of the workspace gets: the next after the highest. */
    int nextChallengeNumber(long workspaceId) {
        return (int) (long) database.read(c -> Sql.queryLong(c,
                "SELECT COALESCE(MAX(number), 0) + 1 FROM challenge WHERE workspace_id = ?", workspaceId));
    }

    /** The cards become evidence of a challenge, by the history entry that grouped them. */
    void groupIntoChallenge(List<Long> cardIds, long challengeId, long changeId) {
        database.inTransaction(c -> {
            for (long card : cardIds) {
                Sql.update(c, "INSERT OR REPLACE INTO workshop_card_challenge (card_id, challenge_id, change_id)"
                        + " VALUES (?, ?, ?)", card, challengeId, changeId);
            }
            return null;
        });
    }

    static long addEvent(Connection c, long workshopId, String type, String data, String now) throws SQLException {
        return Sql.insert(c, "INSERT INTO workshop_event (workshop_id, type, data, created_at) VALUES (?, ?, ?, ?)",
                workshopId, type, data, now);
    }

    private static Workshop workshop(ResultSet rs) throws SQLException {
        return new Workshop(rs.getLong("id"), rs.getLong("workspace_id"), rs.getLong("journey_id"), rs.getString("code"),
                rs.getString("title"), rs.getString("held_on"), rs.getInt("named") == 1, rs.getInt("votes_each"),
                rs.getInt("cards_shared") == 1, rs.getString("status"), rs.getString("phase"),
                Sql.getInteger(rs, "focus_step"), rs.getString("timer_ends_at"), Sql.getLong(rs, "spotlight_card"),
                rs.getLong("version"), rs.getString("created_at"));
    }

    private static Card card(ResultSet rs) throws SQLException {
        return new Card(rs.getLong("id"), rs.getLong("workshop_id"), Sql.getLong(rs, "participant_id"),
                rs.getInt("step_position"), rs.getString("kind"), rs.getString("text"), Sql.getInteger(rs, "emotion"),
                rs.getInt("hidden") == 1, rs.getInt("withdrawn") == 1, rs.getString("became"), rs.getLong("version"),
                rs.getString("created_at"), rs.getInt("votes"), Sql.getLong(rs, "step_id"), rs.getString("author"));
    }
}
