package kusari.persona;

import java.util.List;

/** What other features read of personas: the workspace's personas in order. */
public interface PersonaQueries {
    List<Persona> findAll(long workspaceId);
}
