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

    static List<StepRow> steps(Connection c, long ws, String journey) throws SQLException {
        return Sql.query(c, """
                SELECT s.id, j.id, j.slug, j.title, p.label, s.position, s.title, s.emotion_score
                FROM step s JOIN journey j ON j.id = s.journey_id JOIN persona p ON p.id = j.persona_id
                WHERE j.workspace_id = ?""" + JOURNEY + " ORDER BY p.position, j.id, s.position",
                rs -> new StepRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), rs.getString(7), rs.getInt(8)), ws, journey, journey);
    }

    /** The actors acting at each step of the workspace. */
    static Map<Long, List<Long>> stepActors(Connection c, long ws, String journey) throws SQLException {
        return Sql.queryGrouped(c, """
                SELECT DISTINCT a.step_id, aa.actor_id FROM action a
                JOIN action_actor aa ON aa.action_id = a.id
                JOIN step s ON s.id = a.step_id JOIN journey j ON j.id = s.journey_id
                WHERE j.workspace_id = ?""" + JOURNEY, rs -> rs.getLong(1), rs -> rs.getLong(2), ws, journey, journey);
    }

    static Map<Long, List<Long>> stepChallenges(Connection c, long ws, String journey) throws SQLException {
        return Sql.queryGrouped(c, """
                SELECT sc.step_id, sc.challenge_id FROM step_challenge sc
                JOIN step s ON s.id = sc.step_id JOIN journey j ON j.id = s.journey_id
                WHERE j.workspace_id = ?""" + JOURNEY, rs -> rs.getLong(1), rs -> rs.getLong(2), ws, journey, journey);
    }

    /** The projects serving each step through its challenges. */
    static Map<Long, List<Long>> stepProjects(Connection c, long ws, String journey) throws SQLException {
        return Sql.queryGrouped(c, """
                SELECT DISTINCT sc.step_id, cp.project_id FROM step_challenge sc
                JOIN challenge_project cp ON cp.challenge_id = sc.challenge_id
                JOIN step s ON s.id = sc.step_id JOIN journey j ON j.id = s.journey_id
                WHERE j.workspace_id = ?""" + JOURNEY, rs -> rs.getLong(1), rs -> rs.getLong(2), ws, journey, journey);
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
                        boolean hasTarget, boolean hasActual) {
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
                               AND a.state = 'ACTUAL')
                FROM indicator i
                LEFT JOIN framework_node n ON n.id = i.node_id
                LEFT JOIN project p ON p.id = i.project_id
                LEFT JOIN challenge ch ON ch.id = i.challenge_id
                WHERE i.workspace_id = ?
                ORDER BY CASE i.kind WHEN 'GOAL' THEN 1 WHEN 'KPI' THEN 2 ELSE 3 END, 5, i.position""",
                rs -> new IndicatorRow(rs.getLong(1), IndicatorKind.fromStored(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6) == 1, rs.getInt(7) == 1, rs.getInt(8) == 1),
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
