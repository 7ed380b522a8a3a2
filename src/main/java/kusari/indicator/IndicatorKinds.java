package kusari.indicator;

import java.util.List;
import java.util.Map;
import kusari.db.Sql;
import kusari.change.Field;
import kusari.core.FieldError;
import kusari.core.StoredCode;
import kusari.change.Kind;
import kusari.core.YearStyle;
import kusari.web.Links;

/**
 * An indicator as people edit it. It hangs on exactly one owner: a goal indicator on a framework node, a KPI
 * on a node or a project, an action indicator on a challenge.
 */
public final class IndicatorKinds {

    private IndicatorKinds() {
    }

    public static final Kind INDICATOR = Kind.builder("indicator", "indicators").key("id").label("name")
            .ownWorkspace().orderedWithin("workspace_id")
            .fields(
                    Field.choice("kind", "kind", IndicatorKind.codes()),
                    Field.reference("node", "node_id", "framework_node", false),
                    Field.reference("project", "project_id", "project", false),
                    Field.reference("challenge", "challenge_id", "challenge", false),
                    Field.text("name", "name", true, 300),
                    Field.text("unit", "unit", false, 40),
                    Field.choice("direction", "direction", Direction.codes())
                            .withDefault(Direction.INCREASE.code()),
                    Field.decimal("baselineValue", "baseline_value"),
                    Field.text("baselineText", "baseline_text", false, 200),
                    Field.text("baselineYear", "baseline_year", false, 40),
                    Field.text("baselineSource", "baseline_source", false, 200),
                    Field.decimal("targetValue", "target_value"),
                    Field.text("targetText", "target_text", false, 200),
                    Field.year("targetFiscalYear", "target_fiscal_year", false),
                    // the same indicator in the municipality's earlier and later strategies shares this key
                    Field.text("lineage", "lineage", false, 100))
            .rules(IndicatorKinds::checkOwner)
            .viewer(IndicatorKinds::ownerUrl)
            .build();

    // --- the yearly review ---

    private static final String INDICATOR_WORKSPACE = "SELECT i.workspace_id FROM %s x JOIN indicator i ON i.id = x.indicator_id WHERE x.id = ?";

    /**
     * The value of an indicator for one fiscal year: the actual (実績値), a forecast (見込値) while the actual is not in,
     * or "cannot be assessed" with its reason in {@code note}. The review grid saves many at once through
     * {@link ReviewService}; forms and the API edit one.
     */
    public static final Kind ACTUAL = Kind.builder("actual", "actuals").key("id")
            .label("(SELECT name FROM indicator WHERE indicator.id = actual.indicator_id) || ' ' || fiscal_year")
            .workspace(INDICATOR_WORKSPACE.formatted("actual"))
            .fields(
                    Field.reference("indicator", "indicator_id", "indicator", true).onlyOnCreate(),
                    Field.year("fiscalYear", "fiscal_year", true).onlyOnCreate(),
                    Field.choice("state", "state", ValueState.codes()).withDefault(ValueState.ACTUAL.code()),
                    Field.decimal("value", "value"),
                    Field.text("dataDate", "data_date", false, 40),
                    Field.text("source", "source", false, 200),
                    Field.textarea("note", "note", false, 1000))
            .rules(IndicatorKinds::checkActual, oncePerYear("actual", "indicator_id", "indicator"))
            .viewer((c, ws, id) -> Links.indicators(ws))
            .build();

    /** An interim target (中間目標) of an indicator for one fiscal year. */
    public static final Kind INTERIM_TARGET = Kind.builder("interim_target", "interim-targets").key("id")
            .label("(SELECT name FROM indicator WHERE indicator.id = interim_target.indicator_id) || ' ' || fiscal_year")
            .workspace(INDICATOR_WORKSPACE.formatted("interim_target"))
            .fields(
                    Field.reference("indicator", "indicator_id", "indicator", true).onlyOnCreate(),
                    Field.year("fiscalYear", "fiscal_year", true),
                    Field.decimal("value", "value"))
            .rules((c, ws, id, values, errors) -> {
                if (values.get("value") == null) {
                    errors.add(FieldError.of("value", "validation.required"));
                }
            }, oncePerYear("interim_target", "indicator_id", "indicator"))
            .viewer((c, ws, id) -> Links.indicators(ws))
            .build();

    /**
     * The review of an indicator for a fiscal year: the computed grade overridden with a reason, the panel's
     * (有識者会議) comment, the department's comment and the next action.
     */
    public static final Kind INDICATOR_REVIEW = Kind.builder("indicator_review", "indicator-reviews").key("id")
            .label("(SELECT name FROM indicator WHERE indicator.id = indicator_review.indicator_id) || ' ' || fiscal_year")
            .workspace(INDICATOR_WORKSPACE.formatted("indicator_review"))
            .fields(
                    Field.reference("indicator", "indicator_id", "indicator", true).onlyOnCreate(),
                    Field.year("fiscalYear", "fiscal_year", true).onlyOnCreate(),
                    Field.text("gradeOverride", "grade_override", false, 20),
                    Field.textarea("overrideReason", "override_reason", false, 2000),
                    Field.textarea("panelComment", "panel_comment", false, 4000),
                    Field.textarea("departmentComment", "department_comment", false, 4000),
                    nextAction())
            .rules(IndicatorKinds::checkOverride, oncePerYear("indicator_review", "indicator_id", "indicator"))
            .viewer((c, ws, id) -> Links.indicators(ws))
            .build();

    /** The review of a project (事業) for a fiscal year. */
    public static final Kind PROJECT_REVIEW = Kind.builder("project_review", "project-reviews").key("id")
            .label("(SELECT code || ' ' || name FROM project WHERE project.id = project_review.project_id) || ' ' || fiscal_year")
            .workspace("SELECT p.workspace_id FROM project_review x JOIN project p ON p.id = x.project_id WHERE x.id = ?")
            .fields(
                    Field.reference("project", "project_id", "project", true).onlyOnCreate(),
                    Field.year("fiscalYear", "fiscal_year", true).onlyOnCreate(),
                    Field.textarea("panelComment", "panel_comment", false, 4000),
                    Field.textarea("departmentComment", "department_comment", false, 4000),
                    nextAction())
            .rules(oncePerYear("project_review", "project_id", "project"))
            .viewer((c, ws, id) -> Links.project(ws, Sql.queryOne(c, """
                    SELECT p.code FROM project_review x JOIN project p ON p.id = x.project_id WHERE x.id = ?""",
                    rs -> rs.getString(1), id).orElseThrow()))
            .build();

    /** How a workspace reviews: its evaluation scale, what the grade follows and how fiscal years are shown. */
    public static final Kind REVIEW_SETTING = Kind.builder("review_setting", "review-settings").key("id")
            .label("scale").ownWorkspace()
            .fields(
                    Field.text("scale", "scale", true, 300),
                    Field.choice("basis", "basis", ReviewBasis.codes()).withDefault(ReviewBasis.TARGET.code()),
                    Field.choice("yearStyle", "year_style", YearStyle.names()).withDefault("WAREKI_WESTERN"),
                    // −500, △500 or ▲500 on the pages, as the workspace's documents write negatives
                    Field.choice("negativeSign", "negative_sign", Achievement.NEGATIVE_SIGNS).withDefault("MINUS"))
            .rules((c, ws, id, values, errors) -> {
                try {
                    GradeScale.parse((String) values.get("scale"));
                } catch (IllegalArgumentException e) {
                    errors.add(FieldError.of("scale", "validation.gradeScale"));
                }
                if (Sql.queryLong(c, "SELECT COUNT(*) FROM review_setting WHERE workspace_id = ? AND id IS NOT ?",
                        ws, id) > 0) {
                    errors.add(FieldError.of("scale", "validation.settingExists"));
                }
            })
            .viewer((c, ws, id) -> Links.indicators(ws))
            .build();

    private static Field nextAction() {
        return Field.choice("nextAction", "next_action", NextAction.codes())
                .withDefault(NextAction.NONE.code()).optional();
    }

    /** One row per owner and fiscal year. */
    static Kind.Rule oncePerYear(String table, String ownerColumn, String ownerField) {
        return (c, ws, id, values, errors) -> {
            Object owner = values.get(ownerField);
            Object year = values.get("fiscalYear");
            if (owner != null && year != null && Sql.queryLong(c, "SELECT COUNT(*) FROM " + table + " WHERE "
                    + ownerColumn + " = ? AND fiscal_year = ? AND id IS NOT ?", owner, year, id) > 0) {
                errors.add(FieldError.of("fiscalYear", "validation.yearTaken", year));
            }
        };
    }

    /** A value unless it cannot be assessed; then the reason instead. */
    private static void checkActual(java.sql.Connection c, long ws, Long id, Map<String, Object> values,
                                    List<FieldError> errors) {
        boolean notAssessable = ValueState.NOT_ASSESSABLE.code().equals(values.get("state"));
        if (notAssessable && values.get("value") != null) {
            errors.add(FieldError.of("value", "validation.valueWhenNotAssessable"));
        }
        if (notAssessable && String.valueOf(values.getOrDefault("note", "")).isBlank()) {
            errors.add(FieldError.of("note", "validation.reasonRequired"));
        }
        if (!notAssessable && values.get("value") == null) {
            errors.add(FieldError.of("value", "validation.required"));
        }
    }

    /** An overridden grade must be one of the workspace's scale, and says why. */
    private static void checkOverride(java.sql.Connection c, long ws, Long id, Map<String, Object> values,
                                      List<FieldError> errors) throws java.sql.SQLException {
        String grade = String.valueOf(values.getOrDefault("gradeOverride", "")).strip();
        if (grade.isEmpty()) {
            return;
        }
        GradeScale scale = ReviewSettings.read(c, ws).scale();
        if (!scale.grades().contains(grade)) {
            errors.add(FieldError.of("gradeOverride", "validation.gradeNotInScale", String.join(", ", scale.grades())));
        }
        if (String.valueOf(values.getOrDefault("overrideReason", "")).isBlank()) {
            errors.add(FieldError.of("overrideReason", "validation.reasonRequired"));
        }
    }

    private static void checkOwner(java.sql.Connection c, long ws, Long id, Map<String, Object> values,
                                   List<FieldError> errors) {
        IndicatorKind kind = StoredCode.find(IndicatorKind.class, String.valueOf(values.get("kind"))).orElse(null);
        boolean node = values.get("node") != null;
        boolean project = values.get("project") != null;
        boolean challenge = values.get("challenge") != null;
        int owners = (node ? 1 : 0) + (project ? 1 : 0) + (challenge ? 1 : 0);
        boolean fits = owners == 1 && (kind == IndicatorKind.GOAL ? node
                : kind == IndicatorKind.ACTION ? challenge : !challenge);
        if (!fits) {
            errors.add(FieldError.of("kind", "validation.indicatorOwner"));
        }
    }

    private static String ownerUrl(java.sql.Connection c, String ws, long id) throws java.sql.SQLException {
        return Sql.queryOne(c, """
                SELECT n.code AS node, p.code AS project, ch.number AS challenge, """
                + kusari.core.NodeCodes.levelIfRepeatedSql("n") + """
                 AS level FROM indicator i
                LEFT JOIN framework_node n ON n.id = i.node_id
                LEFT JOIN project p ON p.id = i.project_id
                LEFT JOIN challenge ch ON ch.id = i.challenge_id WHERE i.id = ?""", rs -> {
                    if (rs.getString("project") != null) {
                        return Links.project(ws, rs.getString("project"));
                    }
                    if (rs.getString("challenge") != null) {
                        return Links.challenge(ws, rs.getInt("challenge"));
                    }
                    int level = rs.getInt("level");
                    return Links.frameworkNode(ws, rs.getString("node"), rs.wasNull() ? null : level);
                }, id).orElseThrow();
    }
}
