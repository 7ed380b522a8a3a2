package kusari.actor;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kusari.actor.Acting.ActionRow;
import kusari.actor.Acting.ActorRow;
import kusari.actor.Acting.StepRow;
import kusari.db.Database;
import kusari.db.Sql;

/** All SQL for actors and what they do. */
public final class ActorRepository implements ActorQueries {

    private final Database database;

    public ActorRepository(Database database) {
        this.database = database;
    }

    public List<ActorSummary> findAllWithCounts(long workspaceId) {
        // Counted in one pass over the workspace's actions, not once per actor.
        return database.read(c -> Sql.query(c, """
                SELECT a.id, a.name, a.kind, coalesce(ac.actions, 0) AS actions, coalesce(ac.journeys, 0) AS journeys,
                       coalesce(pl.projects, 0) AS lead_projects
                FROM actor a
                LEFT JOIN (SELECT aa.actor_id, count(*) AS actions, count(DISTINCT s.journey_id) AS journeys
                           FROM action_actor aa JOIN action x ON x.id = aa.action_id JOIN step s ON s.id = x.step_id
                           WHERE aa.actor_id IN (SELECT id FROM actor WHERE workspace_id = ?)
                           GROUP BY aa.actor_id) ac ON ac.actor_id = a.id
                LEFT JOIN (SELECT actor_id, count(*) AS projects FROM project_lead_actor
                           WHERE actor_id IN (SELECT id FROM actor WHERE workspace_id = ?)
                           GROUP BY actor_id) pl ON pl.actor_id = a.id
                WHERE a.workspace_id = ?
                ORDER BY CASE a.kind WHEN 'GOVERNMENT' THEN 1 ELSE 2 END, a.position""",
                rs -> new ActorSummary(toActor(rs), rs.getLong("actions"), rs.getLong("journeys"),
                        rs.getLong("lead_projects")), workspaceId, workspaceId, workspaceId));
    }

    public Optional<Actor> findById(long workspaceId, long id) {
        return database.read(c -> Sql.queryOne(c, "SELECT id, name, kind FROM actor WHERE workspace_id = ? AND id = ?",
                ActorRepository::toActor, workspaceId, id));
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
        return new Actor(rs.getLong("id"), rs.getString("name"), ActorKind.fromStored(rs.getString("kind")));
    }

    // --- who acts where, name history, and what measures it ---

    /** Everything {@link Acting} needs, read in one transaction. */
    public Acting acting(long workspaceId) {
        return database.read(c -> new Acting(actorRows(c, workspaceId), names(c, workspaceId), stepRows(c, workspaceId),
                actionRows(c, workspaceId)));
    }

    /** The workspace's actors in the directory's order, with their list position and version. */
    public List<ActorRow> actorRows(long workspaceId) {
        return database.read(c -> actorRows(c, workspaceId));
    }

    /** The personas that have steps, in persona order: the matrix's columns. */
    public List<ResponsibilityMatrix.Column> matrixColumns(long workspaceId) {
        return database.read(c -> Sql.query(c, """
                SELECT p.slug, p.label, n.code AS field_code FROM persona p
                LEFT JOIN framework_node n ON n.id = p.policy_field_id
                WHERE p.workspace_id = ?
                  AND EXISTS (SELECT 1 FROM journey j JOIN step s ON s.journey_id = j.id WHERE j.persona_id = p.id)
                ORDER BY p.position, (SELECT min(j.id) FROM journey j WHERE j.persona_id = p.id)""",
                rs -> new ResponsibilityMatrix.Column(rs.getString("slug"), rs.getString("label"),
                        rs.getString("field_code")), workspaceId));
    }

    /** Per actor, at how many steps of each persona's journeys it acts (by persona slug), counted in SQL. */
    public Map<Long, Map<String, Integer>> stepsByActorAndPersona(long workspaceId) {
        return database.read(c -> {
            Map<Long, Map<String, Integer>> result = new HashMap<>();
            Sql.query(c, """
                    SELECT aa.actor_id, p.slug, count(DISTINCT s.id) AS steps
                    FROM action_actor aa JOIN action x ON x.id = aa.action_id JOIN step s ON s.id = x.step_id
                    JOIN journey j ON j.id = s.journey_id JOIN persona p ON p.id = j.persona_id
                    WHERE j.workspace_id = ?
                    GROUP BY aa.actor_id, p.id""", rs -> {
                result.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
                return null;
            }, workspaceId);
            return result;
        });
    }

    /** How many steps and journeys an actor acts at, counted in SQL. */
    public record Reach(long steps, long journeys) {
    }

    /** Every actor's {@link Reach}, by actor id; an actor that acts nowhere is absent. */
    public Map<Long, Reach> reach(long workspaceId) {
        return database.read(c -> {
            Map<Long, Reach> result = new HashMap<>();
            Sql.query(c, """
                    SELECT aa.actor_id, count(DISTINCT s.id), count(DISTINCT s.journey_id)
                    FROM action_actor aa JOIN action x ON x.id = aa.action_id JOIN step s ON s.id = x.step_id
                    JOIN journey j ON j.id = s.journey_id
                    WHERE j.workspace_id = ?
                    GROUP BY aa.actor_id""", rs -> result.put(rs.getLong(1), new Reach(rs.getLong(2), rs.getLong(3))),
                    workspaceId);
            return result;
        });
    }

    /** The steps where an actor acts, as SQL for {@code IN (...)} with the actor id as its one parameter. */
    private static final String STEPS_OF_ACTOR = """
            SELECT x.step_id FROM action_actor aa JOIN action x ON x.id = aa.action_id WHERE aa.actor_id = ?""";

    /** The steps of one journey, as SQL for {@code IN (...)} with the journey id as its one parameter. */
    private static final String STEPS_OF_JOURNEY = "SELECT s.id FROM step s WHERE s.journey_id = ?";

    /** What {@link Acting} needs for one journey's chart: every actor and name, that journey's steps and actions. */
    public Acting actingOfJourney(long workspaceId, long journeyId) {
        return database.read(c -> new Acting(actorRows(c, workspaceId), names(c, workspaceId),
                stepRows(c, workspaceId, " AND j.id = ?", journeyId), actionRows(c, workspaceId, " AND j.id = ?", journeyId)));
    }

    /**
     * What {@link Acting} needs for one actor's page: every actor and name, but only the journeys where this actor
     * acts (whole, so that the hand-offs before and after each of its steps are right) with their actions.
     */
    public Acting actingOf(long workspaceId, long actorId) {
        String journeys = "SELECT s.journey_id FROM step s WHERE s.id IN (" + STEPS_OF_ACTOR + ")";
        return database.read(c -> new Acting(actorRows(c, workspaceId), names(c, workspaceId),
                stepRows(c, workspaceId, " AND j.id IN (" + journeys + ")", actorId),
                actionRows(c, workspaceId, " AND j.id IN (" + journeys + ")", actorId)));
    }

    // In the three lookups below the unary + keeps SQLite from scanning the workspace's index first: starting from
    // the actor's few steps is a thousand times faster on a large workspace.

    /** {@link #challengesByStep} for the steps where one actor acts. */
    public Map<Long, List<ChallengeRef>> challengesByStepOf(long workspaceId, long actorId) {
        return challengesByStepIn(workspaceId, STEPS_OF_ACTOR, actorId);
    }

    /** {@link #challengesByStep} for the steps of one journey. */
    public Map<Long, List<ChallengeRef>> challengesByStepOfJourney(long workspaceId, long journeyId) {
        return challengesByStepIn(workspaceId, STEPS_OF_JOURNEY, journeyId);
    }

    private Map<Long, List<ChallengeRef>> challengesByStepIn(long workspaceId, String steps, long key) {
        return database.read(c -> Sql.queryGrouped(c, """
                SELECT sc.step_id, ch.id, ch.number, ch.title FROM step_challenge sc
                JOIN challenge ch ON ch.id = sc.challenge_id
                WHERE +ch.workspace_id = ? AND sc.step_id IN (""" + steps + """
                ) ORDER BY sc.step_id, ch.number""",
                rs -> rs.getLong("step_id"), rs -> new ChallengeRef(rs.getLong("id"), rs.getInt("number"),
                        rs.getString("title")), workspaceId, key));
    }

    /** {@link #projectsByChallenge} for the challenges of the steps where one actor acts. */
    public Map<Long, List<ProjectRef>> projectsByChallengeOf(long workspaceId, long actorId) {
        return projectsByChallengeIn(workspaceId, STEPS_OF_ACTOR, actorId);
    }

    /** {@link #projectsByChallenge} for the challenges of one journey's steps. */
    public Map<Long, List<ProjectRef>> projectsByChallengeOfJourney(long workspaceId, long journeyId) {
        return projectsByChallengeIn(workspaceId, STEPS_OF_JOURNEY, journeyId);
    }

    private Map<Long, List<ProjectRef>> projectsByChallengeIn(long workspaceId, String steps, long key) {
        return database.read(c -> Sql.queryGrouped(c, """
                SELECT cp.challenge_id, p.id, p.code, p.name, cp.basis FROM challenge_project cp
                JOIN project p ON p.id = cp.project_id
                WHERE +p.workspace_id = ? AND cp.challenge_id IN (SELECT sc.challenge_id FROM step_challenge sc
                    WHERE sc.step_id IN (""" + steps + """
                )) ORDER BY cp.challenge_id, p.code""",
                rs -> rs.getLong("challenge_id"), rs -> new ProjectRef(rs.getLong("id"), rs.getString("code"),
                        rs.getString("name"), rs.getString("basis")), workspaceId, key));
    }

    /** {@link #leadsByProject} for the projects answering the challenges of the steps where one actor acts. */
    public Map<Long, List<Long>> leadsByProjectOf(long workspaceId, long actorId) {
        return leadsByProjectIn(workspaceId, STEPS_OF_ACTOR, actorId);
    }

    /** {@link #leadsByProject} for the projects answering the challenges of one journey's steps. */
    public Map<Long, List<Long>> leadsByProjectOfJourney(long workspaceId, long journeyId) {
        return leadsByProjectIn(workspaceId, STEPS_OF_JOURNEY, journeyId);
    }

    private Map<Long, List<Long>> leadsByProjectIn(long workspaceId, String steps, long key) {
        return database.read(c -> Sql.queryGrouped(c, """
                SELECT pl.project_id, pl.actor_id FROM project_lead_actor pl JOIN project p ON p.id = pl.project_id
                WHERE +p.workspace_id = ? AND pl.project_id IN (SELECT cp.project_id FROM challenge_project cp
                    WHERE cp.challenge_id IN (SELECT sc.challenge_id FROM step_challenge sc
                    WHERE sc.step_id IN (""" + steps + """
                ))) ORDER BY pl.project_id, pl.position""",
                rs -> rs.getLong("project_id"), rs -> rs.getLong("actor_id"), workspaceId, key));
    }

    /** {@link #latestActuals} of the given indicators only. */
    public Map<Long, Actual> latestActualsOf(java.util.Collection<Long> indicatorIds, Integer upTo) {
        Map<Long, Actual> latest = new LinkedHashMap<>();
        if (indicatorIds.isEmpty()) {
            return latest;
        }
        List<Object> params = new ArrayList<>(indicatorIds);
        params.add(upTo == null ? Integer.MAX_VALUE : upTo);
        return database.read(c -> {
            Sql.query(c, "SELECT a.indicator_id, a.fiscal_year, a.value FROM actual a WHERE a.indicator_id IN ("
                    + String.join(",", java.util.Collections.nCopies(indicatorIds.size(), "?")) + """
                    ) AND a.fiscal_year <= ? AND a.state = 'ACTUAL'
                    ORDER BY a.indicator_id, a.fiscal_year""",
                    rs -> latest.put(rs.getLong("indicator_id"), new Actual(rs.getInt("fiscal_year"), rs.getDouble("value"))),
                    params.toArray());
            return latest;
        });
    }

    private static List<ActorRow> actorRows(Connection c, long workspaceId) throws SQLException {
        return Sql.query(c, """
                SELECT id, name, kind, position, version FROM actor WHERE workspace_id = ?
                ORDER BY CASE kind WHEN 'GOVERNMENT' THEN 1 ELSE 2 END, position""",
                rs -> new ActorRow(toActor(rs), rs.getInt("position"), rs.getLong("version")), workspaceId);
    }

    /** The name history of every actor of a workspace. */
    public ActorNames names(long workspaceId) {
        return database.read(c -> names(c, workspaceId));
    }

    static ActorNames names(Connection c, long workspaceId) throws SQLException {
        // An actor without stored names has had its one name since the plan's first fiscal year.
        Map<Long, List<ActorName>> byActor = Sql.queryGrouped(c, """
                SELECT n.actor_id, n.from_fiscal_year, n.name FROM actor_name n JOIN actor a ON a.id = n.actor_id
                WHERE a.workspace_id = ?
                UNION ALL
                SELECT a.id, w.plan_from, a.name FROM actor a JOIN workspace w ON w.id = a.workspace_id
                WHERE a.workspace_id = ? AND NOT EXISTS (SELECT 1 FROM actor_name n WHERE n.actor_id = a.id)
                ORDER BY 1, 2""",
                rs -> rs.getLong(1), rs -> new ActorName(rs.getInt(2), rs.getString(3)), workspaceId, workspaceId);
        return new ActorNames(byActor);
    }

    /**
     * The names, old and new, that contain {@code query} by actor id, searched in SQL with the directory's folding
     * (width, case and spacing do not matter); an actor none of whose names match is absent.
     */
    public Map<Long, List<ActorName>> namesMatching(long workspaceId, String query) {
        String q = ActorNames.fold(query);
        return database.read(c -> {
            // SQLite has no Unicode normalisation: the search's own folding is given to it as a function.
            org.sqlite.Function.create(c.unwrap(org.sqlite.SQLiteConnection.class), "kusari_fold", new org.sqlite.Function() {
                @Override
                protected void xFunc() throws SQLException {
                    result(ActorNames.fold(value_text(0)));
                }
            });
            return Sql.queryGrouped(c, """
                    SELECT actor_id, from_fiscal_year, name FROM (
                        SELECT n.actor_id, n.from_fiscal_year, n.name FROM actor_name n JOIN actor a ON a.id = n.actor_id
                        WHERE a.workspace_id = ?
                        UNION ALL
                        SELECT a.id, w.plan_from, a.name FROM actor a JOIN workspace w ON w.id = a.workspace_id
                        WHERE a.workspace_id = ? AND NOT EXISTS (SELECT 1 FROM actor_name n WHERE n.actor_id = a.id))
                    WHERE instr(kusari_fold(name), ?) > 0
                    ORDER BY 1, 2""",
                    rs -> rs.getLong(1), rs -> new ActorName(rs.getInt(2), rs.getString(3)), workspaceId, workspaceId, q);
        });
    }

    private static List<StepRow> stepRows(Connection c, long workspaceId) throws SQLException {
        return stepRows(c, workspaceId, "");
    }

    /** The steps of the workspace, narrowed by {@code where} (" AND ..." on {@code j}, with its parameters). */
    private static List<StepRow> stepRows(Connection c, long workspaceId, String where, Object... params)
            throws SQLException {
        Object[] all = new Object[params.length + 1];
        all[0] = workspaceId;
        System.arraycopy(params, 0, all, 1, params.length);
        return Sql.query(c, """
                SELECT s.id, s.journey_id, j.slug AS journey_slug, j.title AS journey_title, p.slug AS persona_slug,
                       p.label AS persona_label, n.code AS field_code, s.position, s.title, s.emotion_text,
                       s.emotion_score, s.pain_point
                FROM step s JOIN journey j ON j.id = s.journey_id JOIN persona p ON p.id = j.persona_id
                LEFT JOIN framework_node n ON n.id = p.policy_field_id
                WHERE j.workspace_id = ?""" + where + """

                ORDER BY p.position, j.id, s.position""",
                rs -> new StepRow(rs.getLong("id"), rs.getLong("journey_id"), rs.getString("journey_slug"),
                        rs.getString("journey_title"), rs.getString("persona_slug"), rs.getString("persona_label"),
                        rs.getString("field_code"), rs.getInt("position"), rs.getString("title"),
                        rs.getString("emotion_text"), rs.getInt("emotion_score"), rs.getString("pain_point")),
                all);
    }

    private static List<ActionRow> actionRows(Connection c, long workspaceId) throws SQLException {
        return actionRows(c, workspaceId, "");
    }

    /** The actions of the workspace, narrowed by {@code where} (" AND ..." on {@code j}, with its parameters). */
    private static List<ActionRow> actionRows(Connection c, long workspaceId, String where, Object... params)
            throws SQLException {
        Object[] all = new Object[params.length + 1];
        all[0] = workspaceId;
        System.arraycopy(params, 0, all, 1, params.length);
        record Row(long actionId, long stepId, String text, Long actorId) {
        }
        List<Row> rows = Sql.query(c, """
                SELECT x.id, x.step_id, x.text, aa.actor_id
                FROM action x JOIN step s ON s.id = x.step_id JOIN journey j ON j.id = s.journey_id
                LEFT JOIN action_actor aa ON aa.action_id = x.id
                WHERE j.workspace_id = ?""" + where + """

                ORDER BY x.step_id, x.position, x.id, aa.position""",
                rs -> new Row(rs.getLong("id"), rs.getLong("step_id"), rs.getString("text"), Sql.getLong(rs, "actor_id")),
                all);
        Map<Long, ActionRow> byId = new LinkedHashMap<>();
        for (Row r : rows) {
            ActionRow a = byId.computeIfAbsent(r.actionId(), k -> new ActionRow(r.actionId(), r.stepId(), r.text(),
                    new ArrayList<>()));
            if (r.actorId() != null) {
                a.actorIds().add(r.actorId());
            }
        }
        return byId.values().stream().map(a -> new ActionRow(a.id(), a.stepId(), a.text(), List.copyOf(a.actorIds())))
                .toList();
    }

    /** A numbered challenge as a step refers to it. */
    public record ChallengeRef(long id, int number, String title) {
    }

    /** A project as a challenge refers to it; basis DOCUMENT or READING. */
    public record ProjectRef(long id, String code, String name, String basis) {
    }

    /** The challenges of each step of a workspace, by step id, in challenge number order. */
    public Map<Long, List<ChallengeRef>> challengesByStep(long workspaceId) {
        return database.read(c -> Sql.queryGrouped(c, """
                SELECT sc.step_id, ch.id, ch.number, ch.title FROM step_challenge sc
                JOIN challenge ch ON ch.id = sc.challenge_id
                WHERE ch.workspace_id = ? ORDER BY sc.step_id, ch.number""",
                rs -> rs.getLong("step_id"), rs -> new ChallengeRef(rs.getLong("id"), rs.getInt("number"),
                        rs.getString("title")), workspaceId));
    }

    /** The projects answering each challenge, by challenge id, in code order. */
    public Map<Long, List<ProjectRef>> projectsByChallenge(long workspaceId) {
        return database.read(c -> Sql.queryGrouped(c, """
                SELECT cp.challenge_id, p.id, p.code, p.name, cp.basis FROM challenge_project cp
                JOIN project p ON p.id = cp.project_id
                WHERE p.workspace_id = ? ORDER BY cp.challenge_id, p.code""",
                rs -> rs.getLong("challenge_id"), rs -> new ProjectRef(rs.getLong("id"), rs.getString("code"),
                        rs.getString("name"), rs.getString("basis")), workspaceId));
    }

    /** The lead actors of each project, by project id. */
    public Map<Long, List<Long>> leadsByProject(long workspaceId) {
        return database.read(c -> Sql.queryGrouped(c, """
                SELECT pl.project_id, pl.actor_id FROM project_lead_actor pl JOIN project p ON p.id = pl.project_id
                WHERE p.workspace_id = ? ORDER BY pl.project_id, pl.position""",
                rs -> rs.getLong("project_id"), rs -> rs.getLong("actor_id"), workspaceId));
    }

    /** One 実績値 of an indicator. */
    public record Actual(int fiscalYear, double value) {
    }

    /**
     * The latest actual of every indicator of a workspace that has one, by indicator id; with {@code upTo}, the
     * latest up to and including that fiscal year (what was known then).
     */
    public Map<Long, Actual> latestActuals(long workspaceId, Integer upTo) {
        return database.read(c -> {
            Map<Long, Actual> latest = new LinkedHashMap<>();
            Sql.query(c, """
                    SELECT a.indicator_id, a.fiscal_year, a.value FROM actual a JOIN indicator i ON i.id = a.indicator_id
                    WHERE i.workspace_id = ? AND a.fiscal_year <= ? AND a.state = 'ACTUAL'
                    ORDER BY a.indicator_id, a.fiscal_year""",
                    rs -> latest.put(rs.getLong("indicator_id"), new Actual(rs.getInt("fiscal_year"), rs.getDouble("value"))),
                    workspaceId, upTo == null ? Integer.MAX_VALUE : upTo);
            return latest;
        });
    }

    /** A top-level framework node (政策分野), for the matrix's filter. */
    public record PolicyField(String code, String title) {
    }

    public List<PolicyField> policyFields(long workspaceId) {
        return database.read(c -> Sql.query(c, """
                SELECT code, title FROM framework_node WHERE workspace_id = ? AND depth = 1 ORDER BY position""",
                rs -> new PolicyField(rs.getString("code"), rs.getString("title")), workspaceId));
    }

    // Writes take the caller's connection: ActorService runs them inside its one transaction.

    static Optional<ActorRow> findRow(Connection c, long workspaceId, long id) throws SQLException {
        return Sql.queryOne(c, "SELECT id, name, kind, position, version FROM actor WHERE workspace_id = ? AND id = ?",
                rs -> new ActorRow(toActor(rs), rs.getInt("position"), rs.getLong("version")), workspaceId, id);
    }

    /** The names stored for one actor, oldest first (empty until its first rename, for actors added after V009). */
    static List<ActorName> storedNamesOf(Connection c, long actorId) throws SQLException {
        return Sql.query(c, "SELECT from_fiscal_year, name FROM actor_name WHERE actor_id = ? ORDER BY from_fiscal_year",
                rs -> new ActorName(rs.getInt(1), rs.getString(2)), actorId);
    }

    /** Sets the name from a fiscal year on (replacing a name that took effect in that same year). */
    static void putName(Connection c, long actorId, int fromFiscalYear, String name) throws SQLException {
        Sql.update(c, """
                INSERT INTO actor_name (actor_id, from_fiscal_year, name) VALUES (?, ?, ?)
                ON CONFLICT (actor_id, from_fiscal_year) DO UPDATE SET name = excluded.name""",
                actorId, fromFiscalYear, name);
    }

    /** Keeps actor.name equal to the newest name and bumps the version, if the row is still at {@code version}. */
    static int syncNewestName(Connection c, long actorId, long version) throws SQLException {
        return Sql.update(c, """
                UPDATE actor SET version = version + 1,
                       name = (SELECT name FROM actor_name WHERE actor_id = actor.id ORDER BY from_fiscal_year DESC LIMIT 1)
                WHERE id = ? AND version = ?""", actorId, version);
    }

    /** A journey as the chart names it. */
    public record JourneyRef(long id, String slug, String title, String personaSlug, String personaLabel) {
    }

    public List<JourneyRef> journeys(long workspaceId) {
        return database.read(c -> Sql.query(c, """
                SELECT j.id, j.slug, j.title, p.slug AS persona_slug, p.label AS persona_label
                FROM journey j JOIN persona p ON p.id = j.persona_id
                WHERE j.workspace_id = ? ORDER BY p.position, j.id""",
                rs -> new JourneyRef(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
                        rs.getString("persona_slug"), rs.getString("persona_label")), workspaceId));
    }

    /** The transcriber's readings of one actor (actors.json), in their order. */
    public List<String> readings(long actorId) {
        return database.read(c -> Sql.query(c, """
                SELECT text FROM reading WHERE subject_type = 'ACTOR' AND subject_id = ? ORDER BY position""",
                rs -> rs.getString(1), actorId));
    }
}
