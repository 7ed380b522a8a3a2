package kusari.indicator;

import java.util.List;
import java.util.Map;

/** What other features read of indicators: those of a workspace, of a framework item, a challenge or a project. */
public interface IndicatorQueries {
    List<Indicator> findAll(long workspaceId);

    /** Goal indicators and KPIs by the framework item they measure. */
    Map<Long, List<Indicator>> byNode(long workspaceId);

    /** The action indicators of a challenge. */
    List<Indicator> findByChallenge(long challengeId);

    /** The KPIs of a project. */
    List<Indicator> findByProject(long projectId);
}
