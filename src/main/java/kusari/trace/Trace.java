package kusari.trace;

import java.util.List;

/**
 * Everything reachable from one thing along the chain: leftwards (towards the residents) and rightwards (towards
 * funding, the strategy and its indicators), never sideways. Columns follow {@link Layer}; edges run left to right.
 */
public record Trace(String workspace, String kind, String id, String startKey, String startTitle,
                    List<Column> columns, List<Edge> edges, Reach reach, List<Cut> cut) {

    /** A whole trace, nothing left out. */
    public Trace(String workspace, String kind, String id, String startKey, String startTitle,
                 List<Column> columns, List<Edge> edges, Reach reach) {
        this(workspace, kind, id, startKey, startTitle, columns, edges, reach, List.of());
    }

    /**
     * A layer that reached more than {@link TraceService#SHOWN_PER_LAYER} things: how many more were found (at
     * least; the walk does not follow them, so what lies beyond them is not counted). Empty for a whole trace, and
     * then the reach counts everything.
     */
    public record Cut(Layer layer, int notShown) {
    }

    /** One layer of the diagram; framework nodes get one column per depth, deepest (measures) first. */
    public record Column(Layer layer, Integer depth, String levelLabel, List<TraceNode> nodes) {
    }

    public record Edge(String from, String to) {
    }

    /**
     * What the trace reaches, counted once each: residents' journeys and troubled steps on the left, projects and
     * their budget on the right (a project reached along several paths is counted once); how many of those
     * projects have no estimate entered, so a sum over some of them is not read as the whole cost.
     */
    public record Reach(int personas, int journeys, int steps, List<String> troubledSteps, int projects,
                        List<TraceNode.BudgetYear> budgetByYear, long budgetTotalThousandYen,
                        int projectsWithoutBudget) {
    }

    public List<TraceNode> nodes() {
        return columns.stream().flatMap(c -> c.nodes().stream()).toList();
    }
}
