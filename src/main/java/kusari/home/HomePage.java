package kusari.home;

import java.util.List;
import kusari.indicator.Indicator;
import kusari.persona.Persona;
import kusari.strategy.FrameworkNode;
import kusari.core.Workspace;
import kusari.core.WorkspaceRepository.Counts;
import kusari.core.Ui;

/** The strategy at a glance. */
public record HomePage(Ui ui, Workspace workspace, List<FieldSummary> fields, List<Persona> personas, Counts counts,
                       kusari.trace.ChainReport chain) {

    /** A policy field with its goal indicators and the personas who belong to it. */
    public record FieldSummary(FrameworkNode field, List<Indicator> goals, List<Persona> personas, long projects) {
    }
}
