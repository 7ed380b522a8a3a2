package kusari.strategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kusari.change.WorkspaceKind;
import kusari.core.Ui;
import kusari.core.Workspace;
import kusari.db.Database;
import kusari.db.Sql;

/**
 * The 役割分担表 of a joint strategy (定住自立圏, 連携中枢都市圏), laid out as the source documents print it: the
 * strategy's municipalities as columns in the workspace's order, one row per project that has roles (code and
 * name), each cell that municipality's role and share. A strategy of one municipality says so.
 *
 * @param municipalities the columns: the workspace's municipalities, then (should a role name one the list lacks,
 *                       which the write path no longer lets happen) that one, so that no role is hidden
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
            List<String> municipalities = new ArrayList<>(WorkspaceKind.municipalities(c, ws.id()));
            Map<String, Line> lines = new LinkedHashMap<>();
            Sql.query(c, """
                    SELECT p.code, p.name, r.municipality, r.role, r.share_percent FROM project_role r
                    JOIN project p ON p.id = r.project_id WHERE p.workspace_id = ? ORDER BY p.code, r.id""", rs -> {
                String municipality = rs.getString(3);
                if (!municipalities.contains(municipality)) {
                    municipalities.add(municipality);
                }
                String code = rs.getString(1);
                Line line = lines.get(code);
                if (line == null) {
                    line = new Line(code, rs.getString(2), new LinkedHashMap<>());
                    lines.put(code, line);
                }
                line.cells().put(municipality, new Cell(rs.getString(4), Sql.getDouble(rs, "share_percent")));
                return null;
            }, ws.id());
            return new RolesPage(ui, ws, List.copyOf(municipalities), new ArrayList<>(lines.values()));
        });
    }

    /** A strategy of one municipality: there is nobody to share roles with. */
    public boolean single() {
        return municipalities.size() <= 1;
    }

    /** The municipalities as one name list, 「北川市・南山町」. */
    public String joined() {
        return String.join("・", municipalities);
    }

    public String share(Double percent) {
        return percent == null ? "" : kusari.indicator.Achievement.formatShown(percent) + "%";
    }
}
