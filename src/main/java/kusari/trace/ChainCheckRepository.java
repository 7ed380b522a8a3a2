package kusari.trace;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kusari.core.StoredCode;
import kusari.db.Sql;
import kusari.indicator.IndicatorKind;

/**
 * All SQL of the chain check: a handful of set-based reads over a whole workspace (never one per step), plus the
 * dismissals and the per-workspace choice of checks (tables of V030__chain_check.sql).
 */
final class ChainCheckRepository {

    private ChainCheckRepository() {
    }

    record StepRow(long id, long journeyId, String journeySlug, String journeyTitle, String personaLabel,
                   int position, String title, int emotionScore) {
        boolean troubled() {
            return emotionScore < 0;
        }
    }

    /** The journey filter of the step queries: every journey when {@code journey} is null. */
    private static final String JOURNEY = " AND (? IS NULL OR j.slug = ?)";

    /**
     * The steps in journey order; with {@code troubledOnly}, only the troubled ones (enough for the checks of one
     * troubled step, which need no neighbour).
     */
    static List<StepRow> steps(Connection c, long ws, String journey, boolean troubledOnly) throws SQLException {
        return Sql.query(c, """
                SELECT s.id, j.id, j.slug, j.title, p.label, s.position, s.title, s.emotion_score
                FROM step s JOIN journey j ON j.id = s.journey_id JOIN persona p ON p.id = j.persona_id
                WHERE j.workspace_id = ?""" + JOURNEY + troubled(troubledOnly) + " ORDER BY p.position, j.id, s.position",
                rs -> new StepRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), rs.getString(7), rs.getInt(8)), ws, journey, journey);
    }

    /**
     * The first {@code limit} troubled steps, in journey order, that break the one-step check {@code kind} (no one
     * acting, or no challenge): all the rows a window of that check's open breaks needs when none is dismissed,
     * where listing from every troubled step and its actors read a few hundred thousand rows after each change.
     */
    static List<StepRow> firstLacking(Connection c, long ws, String journey, BreakKind kind, int limit)
            throws SQLException {
        String lacking = switch (kind) {
            case TROUBLED_STEP_NO_ACTOR -> "NOT EXISTS (SELECT 1 FROM action a JOIN action_actor aa"
                    + " ON aa.action_id = a.id WHERE a.step_id = s.id)";
            case TROUBLED_STEP_NO_CHALLENGE -> "NOT EXISTS (SELECT 1 FROM step_challenge sc WHERE sc.step_id = s.id)";
            default -> throw new IllegalArgumentException("not a check of one step: " + kind);
        };
        return Sql.query(c, """
                SELECT s.id, j.id, j.slug, j.title, p.label, s.position, s.title, s.emotion_score
                FROM step s JOIN journey j ON j.id = s.journey_id JOIN persona p ON p.id = j.persona_id
                WHERE j.workspace_id = ?""" + JOURNEY + " AND s.emotion_score < 0 AND " + lacking
                + " ORDER BY p.position, j.id, s.position LIMIT ?",
                rs -> new StepRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), rs.getString(7), rs.getInt(8)), ws, journey, journey, limit);
    }

    private static String troubled(boolean only) {
        return only ? " AND s.emotion_score < 0" : "";
    }

    /** The actors acting at each step of the workspace (or at each troubled step). */
    static Map<Long, List<Long>> stepActors(Connection c, long ws, String journey, boolean troubledOnly)
            throws SQLException {
        return Sql.queryGrouped(c, """
                SELECT DISTINCT a.step_id, aa.actor_id FROM action a
                JOIN action_actor aa ON aa.action_id = a.id
                JOIN step s ON s.id = a.step_id JOIN journey j ON j.id = s.journey_id
                WHERE j.workspace_id = ?""" + JOURNEY + troubled(troubledOnly),
                rs -> rs.getLong(1), rs -> rs.getLong(2), ws, journey, journey);
    }

    static Map<Long, List<Long>> stepChallenges(Connection c, long ws, String journey, boolean troubledOnly)
            throws SQLException {
        return Sql.queryGrouped(c, """
                SELECT sc.step_id, sc.challenge_id FROM step_challenge sc
                JOIN step s ON s.id = sc.step_id JOIN journey j ON j.id = s.journey_id
                WHERE j.workspace_id = ?""" + JOURNEY + troubled(troubledOnly),
                rs -> rs.getLong(1), rs -> rs.getLong(2), ws, journey, journey);
    }

    /** The projects serving each step through its challenges. */
    static Map<Long, List<Long>> stepProjects(Connection c, long ws, String journey) throws SQLException {
        return Sql.queryGrouped(c, """
                SELECT DISTINCT sc.step_id, cp.project_id FROM step_challenge sc
                JOIN challenge_project cp ON cp.challenge_id = sc.challenge_id
                JOIN step s ON s.id = sc.step_id JOIN journey j ON j.id = s.journey_id
                WHERE j.workspace_id = ?""" + JOURNEY, rs -> rs.getLong(1), rs -> rs.getLong(2), ws, journey, journey);
    }

    /** A journey with steps (only those have a score), with its number of steps and of troubled steps. */
    record JourneyRow(long id, String slug, String title, String personaLabel, int steps, int troubled) {
    }

    static List<JourneyRow> journeyRows(Connection c, long ws, String journey) throws SQLException {
        return Sql.query(c, """
                SELECT j.id, j.slug, j.title, p.label, count(*), sum(s.emotion_score < 0)
                FROM journey j JOIN persona p ON p.id = j.persona_id JOIN step s ON s.journey_id = j.id
                WHERE j.workspace_id = ?""" + JOURNEY + " GROUP BY j.id ORDER BY p.position, j.id",
                rs -> new JourneyRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getInt(6)), ws, journey, journey);
    }

    /**
     * Breaks of one kind in one journey (null for breaks off the steps), as counted by the database: the open ones,
     * the score checks they fail, and the dismissed ones.
     */
    record TallyRow(Long journeyId, BreakKind kind, long open, long failing, long dismissed) {
    }

    /**
     * Every check of {@link ChainCheck} written as one aggregate query, so that the counts and scores of a large
     * workspace need no break built (nor its steps read into memory). Each branch yields the break's kind, subject
     * (its key is KIND:subject, as dismissals name it) and score weight; ChainCheckTest holds it to the same numbers
     * as the checks that list the breaks.
     */
    private static final String TALLY = """
            WITH s AS (
                SELECT s.id, s.journey_id AS j, s.position AS pos, s.emotion_score < 0 AS troubled,
                       EXISTS (SELECT 1 FROM action a JOIN action_actor aa ON aa.action_id = a.id
                               WHERE a.step_id = s.id) AS acted,
                       EXISTS (SELECT 1 FROM step_challenge sc WHERE sc.step_id = s.id) AS covered
                FROM step s JOIN journey jj ON jj.id = s.journey_id
                WHERE jj.workspace_id = :ws AND (:journey IS NULL OR jj.slug = :journey)
            ),
            o AS (
                SELECT s.*, LAG(id) OVER w AS prev, LAG(acted) OVER w AS prev_acted,
                       SUM(NOT troubled) OVER (PARTITION BY j ORDER BY pos ROWS UNBOUNDED PRECEDING) AS run
                FROM s WINDOW w AS (PARTITION BY j ORDER BY pos)
            ),
            stretch AS (
                SELECT j, min(pos) AS first, max(pos) AS last, count(*) AS n FROM o WHERE troubled
                GROUP BY j, run HAVING count(*) > 1
            ),
            found AS (
                SELECT j, 'TROUBLED_STEP_NO_ACTOR' AS kind, 'step:' || id AS subject, 1 AS weight FROM o
                WHERE troubled AND NOT acted
                UNION ALL
                SELECT j, 'TROUBLED_STEP_NO_CHALLENGE', 'step:' || id, 1 FROM o WHERE troubled AND NOT covered
                UNION ALL
                SELECT j, 'BROKEN_STRETCH', 'step:' || (SELECT id FROM step WHERE journey_id = j AND position = first)
                       || ':' || (SELECT id FROM step WHERE journey_id = j AND position = last), n - 1 FROM stretch
                UNION ALL
                SELECT j, 'HANDOFF_GAP', 'step:' || prev || ':' || id, 1 FROM o
                WHERE prev IS NOT NULL AND acted AND prev_acted
                  AND NOT EXISTS (SELECT 1 FROM action a1 JOIN action_actor x ON x.action_id = a1.id
                                  JOIN action a2 ON a2.step_id = o.id
                                  JOIN action_actor y ON y.action_id = a2.id AND y.actor_id = x.actor_id
                                  WHERE a1.step_id = o.prev)
                  AND NOT EXISTS (SELECT 1 FROM step_challenge c1
                                  JOIN step_challenge c2 ON c2.challenge_id = c1.challenge_id AND c2.step_id = o.id
                                  WHERE c1.step_id = o.prev)
                  AND NOT EXISTS (SELECT 1 FROM step_challenge c1
                                  JOIN challenge_project p1 ON p1.challenge_id = c1.challenge_id
                                  JOIN challenge_project p2 ON p2.project_id = p1.project_id
                                  JOIN step_challenge c2 ON c2.challenge_id = p2.challenge_id AND c2.step_id = o.id
                                  WHERE c1.step_id = o.prev)
                UNION ALL
                SELECT NULL, 'CHALLENGE_NO_PROJECT', 'challenge:' || ch.id, 1 FROM challenge ch
                WHERE :journey IS NULL AND ch.workspace_id = :ws
                  AND NOT EXISTS (SELECT 1 FROM challenge_project cp WHERE cp.challenge_id = ch.id)
                UNION ALL
                SELECT NULL, 'CHALLENGE_NO_ACTION_INDICATOR', 'challenge:' || ch.id, 1 FROM challenge ch
                WHERE :journey IS NULL AND ch.workspace_id = :ws
                  AND NOT EXISTS (SELECT 1 FROM indicator i WHERE i.challenge_id = ch.id AND i.kind = 'ACTION')
                UNION ALL
                SELECT NULL, 'PROJECT_NO_CHALLENGE', 'project:' || p.id, 1 FROM project p
                WHERE :journey IS NULL AND p.workspace_id = :ws
                  AND NOT EXISTS (SELECT 1 FROM challenge_project cp WHERE cp.project_id = p.id)
                UNION ALL
                SELECT NULL, 'PROJECT_NO_LEAD', 'project:' || p.id, 1 FROM project p
                WHERE :journey IS NULL AND p.workspace_id = :ws
                  AND NOT EXISTS (SELECT 1 FROM project_lead_actor l WHERE l.project_id = p.id)
                UNION ALL
                SELECT NULL, 'PROJECT_NO_BUDGET', 'project:' || p.id, 1 FROM project p
                WHERE :journey IS NULL AND p.workspace_id = :ws
                  AND (SELECT count(DISTINCT b.fiscal_year) FROM budget b WHERE b.project_id = p.id
                       AND b.fiscal_year BETWEEN :from AND :to) < :to - :from + 1
                UNION ALL
                SELECT NULL, 'INDICATOR_NO_BASELINE', 'indicator:' || i.id, 1 FROM indicator i
                WHERE :journey IS NULL AND i.workspace_id = :ws
                  AND NOT COALESCE(i.baseline_value IS NOT NULL OR trim(i.baseline_text) <> '', 0)
                UNION ALL
                SELECT NULL, 'INDICATOR_NO_TARGET', 'indicator:' || i.id, 1 FROM indicator i
                WHERE :journey IS NULL AND i.workspace_id = :ws
                  AND NOT COALESCE(i.target_value IS NOT NULL OR trim(i.target_text) <> '', 0)
                UNION ALL
                SELECT NULL, 'INDICATOR_NO_ACTUAL', 'indicator:' || i.id, 1 FROM indicator i
                WHERE :journey IS NULL AND :actual IS NOT NULL AND i.workspace_id = :ws
                  AND NOT EXISTS (SELECT 1 FROM actual a WHERE a.indicator_id = i.id AND a.fiscal_year = :actual
                                  AND a.state = 'ACTUAL')
            )
            SELECT f.j, f.kind, sum(d.id IS NULL), sum(CASE WHEN d.id IS NULL THEN f.weight ELSE 0 END),
                   sum(d.id IS NOT NULL)
            FROM found f LEFT JOIN chain_dismissal d ON d.workspace_id = :ws AND d.undone_at IS NULL
                 AND d.break_key = f.kind || ':' || f.subject
            GROUP BY f.j, f.kind""";

    /**
     * The same count for a workspace with no dismissal in force, the usual case: nothing to look up for each break
     * found, which at 100,000 steps is a tenth of the query. The parameters appear in the same order.
     */
    private static final String TALLY_NOTHING_DISMISSED = TALLY.substring(0, TALLY.lastIndexOf("SELECT f.j, f.kind"))
            + "SELECT f.j, f.kind, count(*), sum(f.weight), 0 FROM found f GROUP BY f.j, f.kind";

    static List<TallyRow> tally(Connection c, long ws, String journey, int planFrom, int planTo, Integer actualYear)
            throws SQLException {
        boolean dismissals = Sql.queryLong(c, "SELECT EXISTS (SELECT 1 FROM chain_dismissal WHERE workspace_id = ?"
                + " AND undone_at IS NULL)", ws) != 0;
        // SQLite numbers :name parameters in order of first appearance; the values go in that order
        return Sql.query(c, dismissals ? TALLY : TALLY_NOTHING_DISMISSED, rs -> {
            long j = rs.getLong(1);
            Long journeyId = rs.wasNull() ? null : j;
            return new TallyRow(journeyId, BreakKind.valueOf(rs.getString(2)), rs.getLong(3), rs.getLong(4),
                    rs.getLong(5));
        }, ws, journey, planFrom, planTo, actualYear);
    }

    record ChallengeRow(long id, int number, String title, long projects, long actionIndicators) {
    }

    static List<ChallengeRow> challenges(Connection c, long ws) throws SQLException {
        return Sql.query(c, """
                SELECT ch.id, ch.number, ch.title,
                       (SELECT count(*) FROM challenge_project cp WHERE cp.challenge_id = ch.id),
                       (SELECT count(*) FROM indicator i WHERE i.challenge_id = ch.id AND i.kind = 'ACTION')
                FROM challenge ch WHERE ch.workspace_id = ? ORDER BY ch.number""",
                rs -> new ChallengeRow(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getLong(4), rs.getLong(5)), ws);
    }

    record ProjectRow(long id, String code, String name, boolean servesChallenge, boolean hasLead, String budgetYears) {
    }

    static List<ProjectRow> projects(Connection c, long ws) throws SQLException {
        return Sql.query(c, """
                SELECT p.id, p.code, p.name,
                       EXISTS (SELECT 1 FROM challenge_project cp WHERE cp.project_id = p.id),
                       EXISTS (SELECT 1 FROM project_lead_actor l WHERE l.project_id = p.id),
                       (SELECT group_concat(b.fiscal_year) FROM budget b WHERE b.project_id = p.id)
                FROM project p WHERE p.workspace_id = ? ORDER BY p.code""",
                rs -> new ProjectRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4) == 1,
                        rs.getInt(5) == 1, rs.getString(6)), ws);
    }

    /** An indicator, what it hangs on (for the link) and which of its numbers are there. */
    record IndicatorRow(long id, IndicatorKind kind, String name, String ownerType, String ownerKey, boolean hasBaseline,
                        boolean hasTarget, boolean hasActual, int nodeDepth) {
    }

    static List<IndicatorRow> indicators(Connection c, long ws, Integer actualYear) throws SQLException {
        return Sql.query(c, """
                SELECT i.id, i.kind, i.name,
                       CASE WHEN i.node_id IS NOT NULL THEN 'NODE'
                            WHEN i.project_id IS NOT NULL THEN 'PROJECT' ELSE 'CHALLENGE' END,
                       COALESCE(n.code, p.code, CAST(ch.number AS TEXT)),
                       i.baseline_value IS NOT NULL OR trim(i.baseline_text) <> '',
                       i.target_value IS NOT NULL OR trim(i.target_text) <> '',
                       EXISTS (SELECT 1 FROM actual a WHERE a.indicator_id = i.id AND a.fiscal_year = ?
                               AND a.state = 'ACTUAL'),
                       COALESCE(n.depth, 0)
                FROM indicator i
                LEFT JOIN framework_node n ON n.id = i.node_id
                LEFT JOIN project p ON p.id = i.project_id
                LEFT JOIN challenge ch ON ch.id = i.challenge_id
                WHERE i.workspace_id = ?
                ORDER BY CASE i.kind WHEN 'GOAL' THEN 1 WHEN 'KPI' THEN 2 ELSE 3 END, 5, i.position""",
                rs -> new IndicatorRow(rs.getLong(1), IndicatorKind.fromStored(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6) == 1, rs.getInt(7) == 1, rs.getInt(8) == 1, rs.getInt(9)),
                actualYear == null ? -1 : actualYear, ws);
    }

    // --- dismissals ---

    private static final String DISMISSAL = """
            SELECT id, break_key, reason, dismissed_at, dismissed_by, undone_at, undone_by FROM chain_dismissal""";

    private static Dismissal toDismissal(ResultSet rs) throws SQLException {
        return new Dismissal(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7));
    }

    static List<Dismissal> activeDismissals(Connection c, long ws) throws SQLException {
        return Sql.query(c, DISMISSAL + " WHERE workspace_id = ? AND undone_at IS NULL", ChainCheckRepository::toDismissal, ws);
    }

    /** Every dismissal ever made in the workspace, newest first. */
    static List<Dismissal> dismissalHistory(Connection c, long ws) throws SQLException {
        return Sql.query(c, DISMISSAL + " WHERE workspace_id = ? ORDER BY id DESC", ChainCheckRepository::toDismissal, ws);
    }

    static Optional<Dismissal> dismissal(Connection c, long ws, long id) throws SQLException {
        return Sql.queryOne(c, DISMISSAL + " WHERE workspace_id = ? AND id = ?", ChainCheckRepository::toDismissal, ws, id);
    }

    static long insertDismissal(Connection c, long ws, String key, String reason, String by) throws SQLException {
        return Sql.insert(c, """
                INSERT INTO chain_dismissal (workspace_id, break_key, reason, dismissed_at, dismissed_by)
                VALUES (?, ?, ?, ?, ?)""", ws, key, reason, now(), by);
    }

    static void undoDismissal(Connection c, long id, String by) throws SQLException {
        Sql.update(c, "UPDATE chain_dismissal SET undone_at = ?, undone_by = ? WHERE id = ? AND undone_at IS NULL",
                now(), by, id);
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    // --- which checks apply ---

    static Set<BreakKind> enabledChecks(Connection c, long ws) throws SQLException {
        Set<BreakKind> enabled = EnumSet.allOf(BreakKind.class);
        for (String off : Sql.query(c, "SELECT check_kind FROM chain_check_setting WHERE workspace_id = ? AND enabled = 0",
                rs -> rs.getString(1), ws)) {
            // a check that no longer exists: nothing to switch off
            StoredCode.find(BreakKind.class, off).ifPresent(enabled::remove);
        }
        return enabled;
    }

    static void saveChecks(Connection c, long ws, Set<BreakKind> enabled) throws SQLException {
        for (BreakKind k : BreakKind.values()) {
            Sql.update(c, """
                    INSERT INTO chain_check_setting (workspace_id, check_kind, enabled) VALUES (?, ?, ?)
                    ON CONFLICT (workspace_id, check_kind) DO UPDATE SET enabled = excluded.enabled""",
                    ws, k.name(), enabled.contains(k) ? 1 : 0);
        }
    }
}
