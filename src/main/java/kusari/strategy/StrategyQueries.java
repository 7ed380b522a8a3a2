package kusari.strategy;

import java.util.List;

/** What other features read of the strategy: its framework tree and its projects. */
public interface StrategyQueries {
    /** The framework items, top level first. */
    List<FrameworkNode> findNodes(long workspaceId);

    List<Project> findProjects(long workspaceId);
}
