package kusari.actor;

import java.util.List;

/** What other features read of departments and partners: who leads a project, who can act on a step. */
public interface ActorQueries {

    /** An actor with how many actions, journeys and lead projects it has. */
    record ActorSummary(Actor actor, long actions, long journeys, long leadProjects) {
    }

    /** Every actor of the workspace with its counts, for the map editor's suggestions. */
    List<ActorSummary> findAllWithCounts(long workspaceId);

    /** The lead actors of a project (◆ on the project page). */
    List<Actor> findLeadsOfProject(long projectId);
}
