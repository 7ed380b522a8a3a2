package kusari.strategy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import kusari.db.Database;
import kusari.db.Sql;

/** All SQL for workspaces, the framework tree, projects and budgets. */
public final class WorkspaceRepository {

    private final Database database;

    public WorkspaceRepository(Database database) {
        this.database = database;
    }

    /** The fiscal-year style the workspace chose in its review settings (issue 6), if any. */
    public Optional<String> yearStyle(long workspaceId) {
        return database.read(c -> Sql.queryOne(c, "SELECT year_style FROM review_setting WHERE workspace_id = ?",
                rs -> rs.getString(1), workspaceId));
    }

    /** The database, for the project page's plan (issue 6), read in the same package. */
    Database database() {
        return database;
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
        return Optional.of(new Workspace(w.id(), w.slug(), w.name(), w.fullName(), w.municipality(), w.published(),
                w.planFrom(), w.planTo(), w.description(), w.source(), levels));
    }

    public List<FrameworkNode> findNodes(long workspaceId) {
        return database.read(c -> Sql.query(c, """
                SELECT id, parent_id, depth, code, title, description FROM framework_node
                WHERE workspace_id = ? ORDER BY depth, position""", WorkspaceRepository::toNode, workspaceId));
    }

    public Optional<FrameworkNode> findNode(long nodeId) {
        return database.read(c -> Sql.queryOne(c, """
                SELECT id, parent_id, depth, code, title, description FROM framework_node WHERE id = ?""",
                WorkspaceRepository::toNode, nodeId));
    }

    /** The node and its ancestors, top first. */
    public List<FrameworkNode> pathTo(long nodeId) {
        return database.read(c -> Sql.query(c, """
                WITH RECURSIVE up(id, parent_id, depth, code, title, description) AS (
                    SELECT id, parent_id, depth, code, title, description FROM framework_node WHERE id = ?
                    UNION ALL
                    SELECT n.id, n.parent_id, n.depth, n.code, n.title, n.description
                    FROM framework_node n JOIN up ON n.id = up.parent_id)
                SELECT * FROM up ORDER BY depth""", WorkspaceRepository::toNode, nodeId));
    }

    public List<Project> findProjects(long workspaceId) {
        return database.read(c -> Sql.query(c, """
                SELECT p.id, p.node_id, p.code, p.name, p.description, p.experience_chain
                FROM project p JOIN framework_node n ON n.id = p.node_id
                WHERE p.workspace_id = ? ORDER BY p.code""", WorkspaceRepository::toProject, workspaceId));
    }

    public Optional<Project> findProject(long workspaceId, String code) {
        return database.read(c -> Sql.queryOne(c, """
                SELECT id, node_id, code, name, description, experience_chain FROM project
                WHERE workspace_id = ? AND code = ?""", WorkspaceRepository::toProject, workspaceId, code));
    }

    public List<Budget> findBudgets(long projectId) {
        return database.read(c -> Sql.query(c, """
                SELECT fiscal_year, thousand_yen FROM budget WHERE project_id = ? ORDER BY fiscal_year""",
                rs -> new Budget(rs.getInt(1), rs.getLong(2)), projectId));
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

    private static FrameworkNode toNode(ResultSet rs) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new FrameworkNode(rs.getLong("id"), parentId, rs.getInt("depth"), rs.getString("code"),
                rs.getString("title"), rs.getString("description"));
    }

    private static Project toProject(ResultSet rs) throws SQLException {
        return new Project(rs.getLong("id"), rs.getLong("node_id"), rs.getString("code"), rs.getString("name"),
                rs.getString("description"), rs.getInt("experience_chain") == 1);
    }
}
