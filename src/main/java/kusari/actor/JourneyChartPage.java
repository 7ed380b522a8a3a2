package kusari.actor;

import java.util.List;
import kusari.actor.ActorRepository.JourneyRef;
import kusari.core.Workspace;
import kusari.core.Ui;

/** One journey's actors × steps chart with its filters. */
public record JourneyChartPage(Ui ui, Workspace workspace, JourneyChart chart, List<JourneyRef> journeys, ActorKind kind,
                               Integer fiscalYear, List<Integer> fiscalYears) {

    public long unownedTroubled() {
        return chart.steps().stream().filter(JourneyChart.StepColumn::troubledAndUnowned).count();
    }
}
