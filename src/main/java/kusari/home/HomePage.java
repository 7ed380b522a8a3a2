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

    /** Persona cards on the home page; with more, the page says how many and points to the persona list. */
    static final int PERSONAS_SHOWN = 48;
    /** Persona chips per policy field; the rest are counted. */
    static final int FIELD_PERSONAS_SHOWN = 12;

    public List<Persona> shownPersonas() {
        return personas.size() > PERSONAS_SHOWN ? personas.subList(0, PERSONAS_SHOWN) : personas;
    }

    public boolean personasCut() {
        return personas.size() > PERSONAS_SHOWN;
    }

    /** A policy field with its goal indicators and the personas who belong to it. */
    public record FieldSummary(FrameworkNode field, List<Indicator> goals, List<Persona> personas, long projects) {

        public List<Persona> shownPersonas() {
            return personas.size() > FIELD_PERSONAS_SHOWN ? personas.subList(0, FIELD_PERSONAS_SHOWN) : personas;
        }

        public int morePersonas() {
            return Math.max(0, personas.size() - FIELD_PERSONAS_SHOWN);
        }
    }
}
