package kusari.strategy;

import java.util.List;
import java.util.Map;
import kusari.db.Sql;
import kusari.change.Field;
import kusari.core.CodePattern;
import kusari.core.FieldError;
import kusari.challenge.ChallengeKinds;
import kusari.challenge.LinkBasis;
import kusari.change.Kind;
import kusari.change.LinkKind;
import kusari.change.WorkspaceKind;
import kusari.web.Links;

/** A strategy as people edit it: its framework tree and the funded projects. */
public final class StrategyKinds {

    private StrategyKinds() {
    }


    public static final Kind FRAMEWORK_NODE = Kind.builder("framework_node", "framework-nodes").key("code")
            .keyWithinLevel().label("title").ownWorkspace().orderedWithin("parent_id")
            .fields(
                    Field.reference("parent", "parent_id", "framework_node", false),
                    Field.text("code", "code", true, 20),
                    Field.text("title", "title", true, 200),
                    Field.textarea("description", "description", false, 4000))
            .rules(StrategyKinds::checkTreePlace, StrategyKinds::checkNodeCode, StrategyKinds::checkCodeWithinLevel)
            .viewer((c, ws, id) -> Links.frameworkNode(ws, Sql.queryOne(c,
                    "SELECT code FROM framework_node WHERE id = ?", rs -> rs.getString(1), id).orElseThrow(),
                    kusari.core.NodeCodes.levelIfRepeated(c, id)))
            .insertDefaults(Map.of("depth", 1L)).afterSave(StrategyKinds::fixDepths)
            // inserted at its depth already: at depth 1 first, a 戦略1 would meet 基本目標1 before fixDepths ran
            .derived((c, values) -> Map.of("depth", depthUnder(c, (Long) values.get("parent"))))
            .build();

    public static final Kind PROJECT = Kind.builder("project", "projects").key("code").label("name")
            .ownWorkspace().orderedWithin("node_id").unique("code")
            .fields(
                    Field.reference("node", "node_id", "framework_node", true),
                    Field.text("code", "code", true, 20),
                    Field.text("name", "name", true, 200),
                    Field.textarea("description", "description", false, 4000),
                    Field.flag("experienceChain", "experience_chain"),
                    Field.references("leads", new Field.Child("project_lead_actor", "project_id", "position"),
                            "actor_id", "actor"),
                    Field.budget("budget", new Field.Child("budget", "project_id", "fiscal_year")))
            .rules(StrategyKinds::checkProjectCode)
            .viewer((c, ws, id) -> Links.project(ws, Sql.queryOne(c, "SELECT code FROM project WHERE id = ?",
                    rs -> rs.getString(1), id).orElseThrow()))
            .build();

    /**
     * A node's parent may not be the node itself or one of its descendants (the tree would become a loop), and
     * the tree is no deeper than the workspace's levels allow: the deepest level is the projects'.
     */
    private static void checkTreePlace(java.sql.Connection c, long ws, Long id, Map<String, Object> values,
                                       List<FieldError> errors) throws java.sql.SQLException {
        Long parent = (Long) values.get("parent");
        if (parent == null) {
            return;
        }
        if (id != null && Sql.queryLong(c, """
                WITH RECURSIVE below(id) AS (
                    SELECT ? UNION ALL SELECT n.id FROM framework_node n JOIN below ON n.parent_id = below.id)
                SELECT COUNT(*) FROM below WHERE id = ?""", id, parent) > 0) {
            errors.add(FieldError.of("parent", "validation.cycle"));
            return;
        }
        long levels = Sql.queryLong(c, "SELECT COUNT(*) FROM framework_level WHERE workspace_id = ?", ws);
        long depth = depthUnder(c, parent);
        long subtree = id == null ? 0 : Sql.queryLong(c, """
                WITH RECURSIVE below(id, d) AS (
                    SELECT ?, 0 UNION ALL SELECT n.id, below.d + 1 FROM framework_node n JOIN below ON n.parent_id = below.id)
                SELECT MAX(d) FROM below""", id);
        if (levels >= 2 && depth + subtree > levels - 1) {
            errors.add(FieldError.of("parent", "validation.tooDeep", levels - 1));
        }
    }

    /**
     * A code is unique within a level, not across levels (基本目標1 and 戦略1 are two nodes). The node's own code is
     * checked at the depth its parent gives it; a node moved to another depth takes its subtree along, so each node
     * below it is checked at its new depth too.
     */
    private static void checkCodeWithinLevel(java.sql.Connection c, long ws, Long id, Map<String, Object> values,
                                             List<FieldError> errors) throws java.sql.SQLException {
        Long parent = (Long) values.get("parent");
        String code = (String) values.get("code");
        if (errors.stream().anyMatch(e -> e.field().equals("code") || e.field().equals("parent"))) {
            return;  // a code already refused, or a place that is not one, is not also reported as taken
        }
        long depth = depthUnder(c, parent);
        String subtree = """
                WITH RECURSIVE below(id, d) AS (
                    SELECT ?, 0 UNION ALL SELECT n.id, below.d + 1 FROM framework_node n JOIN below ON n.parent_id = below.id)
                """;
        if (code != null && !code.isBlank() && Sql.queryLong(c, subtree + """
                SELECT COUNT(*) FROM framework_node WHERE workspace_id = ? AND depth = ? AND code = ?
                AND NOT EXISTS (SELECT 1 FROM below WHERE below.id = framework_node.id)""", id, ws, depth, code) > 0) {
            errors.add(FieldError.of("code", "validation.codeTakenOnLevel", code, depth, levelLabel(c, ws, depth)));
            return;
        }
        if (id == null) {
            return;
        }
        List<String[]> clashes = Sql.query(c, subtree + """
                SELECT n.code, ? + below.d FROM below JOIN framework_node n ON n.id = below.id WHERE below.d > 0
                AND EXISTS (SELECT 1 FROM framework_node o WHERE o.workspace_id = ? AND o.code = n.code
                    AND o.depth = ? + below.d AND NOT EXISTS (SELECT 1 FROM below b WHERE b.id = o.id))
                ORDER BY below.d, n.position""", rs -> new String[] {rs.getString(1), rs.getString(2)},
                id, depth, ws, depth);
        if (!clashes.isEmpty()) {
            int at = Integer.parseInt(clashes.get(0)[1]);
            errors.add(FieldError.of("parent", "validation.subtreeCodeTaken", clashes.get(0)[0], at,
                    levelLabel(c, ws, at)));
        }
    }

    private static String levelLabel(java.sql.Connection c, long ws, long depth) throws java.sql.SQLException {
        return Sql.queryOne(c, "SELECT label FROM framework_level WHERE workspace_id = ? AND depth = ?",
                rs -> rs.getString(1), ws, depth).orElse("");
    }

    /** The depth a node under {@code parent} sits at: 1 at the top (no parent). */
    private static long depthUnder(java.sql.Connection c, Long parent) throws java.sql.SQLException {
        return parent == null ? 1 : Sql.queryLong(c, "SELECT depth FROM framework_node WHERE id = ?", parent) + 1;
    }

    /** A node's depth follows from its parent; moving a node moves its whole subtree. */
    private static void fixDepths(java.sql.Connection c, long id) throws java.sql.SQLException {
        String tree = """
                WITH RECURSIVE tree(id, depth) AS (
                    SELECT n.id, COALESCE((SELECT p.depth FROM framework_node p WHERE p.id = n.parent_id), 0) + 1
                    FROM framework_node n WHERE n.id = ?
                    UNION ALL
                    SELECT child.id, tree.depth + 1 FROM framework_node child JOIN tree ON child.parent_id = tree.id)
                """;
        if (Sql.queryLong(c, tree + "SELECT COUNT(*) FROM tree JOIN framework_node n ON n.id = tree.id"
                + " WHERE n.depth <> tree.depth", id) == 0) {
            return;
        }
        // SQLite checks a code's uniqueness within its level row by row: a subtree moving up a level would meet its
        // own old depths on the way (戦略1 over 施策1). Out of the way first, then to the depths they end at.
        Sql.update(c, tree + """
                UPDATE framework_node SET depth = (SELECT depth FROM tree WHERE tree.id = framework_node.id) + 1000000
                WHERE id IN (SELECT id FROM tree)""", id);
        Sql.update(c, "WITH RECURSIVE tree(id) AS (SELECT ? UNION ALL SELECT child.id FROM framework_node child"
                + " JOIN tree ON child.parent_id = tree.id)"
                + " UPDATE framework_node SET depth = depth - 1000000 WHERE id IN (SELECT id FROM tree)", id);
    }

    // --- frameworks of any municipality, budgets by funding source, roadmaps, partner municipalities ---

    private static final String PROJECT_WORKSPACE =
            "SELECT p.workspace_id FROM %s x JOIN project p ON p.id = x.project_id WHERE x.id = ?";

    /** Where a project's parts are shown: the project's page. */
    private static Kind.Viewer projectPage(String table) {
        return (c, ws, id) -> Links.project(ws, Sql.queryOne(c, "SELECT p.code FROM " + table
                + " x JOIN project p ON p.id = x.project_id WHERE x.id = ?", rs -> rs.getString(1), id).orElseThrow());
    }

    /** Part of a project's budget estimate for a fiscal year from one funding source, in thousand yen. */
    public static final Kind BUDGET_SOURCE = Kind.builder("budget_source", "budget-sources").key("id")
            .label("(SELECT code FROM project WHERE project.id = budget_source.project_id) || ' ' || fiscal_year || ' ' || source")
            .workspace(PROJECT_WORKSPACE.formatted("budget_source"))
            .fields(
                    Field.reference("project", "project_id", "project", true).onlyOnCreate(),
                    Field.year("fiscalYear", "fiscal_year", true),
                    Field.choice("source", "source", FundingSource.codes()),
                    Field.integer("thousandYen", "thousand_yen", true, 0, 100_000_000))
            .rules((c, ws, id, values, errors) -> {
                if (values.get("project") != null && values.get("fiscalYear") != null && Sql.queryLong(c, """
                        SELECT COUNT(*) FROM budget_source WHERE project_id = ? AND fiscal_year = ? AND source = ?
                        AND id IS NOT ?""", values.get("project"), values.get("fiscalYear"), values.get("source"),
                        id) > 0) {
                    errors.add(FieldError.of("source", "validation.sourceTaken"));
                }
            })
            .viewer(projectPage("budget_source"))
            .build();

    /** What a project does in one fiscal year of the plan period (ロードマップ). */
    public static final Kind ROADMAP_ENTRY = Kind.builder("roadmap_entry", "roadmap-entries").key("id")
            .label("(SELECT code FROM project WHERE project.id = roadmap_entry.project_id) || ' '"
                    + " || CASE WHEN track = '' THEN '' ELSE track || ' ' END || fiscal_year")
            .workspace(PROJECT_WORKSPACE.formatted("roadmap_entry"))
            .fields(
                    Field.reference("project", "project_id", "project", true).onlyOnCreate(),
                    // the roadmap's row (取組); empty for a roadmap of one row
                    Field.text("track", "track", false, 100).withDefault(""),
                    Field.year("fiscalYear", "fiscal_year", true),
                    Field.textarea("text", "text", true, 1000))
            .rules((c, ws, id, values, errors) -> {
                Long year = (Long) values.get("fiscalYear");
                if (year == null) {
                    return;
                }
                if (Sql.queryLong(c, "SELECT COUNT(*) FROM workspace WHERE id = ? AND ? BETWEEN plan_from AND plan_to",
                        ws, year) == 0) {
                    errors.add(FieldError.of("fiscalYear", "validation.outsidePlan"));
                } else if (values.get("project") != null && Sql.queryLong(c, """
                        SELECT COUNT(*) FROM roadmap_entry WHERE project_id = ? AND track = ? AND fiscal_year = ?
                        AND id IS NOT ?""", values.get("project"), values.get("track") == null ? "" : values.get("track"),
                        year, id) > 0) {
                    errors.add(FieldError.of("fiscalYear", "validation.yearTaken", year));
                }
            })
            .viewer(projectPage("roadmap_entry"))
            .build();

    /** A municipality taking part in a joint project (定住自立圏), its role and its share of the cost. */
    public static final Kind PROJECT_ROLE = Kind.builder("project_role", "project-roles").key("id")
            .label("municipality").workspace(PROJECT_WORKSPACE.formatted("project_role"))
            .fields(
                    Field.reference("project", "project_id", "project", true).onlyOnCreate(),
                    // one of the strategy's municipalities (workspace.municipalities), chosen from a select
                    Field.text("municipality", "municipality", true, 100).namedIn("workspace_municipality"),
                    Field.textarea("role", "role", true, 2000),
                    Field.decimal("sharePercent", "share_percent"))
            .rules((c, ws, id, values, errors) -> {
                Object project = values.get("project");
                Double share = (Double) values.get("sharePercent");
                if (share != null && (share < 0 || share > 100)) {
                    errors.add(FieldError.of("sharePercent", "validation.range", 0, 100));
                } else if (share != null && project != null && Sql.queryOne(c, """
                        SELECT COALESCE(SUM(share_percent), 0) FROM project_role WHERE project_id = ? AND id IS NOT ?""",
                        rs -> rs.getDouble(1), project, id).orElse(0.0) + share > 100.0001) {
                    errors.add(FieldError.of("sharePercent", "validation.sharesOver100"));
                }
                Object municipality = values.get("municipality");
                List<String> allowed = WorkspaceKind.municipalities(c, ws);
                if (municipality != null && !municipality.toString().isEmpty() && !allowed.contains(municipality)) {
                    errors.add(FieldError.of("municipality", "validation.municipalityNotListed", municipality,
                            String.join("、", allowed)));
                }
                if (project != null && Sql.queryLong(c, """
                        SELECT COUNT(*) FROM project_role WHERE project_id = ? AND municipality = ? AND id IS NOT ?""",
                        project, values.get("municipality"), id) > 0) {
                    errors.add(FieldError.of("municipality", "validation.unique", values.get("municipality")));
                }
            })
            .viewer(projectPage("project_role"))
            .build();

    /** A node's code follows the pattern of the level it sits on, when the workspace sets one. */
    private static void checkNodeCode(java.sql.Connection c, long ws, Long id, Map<String, Object> values,
                                      List<FieldError> errors) throws java.sql.SQLException {
        Long parent = (Long) values.get("parent");
        long depth = depthUnder(c, parent);
        checkCode(c, ws, (int) depth, (String) values.get("code"), errors);
    }

    /** A project's code follows the pattern of the deepest level, the projects'. */
    private static void checkProjectCode(java.sql.Connection c, long ws, Long id, Map<String, Object> values,
                                         List<FieldError> errors) throws java.sql.SQLException {
        long depth = Sql.queryLong(c, "SELECT COUNT(*) FROM framework_level WHERE workspace_id = ?", ws);
        checkCode(c, ws, (int) depth, (String) values.get("code"), errors);
    }

    private static void checkCode(java.sql.Connection c, long ws, int depth, String code, List<FieldError> errors)
            throws java.sql.SQLException {
        if (code == null || code.isBlank()) {
            return;
        }
        java.util.Optional<String> pattern = Sql.queryOne(c,
                "SELECT pattern FROM framework_code_pattern WHERE workspace_id = ? AND depth = ?",
                rs -> rs.getString(1), ws, depth);
        if (pattern.isPresent() && !CodePattern.matches(pattern.get(), code)) {
            errors.add(FieldError.of("code", "validation.codePattern", pattern.get()));
        }
    }

    /** basis: DOCUMENT when the source states the link, READING when a person read it into the source. */
    public static final LinkKind CHALLENGE_PROJECT = LinkKind.builder("challenge_project", "challenge-projects")
            .left(ChallengeKinds.CHALLENGE, "challenge_id").right(PROJECT, "project_id")
            .extra(
                    Field.choice("basis", "basis", LinkBasis.codes()),
                    Field.text("note", "note", false, 500))
            .build();
}
