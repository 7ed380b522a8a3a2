package kusari.indicator;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import kusari.db.Database;
import kusari.db.Sql;

/** All SQL for indicators. */
public final class IndicatorRepository implements IndicatorQueries {

    /** Every indicator with its owner's kind, key and title, whichever table the owner lives in. */
    private static final String SELECT = """
            SELECT i.id, i.kind, i.name, i.unit, i.direction, i.baseline_value, i.baseline_text, i.baseline_year,
                   i.baseline_source, i.target_value, i.target_text, i.target_fiscal_year,
                   CASE WHEN i.node_id IS NOT NULL THEN 'NODE'
                        WHEN i.project_id IS NOT NULL THEN 'PROJECT' ELSE 'CHALLENGE' END AS owner_type,
                   COALESCE(n.code, p.code, CAST(c.number AS TEXT)) AS owner_key,
                   COALESCE(n.title, p.name, c.title) AS owner_title,
                   COALESCE(i.node_id, i.project_id, i.challenge_id) AS owner_id
            FROM indicator i
            LEFT JOIN framework_node n ON n.id = i.node_id
            LEFT JOIN project p ON p.id = i.project_id
            LEFT JOIN challenge c ON c.id = i.challenge_id
            """;

    private final Database database;

    public IndicatorRepository(Database database) {
        this.database = database;
    }

    /** All indicators of a workspace: goal indicators first, then KPIs, then action indicators. */
    public List<Indicator> findAll(long workspaceId) {
        return database.read(c -> Sql.query(c, SELECT + """
                WHERE i.workspace_id = ?
                ORDER BY CASE i.kind WHEN 'GOAL' THEN 1 WHEN 'KPI' THEN 2 ELSE 3 END,
                         owner_type, owner_key, i.position""", IndicatorRepository::toIndicator, workspaceId));
    }

    /** Indicators of framework nodes, by node id, in order. */
    public Map<Long, List<Indicator>> byNode(long workspaceId) {
        return grouped(workspaceId, "i.node_id IS NOT NULL", "i.node_id");
    }

    /** Indicators of projects, by project id. */
    public Map<Long, List<Indicator>> byProject(long workspaceId) {
        return grouped(workspaceId, "i.project_id IS NOT NULL", "i.project_id");
    }

    public List<Indicator> findByChallenge(long challengeId) {
        return database.read(c -> Sql.query(c, SELECT + " WHERE i.challenge_id = ? ORDER BY i.position",
                IndicatorRepository::toIndicator, challengeId));
    }

    public List<Indicator> findByProject(long projectId) {
        return database.read(c -> Sql.query(c, SELECT + " WHERE i.project_id = ? ORDER BY i.position",
                IndicatorRepository::toIndicator, projectId));
    }

    private Map<Long, List<Indicator>> grouped(long workspaceId, String condition, String ownerColumn) {
        return database.read(c -> Sql.queryGrouped(c, SELECT + " WHERE i.workspace_id = ? AND " + condition
                        + " ORDER BY " + ownerColumn + ", i.position",
                rs -> rs.getLong("owner_id"), IndicatorRepository::toIndicator, workspaceId));
    }

    private static Indicator toIndicator(ResultSet rs) throws SQLException {
        return new Indicator(rs.getLong("id"), IndicatorKind.fromStored(rs.getString("kind")), rs.getString("name"),
                rs.getString("unit"), Direction.fromStored(rs.getString("direction")), Sql.getDouble(rs, "baseline_value"), rs.getString("baseline_text"),
                rs.getString("baseline_year"), rs.getString("baseline_source"), Sql.getDouble(rs, "target_value"),
                rs.getString("target_text"), Sql.getInteger(rs, "target_fiscal_year"), rs.getString("owner_type"),
                rs.getString("owner_key"), rs.getString("owner_title"));
    }
}
