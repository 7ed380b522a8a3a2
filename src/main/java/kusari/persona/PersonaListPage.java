package kusari.persona;

import java.util.List;
import kusari.core.Workspace;
import kusari.core.Ui;

/** All personas of a workspace as cards. */
public record PersonaListPage(Ui ui, Workspace workspace, List<Persona> personas) {
}
