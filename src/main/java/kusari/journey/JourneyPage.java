package kusari.journey;

import kusari.persona.Persona;
import kusari.strategy.Workspace;
import kusari.web.Ui;

/** One journey map on its own page: for the projector and for printing on A3. */
public record JourneyPage(Ui ui, Workspace workspace, Persona persona, JourneySection section) {
}
