package kusari.persona;

import java.util.List;
import kusari.journey.JourneySection;
import kusari.core.Workspace;
import kusari.core.Ui;

/** A persona's profile and journey map(s). */
public record PersonaPage(Ui ui, Workspace workspace, Persona persona, List<JourneySection> journeys,
                          List<String> readings) {
}
