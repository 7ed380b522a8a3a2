package kusari.trace;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kusari.core.Workspace;
import kusari.db.Database;
import kusari.db.Sql;

/**
 * Which breaks of the chain check are a department's (or partner's) to look at, for the check's department filter:
 * the steps where it acts and the steps of the challenges its projects answer; the projects it leads and those
 * answering the challenges of its steps; those challenges; and the indicators of those projects and challenges.
 */
public final class DepartmentReach {

    /** An actor offered in the department filter. */
    public record ActorRef(long id, String name, String kind) {
    }

    /**
     * What one actor reaches. {@code steps} holds, per journey slug, the positions of its steps (a break's place
     * names its steps as {@code slug-position} or {@code slug-from..to}).
     */
    record Reach(ActorRef actor, Map<String, Set<Integer>> steps, Set<Long> challenges, Set<Long> projects,
                 Set<Long> indicators) {

        /** True when the break sits on something the actor reaches. */
        boolean touches(ChainBreak b) {
            String[] key = b.key().split(":");
            if (key.length < 3) {
                return false;
            }
            return switch (key[1]) {
                case "step" -> onSteps(b.place());
                case "challenge" -> challenges.contains(Long.parseLong(key[2]));
                case "project" -> projects.contains(Long.parseLong(key[2]));
                case "indicator" -> indicators.contains(Long.parseLong(key[2]));
                default -> false;
            };
        }

        /** A step break's place: one step, a hand-off (two) or a broken stretch (every step between). */
        private boolean onSteps(String place) {
            int dash = place.lastIndexOf('-');
            if (dash < 0) {
                return false;
            }
            Set<Integer> positions = steps.get(place.substring(0, dash));
            if (positions == null) {
                return false;
            }
            String range = place.substring(dash + 1);
            int dots = range.indexOf("..");
            int from = Integer.parseInt(dots < 0 ? range : range.substring(0, dots));
            int to = dots < 0 ? from : Integer.parseInt(range.substring(dots + 2));
            for (int p = from; p <= to; p++) {
                if (positions.contains(p)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final Database database;

    DepartmentReach(Database database) {
        this.database = database;
    }

    /** Every actor of the workspace, departments first, in the directory's order. */
    List<ActorRef> actors(Workspace ws) {
        return database.read(c -> Sql.query(c, """
                SELECT id, name, kind FROM actor WHERE workspace_id = ?
                ORDER BY CASE kind WHEN 'GOVERNMENT' THEN 0 ELSE 1 END, position, id""",
                rs -> new ActorRef(rs.getLong(1), rs.getString(2), rs.getString(3)), ws.id()));
    }

    /** What the actor reaches, or empty when it is not an actor of the workspace. */
    Optional<Reach> of(Workspace ws, long actorId) {
        return database.read(c -> {
            Optional<ActorRef> actor = Sql.queryOne(c, "SELECT id, name, kind FROM actor WHERE id = ? AND workspace_id = ?",
                    rs -> new ActorRef(rs.getLong(1), rs.getString(2), rs.getString(3)), actorId, ws.id());
            if (actor.isEmpty()) {
                return Optional.<Reach>empty();
            }
            Set<Long> led = new HashSet<>(Sql.query(c,
                    "SELECT project_id FROM project_lead_actor WHERE actor_id = ?", rs -> rs.getLong(1), actorId));
            Set<Long> acting = new HashSet<>(Sql.query(c, """
                    SELECT DISTINCT a.step_id FROM action a JOIN action_actor aa ON aa.action_id = a.id
                    WHERE aa.actor_id = ?""", rs -> rs.getLong(1), actorId));
            Set<Long> challenges = new HashSet<>(Sql.query(c, """
                    SELECT DISTINCT sc.challenge_id FROM step_challenge sc
                    JOIN action a ON a.step_id = sc.step_id JOIN action_actor aa ON aa.action_id = a.id
                    WHERE aa.actor_id = ?
                    UNION
                    SELECT cp.challenge_id FROM challenge_project cp
                    JOIN project_lead_actor pl ON pl.project_id = cp.project_id WHERE pl.actor_id = ?""",
                    rs -> rs.getLong(1), actorId, actorId));
            Set<Long> projects = new HashSet<>(led);
            // the projects answering the challenges of the steps it acts at
            projects.addAll(Sql.query(c, """
                    SELECT DISTINCT cp.project_id FROM challenge_project cp JOIN step_challenge sc
                    ON sc.challenge_id = cp.challenge_id JOIN action a ON a.step_id = sc.step_id
                    JOIN action_actor aa ON aa.action_id = a.id WHERE aa.actor_id = ?""", rs -> rs.getLong(1), actorId));
            Set<Long> steps = new HashSet<>(acting);
            // the steps its projects answer, through their challenges
            steps.addAll(Sql.query(c, """
                    SELECT DISTINCT sc.step_id FROM step_challenge sc JOIN challenge_project cp
                    ON cp.challenge_id = sc.challenge_id JOIN project_lead_actor pl ON pl.project_id = cp.project_id
                    WHERE pl.actor_id = ?""", rs -> rs.getLong(1), actorId));
            Map<String, Set<Integer>> positions = new HashMap<>();
            for (var row : Sql.query(c, """
                    SELECT s.id, j.slug, s.position FROM step s JOIN journey j ON j.id = s.journey_id
                    WHERE j.workspace_id = ?""", rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getInt(3)},
                    ws.id())) {
                if (steps.contains((Long) row[0])) {
                    positions.computeIfAbsent((String) row[1], k -> new HashSet<>()).add((Integer) row[2]);
                }
            }
            Set<Long> indicators = new HashSet<>();
            for (var row : Sql.query(c, "SELECT id, project_id, challenge_id FROM indicator WHERE workspace_id = ?",
                    rs -> new Long[] {rs.getLong(1), Sql.getLong(rs, "project_id"), Sql.getLong(rs, "challenge_id")},
                    ws.id())) {
                if ((row[1] != null && projects.contains(row[1])) || (row[2] != null && challenges.contains(row[2]))) {
                    indicators.add(row[0]);
                }
            }
            return Optional.of(new Reach(actor.get(), positions, challenges, projects, indicators));
        });
    }
}
