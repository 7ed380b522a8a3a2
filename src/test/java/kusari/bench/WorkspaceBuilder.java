package kusari.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a workspace row by row straight into the schema, on one connection inside the caller's transaction.
 * Tests use it to build small workspaces with exactly the breaks they need; {@link SyntheticWorkspace} uses it to
 * build large ones. Statements are prepared once and reused, so tens of thousands of rows take seconds.
 */
public final class WorkspaceBuilder {

    private final Connection c;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private long workspaceId;
    private int position;

    public WorkspaceBuilder(Connection c) {
        this.c = c;
    }

    public long workspaceId() {
        return workspaceId;
    }

    private long insert(String sql, Object... params) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
            statements.put(sql, ps);
        }
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
            return keys.next() ? keys.getLong(1) : 0;
        }
    }

    /** Closes the prepared statements (the connection stays the caller's). */
    public void close() throws SQLException {
        for (PreparedStatement ps : statements.values()) {
            ps.close();
        }
        statements.clear();
    }

    public WorkspaceBuilder workspace(String slug, int planFrom, int planTo, String... levels) throws SQLException {
        workspaceId = insert("""
                INSERT INTO workspace (slug, name, municipality, plan_from, plan_to) VALUES (?, ?, ?, ?, ?)""",
                slug, slug + " strategy", "テスト市", planFrom, planTo);
        for (int i = 0; i < levels.length; i++) {
            insert("INSERT INTO framework_level (workspace_id, depth, label) VALUES (?, ?, ?)", workspaceId, i + 1,
                    levels[i]);
        }
        return this;
    }

    public long actor(String name, boolean government) throws SQLException {
        return insert("INSERT INTO actor (workspace_id, name, kind, position) VALUES (?, ?, ?, ?)", workspaceId, name,
                government ? "GOVERNMENT" : "PARTNER", ++position);
    }

    public long node(Long parentId, int depth, String code, String title) throws SQLException {
        return insert("""
                INSERT INTO framework_node (workspace_id, parent_id, depth, code, title, position)
                VALUES (?, ?, ?, ?, ?, ?)""", workspaceId, parentId, depth, code, title, ++position);
    }

    public long project(long nodeId, String code, String name) throws SQLException {
        return insert("INSERT INTO project (workspace_id, node_id, code, name, position) VALUES (?, ?, ?, ?, ?)",
                workspaceId, nodeId, code, name, ++position);
    }

    public void lead(long projectId, long actorId) throws SQLException {
        insert("INSERT INTO project_lead_actor (project_id, actor_id, position) VALUES (?, ?, 1)", projectId, actorId);
    }

    public void budget(long projectId, int fiscalYear, long thousandYen) throws SQLException {
        insert("INSERT INTO budget (project_id, fiscal_year, thousand_yen) VALUES (?, ?, ?)", projectId, fiscalYear,
                thousandYen);
    }

    public long persona(String slug, String label) throws SQLException {
        return insert("INSERT INTO persona (workspace_id, slug, label, position) VALUES (?, ?, ?, ?)", workspaceId, slug,
                label, ++position);
    }

    public long journey(long personaId, String slug, String title) throws SQLException {
        return insert("INSERT INTO journey (workspace_id, persona_id, slug, title) VALUES (?, ?, ?, ?)", workspaceId,
                personaId, slug, title);
    }

    public long step(long journeyId, int stepPosition, String title, int emotionScore, String painPoint)
            throws SQLException {
        return insert("""
                INSERT INTO step (journey_id, position, title, emotion_score, pain_point) VALUES (?, ?, ?, ?, ?)""",
                journeyId, stepPosition, title, emotionScore, painPoint);
    }

    /** One action at a step by the given actors. */
    public long act(long stepId, String text, long... actorIds) throws SQLException {
        long action = insert("INSERT INTO action (step_id, position, text) VALUES (?, ?, ?)", stepId, ++position, text);
        for (int i = 0; i < actorIds.length; i++) {
            insert("INSERT INTO action_actor (action_id, actor_id, position) VALUES (?, ?, ?)", action, actorIds[i], i + 1);
        }
        return action;
    }

    public long challenge(int number, String title) throws SQLException {
        return insert("INSERT INTO challenge (workspace_id, number, title) VALUES (?, ?, ?)", workspaceId, number, title);
    }

    public void stepChallenge(long stepId, long challengeId) throws SQLException {
        insert("INSERT INTO step_challenge (step_id, challenge_id) VALUES (?, ?)", stepId, challengeId);
    }

    public void challengeProject(long challengeId, long projectId) throws SQLException {
        insert("INSERT INTO challenge_project (challenge_id, project_id, basis) VALUES (?, ?, 'DOCUMENT')", challengeId,
                projectId);
    }

    /**
     * An indicator on a node (GOAL or KPI), a project (KPI) or a challenge (ACTION); baseline and target may be null.
     */
    public long indicator(String kind, Long nodeId, Long projectId, Long challengeId, String name, Double baseline,
                          Double target, Integer targetYear) throws SQLException {
        return insert("""
                INSERT INTO indicator (workspace_id, kind, node_id, project_id, challenge_id, position, name,
                                       baseline_value, target_value, target_fiscal_year)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", workspaceId, kind, nodeId, projectId, challengeId,
                ++position, name, baseline, target, targetYear);
    }

    public void actual(long indicatorId, int fiscalYear, double value) throws SQLException {
        insert("INSERT INTO actual (indicator_id, fiscal_year, value) VALUES (?, ?, ?)", indicatorId, fiscalYear, value);
    }
}
