package kusari.strategy;

import java.util.List;
import java.util.Optional;
import kusari.core.Ui;
import kusari.core.Workspace;

/** "About this strategy": the strategy around its chain, with the transcriber's readings of workspace.json. */
public record AboutPage(Ui ui, Workspace workspace, Optional<StrategyAbout> about, List<String> readings) {
}
