package kusari.strategy;

import java.util.List;

/** What other features read of the strategy: its framework tree and how many projects hang under each item. */
public interface StrategyQueries {
    /** The framework items, top level first. */
    List<FrameworkNode> findNodes(long workspaceId);

    /** How many projects hang directly under each framework item, by the item's id. */
    java.util.Map<Long, Long> projectCountsByNode(long workspaceId);
}
