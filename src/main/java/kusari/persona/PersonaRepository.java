package kusari.persona;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kusari.db.Database;
import kusari.db.Sql;

/** All SQL for personas and their attribute lists. */
public final class PersonaRepository implements PersonaQueries {

    private static final String SELECT = """
            SELECT p.id, p.slug, p.label, p.position, p.tagline, p.profile, p.story,
                   n.code AS field_code, n.title AS field_title
            FROM persona p LEFT JOIN framework_node n ON n.id = p.policy_field_id
            """;

    private final Database database;

    public PersonaRepository(Database database) {
        this.database = database;
    }

    public List<Persona> findAll(long workspaceId) {
        return database.read(c -> {
            List<Persona> bare = Sql.query(c, SELECT + " WHERE p.workspace_id = ? ORDER BY p.position",
                    PersonaRepository::toPersona, workspaceId);
            List<Persona> full = new ArrayList<>();
            for (Persona p : bare) {
                full.add(withAttributes(c, p));
            }
            return full;
        });
    }

    public Optional<Persona> findBySlug(long workspaceId, String slug) {
        return database.read(c -> {
            Optional<Persona> p = Sql.queryOne(c, SELECT + " WHERE p.workspace_id = ? AND p.slug = ?",
                    PersonaRepository::toPersona, workspaceId, slug);
            return p.isEmpty() ? p : Optional.of(withAttributes(c, p.get()));
        });
    }

    private static Persona withAttributes(Connection c, Persona p) throws SQLException {
        List<String> attributes = Sql.query(c, "SELECT text FROM persona_attribute WHERE persona_id = ? ORDER BY position",
                rs -> rs.getString(1), p.id());
        return new Persona(p.id(), p.slug(), p.label(), p.position(), p.tagline(), p.profile(), p.story(),
                p.policyFieldCode(), p.policyFieldTitle(), attributes);
    }

    private static Persona toPersona(ResultSet rs) throws SQLException {
        String code = rs.getString("field_code");
        String title = rs.getString("field_title");
        return new Persona(rs.getLong("id"), rs.getString("slug"), rs.getString("label"), rs.getInt("position"),
                rs.getString("tagline"), rs.getString("profile"), rs.getString("story"),
                code == null ? "" : code, title == null ? "" : title, List.of());
    }

    /** The current version of one persona, for the API's read (a client PATCHes what it read). */
    public long version(long id) {
        return database.read(c -> kusari.db.Sql.queryLong(c, "SELECT version FROM persona WHERE id = ?", id));
    }
}
