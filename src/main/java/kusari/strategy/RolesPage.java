package kusari.strategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kusari.core.Ui;
import kusari.core.Workspace;
import kusari.db.Database;
import kusari.db.Sql;

/**
 * The 役割分担表 of a joint strategy (定住自立圏, 連携中枢都市圏): the workspace's municipalities as columns, in the
 * order they first appear, and one row per project that has roles, each cell the municipality's role and share.
 * A strategy of one municipality has no roles and the page says so.
 */
public record RolesPage(Ui ui, Workspace workspace, List<String> municipalities, List<Line> lines) {

    /** One municipality's part in a project. */
    public record Cell(String role, Double sharePercent) {
    }

    /** A project and each municipality's part in it (absent: no part). */
    public record Line(String code, String name, Map<String, Cell> cells) {
        public Cell cell(String municipality) {
            return cells.get(municipality);
        }
    }

    /** The projects that list partner municipalities, in code order, with their parts. */
    static RolesPage load(Database database, Ui ui, Workspace ws) {
        return database.read(c -> {
            Set<String> municipalities = new LinkedHashSet<>();
            Map<String, Line> lines = new LinkedHashMap<>();
            Sql.query(c, """
                    SELECT p.code, p.name, r.municipality, r.role, r.share_percent FROM project_role r
                    JOIN project p ON p.id = r.project_id WHERE p.workspace_id = ? ORDER BY p.code, r.id""", rs -> {
                String municipality = rs.getString(3);
                municipalities.add(municipality);
                lines.computeIfAbsent(rs.getString(1), code -> {
                    try {
                        return new Line(code, rs.getString(2), new LinkedHashMap<>());
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }).cells().put(municipality, new Cell(rs.getString(4), Sql.getDouble(rs, "share_percent")));
                return null;
            }, ws.id());
            return new RolesPage(ui, ws, List.copyOf(municipalities), new ArrayList<>(lines.values()));
        });
    }

    public String share(Double percent) {
        return percent == null ? "" : kusari.indicator.Achievement.formatShown(percent) + "%";
    }
}
