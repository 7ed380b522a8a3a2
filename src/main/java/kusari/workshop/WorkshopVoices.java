package kusari.workshop;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kusari.core.Voices;
import kusari.db.Database;
import kusari.db.Sql;

/** The workshop's cards as the journey and challenge pages show them (see {@link Voices}). */
public final class WorkshopVoices implements Voices {

    private static final String VOICE = """
            SELECT k.id, k.kind, k.text, k.emotion, k.became, w.title,
                   COALESCE(w.held_on, substr(w.created_at, 1, 10)) AS held_on,
                   (SELECT COUNT(*) FROM workshop_vote v WHERE v.card_id = k.id) AS votes,
                   (SELECT l.reverted_by IS NOT NULL FROM change_log l
                    WHERE l.id = CAST(substr(k.became, instr(k.became, ':') + 1) AS INTEGER)) AS undone
            FROM workshop_card k JOIN workshop w ON w.id = k.workshop_id""";

    private final Database database;

    public WorkshopVoices(Database database) {
        this.database = database;
    }

    @Override
    public Map<Integer, List<Voice>> ofJourney(long journeyId) {
        // by the step itself: a card stays with its step when steps are inserted or moved; a deleted step's cards go
        List<Object[]> rows = database.read(c -> Sql.query(c, "SELECT s.position, " + VOICE.substring("SELECT ".length())
                + " JOIN step s ON s.id = k.step_id"
                + " WHERE w.journey_id = ? AND k.hidden = 0 AND k.withdrawn = 0 ORDER BY s.position, votes DESC, k.id",
                rs -> new Object[] {rs.getInt("position"), voice(rs)}, journeyId));
        Map<Integer, List<Voice>> byStep = new LinkedHashMap<>();
        for (Object[] row : rows) {
            byStep.computeIfAbsent((Integer) row[0], p -> new ArrayList<>()).add((Voice) row[1]);
        }
        return byStep;
    }

    @Override
    public List<Session> sessions(String ws, long journeyId) {
        return database.read(c -> Sql.query(c, "SELECT id, title, COALESCE(held_on, substr(created_at, 1, 10)),"
                + " status FROM workshop WHERE journey_id = ? ORDER BY id DESC", rs -> new Session(rs.getString(2),
                rs.getString(3), "OPEN".equals(rs.getString(4)), WorkshopPaths.BOARD.fill(ws, rs.getLong(1))), journeyId));
    }

    @Override
    public List<Voice> ofChallenge(long challengeId) {
        // a grouping undone in the history no longer counts: its change was reverted
        return database.read(c -> Sql.query(c, VOICE + " JOIN workshop_card_challenge g ON g.card_id = k.id"
                + " JOIN change_log l ON l.id = g.change_id"
                + " WHERE g.challenge_id = ? AND l.reverted_by IS NULL AND k.hidden = 0 AND k.withdrawn = 0"
                + " ORDER BY votes DESC, k.id", WorkshopVoices::voice, challengeId));
    }

    private static Voice voice(ResultSet rs) throws SQLException {
        // what a card became stops counting once that change was undone in the history
        String became = rs.getInt("undone") == 1 ? null : rs.getString("became");
        return new Voice(rs.getLong("id"), rs.getString("kind"), rs.getString("text"), Sql.getInteger(rs, "emotion"),
                rs.getInt("votes"), rs.getString("title"), rs.getString("held_on"),
                became == null ? null : became.substring(0, became.indexOf(':') < 0 ? became.length() : became.indexOf(':')));
    }
}
