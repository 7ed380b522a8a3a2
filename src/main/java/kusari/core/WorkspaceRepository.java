package kusari.core;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import kusari.db.Database;
import kusari.db.Sql;

/** All SQL for workspaces themselves: finding them by slug, their level names, their chosen year style, their size. */
public final class WorkspaceRepository {

    private final Database database;

    public WorkspaceRepository(Database database) {
        this.database = database;
    }

    /** The fiscal-year style the workspace chose in its review settings, if any. */
    /** The generation of the stored data ({@link Database#generation}): what is read under one stays true under it. */
    public long generation() {
        return database.generation();
    }

    public Optional<String> yearStyle(long workspaceId) {
        return database.read(c -> Sql.queryOne(c, "SELECT year_style FROM review_setting WHERE workspace_id = ?",
                rs -> rs.getString(1), workspaceId));
    }

    public List<Workspace> findAll() {
        return database.read(c -> {
            List<Long> ids = Sql.query(c, "SELECT id FROM workspace ORDER BY id", rs -> rs.getLong(1));
            List<Workspace> all = new java.util.ArrayList<>();
            for (long id : ids) {
                all.add(load(c, "id = ?", id).orElseThrow());
            }
            return all;
        });
    }

    public Optional<Workspace> findBySlug(String slug) {
        return database.read(c -> load(c, "slug = ?", slug));
    }

    private static Optional<Workspace> load(Connection c, String where, Object key) throws SQLException {
        Optional<Workspace> found = Sql.queryOne(c, """
                SELECT id, slug, name, full_name, municipality, published, plan_from, plan_to, description, source
                FROM workspace WHERE %s""".formatted(where), rs -> toWorkspace(rs, List.of()), key);
        if (found.isEmpty()) {
            return found;
        }
        Workspace w = found.get();
        List<String> levels = Sql.query(c, "SELECT label FROM framework_level WHERE workspace_id = ? ORDER BY depth",
                rs -> rs.getString(1), w.id());
        java.util.Map<Integer, String> english = new java.util.HashMap<>();
        for (var row : Sql.query(c, "SELECT depth, label FROM framework_level_en WHERE workspace_id = ?",
                rs -> java.util.Map.entry(rs.getInt(1), rs.getString(2)), w.id())) {
            english.put(row.getKey(), row.getValue());
        }
        List<String> levelsEn = new java.util.ArrayList<>();
        for (int depth = 1; depth <= Math.max(levels.size(), english.keySet().stream().mapToInt(i -> i).max().orElse(0));
             depth++) {
            levelsEn.add(english.getOrDefault(depth, ""));
        }
        return Optional.of(new Workspace(w.id(), w.slug(), w.name(), w.fullName(), w.municipality(), w.published(),
                w.planFrom(), w.planTo(), w.description(), w.source(), levels, List.copyOf(levelsEn),
                NodeCodes.repeated(c, w.id())));
    }

    /** How much of the chain a workspace holds, for the home page. */
    public record Counts(long personas, long journeys, long steps, long challenges, long projects, long actors,
                         long indicators) {
    }

    public Counts counts(long workspaceId) {
        return database.read(c -> new Counts(
                Sql.queryLong(c, "SELECT count(*) FROM persona WHERE workspace_id = ?", workspaceId),
                Sql.queryLong(c, "SELECT count(*) FROM journey WHERE workspace_id = ?", workspaceId),
                Sql.queryLong(c, """
                        SELECT count(*) FROM step s JOIN journey j ON j.id = s.journey_id
                        WHERE j.workspace_id = ?""", workspaceId),
                Sql.queryLong(c, "SELECT count(*) FROM challenge WHERE workspace_id = ?", workspaceId),
                Sql.queryLong(c, "SELECT count(*) FROM project WHERE workspace_id = ?", workspaceId),
                Sql.queryLong(c, "SELECT count(*) FROM actor WHERE workspace_id = ?", workspaceId),
                Sql.queryLong(c, "SELECT count(*) FROM indicator WHERE workspace_id = ?", workspaceId)));
    }

    private static Workspace toWorkspace(ResultSet rs, List<String> levels) throws SQLException {
        return new Workspace(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("full_name"),
                rs.getString("municipality"), rs.getString("published"), rs.getInt("plan_from"), rs.getInt("plan_to"),
                rs.getString("description"), rs.getString("source"), levels);
    }
}
