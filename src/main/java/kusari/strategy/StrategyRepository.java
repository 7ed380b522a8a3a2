package kusari.strategy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import kusari.db.Database;
import kusari.db.Sql;

/** All SQL for the framework tree, projects and budgets of a workspace. */
public final class StrategyRepository implements StrategyQueries {

    private final Database database;

    public StrategyRepository(Database database) {
        this.database = database;
    }

    /** The database, for the project page's plan, read in the same package. */
    Database database() {
        return database;
    }

    /** The workspace's municipalities in their order (one, or the members of a joint strategy). */
    public List<String> municipalities(long workspaceId) {
        return database.read(c -> kusari.change.WorkspaceKind.municipalities(c, workspaceId));
    }

    public List<FrameworkNode> findNodes(long workspaceId) {
        return database.read(c -> Sql.query(c, """
                SELECT id, parent_id, depth, code, title, description FROM framework_node
                WHERE workspace_id = ? ORDER BY depth, position""", StrategyRepository::toNode, workspaceId));
    }

    public Optional<FrameworkNode> findNode(long nodeId) {
        return database.read(c -> Sql.queryOne(c, """
                SELECT id, parent_id, depth, code, title, description FROM framework_node WHERE id = ?""",
                StrategyRepository::toNode, nodeId));
    }

    /** The node and its ancestors, top first. */
    public List<FrameworkNode> pathTo(long nodeId) {
        return database.read(c -> Sql.query(c, """
                WITH RECURSIVE up(id, parent_id, depth, code, title, description) AS (
                    SELECT id, parent_id, depth, code, title, description FROM framework_node WHERE id = ?
                    UNION ALL
                    SELECT n.id, n.parent_id, n.depth, n.code, n.title, n.description
                    FROM framework_node n JOIN up ON n.id = up.parent_id)
                SELECT * FROM up ORDER BY depth""", StrategyRepository::toNode, nodeId));
    }

    public List<Project> findProjects(long workspaceId) {
        return database.read(c -> Sql.query(c, """
                SELECT p.id, p.node_id, p.code, p.name, p.description, p.experience_chain
                FROM project p JOIN framework_node n ON n.id = p.node_id
                WHERE p.workspace_id = ? ORDER BY p.code""", StrategyRepository::toProject, workspaceId));
    }

    @Override
    public java.util.Map<Long, Long> projectCountsByNode(long workspaceId) {
        java.util.Map<Long, Long> counts = new java.util.HashMap<>();
        database.read(c -> Sql.query(c, "SELECT node_id, COUNT(*) FROM project WHERE workspace_id = ? GROUP BY node_id",
                rs -> counts.put(rs.getLong(1), rs.getLong(2)), workspaceId));
        return counts;
    }

    public Optional<Project> findProject(long workspaceId, String code) {
        return database.read(c -> Sql.queryOne(c, """
                SELECT id, node_id, code, name, description, experience_chain FROM project
                WHERE workspace_id = ? AND code = ?""", StrategyRepository::toProject, workspaceId, code));
    }

    public List<Budget> findBudgets(long projectId) {
        return database.read(c -> Sql.query(c, """
                SELECT fiscal_year, thousand_yen FROM budget WHERE project_id = ? ORDER BY fiscal_year""",
                rs -> new Budget(rs.getInt(1), rs.getLong(2)), projectId));
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

    /** The current version of one project, for the API's read (a client PATCHes what it read). */
    public long version(long id) {
        return database.read(c -> kusari.db.Sql.queryLong(c, "SELECT version FROM project WHERE id = ?", id));
    }
}
