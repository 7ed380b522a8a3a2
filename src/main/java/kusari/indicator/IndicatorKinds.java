package kusari.indicator;

import java.util.List;
import java.util.Map;
import kusari.db.Sql;
import kusari.history.Field;
import kusari.history.FieldError;
import kusari.history.Kind;
import kusari.web.Links;

/**
 * An indicator as people edit it. It hangs on exactly one owner: a goal indicator on a framework node, a KPI
 * on a node or a project, an action indicator on a challenge.
 */
public final class IndicatorKinds {

    private IndicatorKinds() {
    }

    public static final Kind INDICATOR = new Kind("indicator", "indicators", "id", "name",
            Kind.ownWorkspace("indicator"), "workspace_id", List.of(),
            List.of(
                    Field.choice("kind", "kind", "GOAL", "KPI", "ACTION"),
                    Field.reference("node", "node_id", "framework_node", false),
                    Field.reference("project", "project_id", "project", false),
                    Field.reference("challenge", "challenge_id", "challenge", false),
                    Field.text("name", "name", true, 300),
                    Field.text("unit", "unit", false, 40),
                    Field.choice("direction", "direction", "INCREASE", "DECREASE", "MAINTAIN").withDefault("INCREASE"),
                    Field.decimal("baselineValue", "baseline_value"),
                    Field.text("baselineText", "baseline_text", false, 200),
                    Field.text("baselineYear", "baseline_year", false, 40),
                    Field.text("baselineSource", "baseline_source", false, 200),
                    Field.decimal("targetValue", "target_value"),
                    Field.text("targetText", "target_text", false, 200),
                    Field.year("targetFiscalYear", "target_fiscal_year", false)),
            List.of(IndicatorKinds::checkOwner),
            IndicatorKinds::ownerUrl,
            Map.of(), null);

    private static void checkOwner(java.sql.Connection c, long ws, Long id, Map<String, Object> values,
                                   List<FieldError> errors) {
        Object kind = values.get("kind");
        boolean node = values.get("node") != null;
        boolean project = values.get("project") != null;
        boolean challenge = values.get("challenge") != null;
        int owners = (node ? 1 : 0) + (project ? 1 : 0) + (challenge ? 1 : 0);
        boolean fits = owners == 1 && ("GOAL".equals(kind) ? node
                : "ACTION".equals(kind) ? challenge : !challenge);
        if (!fits) {
            errors.add(FieldError.of("kind", "validation.indicatorOwner"));
        }
    }

    private static String ownerUrl(java.sql.Connection c, String ws, long id) throws java.sql.SQLException {
        return Sql.queryOne(c, """
                SELECT n.code AS node, p.code AS project, ch.number AS challenge FROM indicator i
                LEFT JOIN framework_node n ON n.id = i.node_id
                LEFT JOIN project p ON p.id = i.project_id
                LEFT JOIN challenge ch ON ch.id = i.challenge_id WHERE i.id = ?""", rs -> {
                    if (rs.getString("project") != null) {
                        return Links.project(ws, rs.getString("project"));
                    }
                    if (rs.getString("challenge") != null) {
                        return Links.challenge(ws, rs.getInt("challenge"));
                    }
                    return Links.frameworkNode(ws, rs.getString("node"));
                }, id).orElseThrow();
    }
}
