package kusari.strategy;

import java.util.List;
import java.util.Map;
import kusari.db.Sql;
import kusari.history.Field;
import kusari.history.FieldError;
import kusari.history.Kind;
import kusari.web.Links;

/** A strategy as people edit it: the workspace, its framework tree and the funded projects. */
public final class StrategyKinds {

    private StrategyKinds() {
    }

    public static final Kind WORKSPACE = new Kind("workspace", "workspaces", "slug", "name",
            "SELECT id FROM workspace WHERE id = ?", null, List.of("slug"),
            List.of(
                    Field.slug("slug", "slug"),
                    Field.text("name", "name", true, 100),
                    Field.text("fullName", "full_name", false, 200),
                    Field.text("municipality", "municipality", true, 100),
                    Field.text("published", "published", false, 100),
                    Field.year("planFrom", "plan_from", true),
                    Field.year("planTo", "plan_to", true),
                    Field.textarea("description", "description", false, 4000),
                    Field.textarea("source", "source", false, 2000),
                    Field.lines("levels", new Field.Child("framework_level", "workspace_id", "depth"), "label", 4)),
            List.of((c, ws, id, values, errors) -> {
                Long from = (Long) values.get("planFrom");
                Long to = (Long) values.get("planTo");
                if (from != null && to != null && to < from) {
                    errors.add(FieldError.of("planTo", "validation.planOrder"));
                }
                List<?> levels = (List<?>) values.getOrDefault("levels", List.of());
                if (levels.size() < 2) {
                    errors.add(FieldError.of("levels", "validation.levels"));
                }
            }),
            (c, ws, id) -> Links.home(Sql.queryOne(c, "SELECT slug FROM workspace WHERE id = ?",
                    rs -> rs.getString(1), id).orElseThrow()),
            Map.of(), null);

    public static final Kind FRAMEWORK_NODE = new Kind("framework_node", "framework-nodes", "code", "title",
            Kind.ownWorkspace("framework_node"), "parent_id", List.of("code"),
            List.of(
                    Field.reference("parent", "parent_id", "framework_node", false),
                    Field.text("code", "code", true, 20),
                    Field.text("title", "title", true, 200),
                    Field.textarea("description", "description", false, 4000)),
            List.of(StrategyKinds::checkTreePlace),
            (c, ws, id) -> Links.frameworkNode(ws, Sql.queryOne(c, "SELECT code FROM framework_node WHERE id = ?",
                    rs -> rs.getString(1), id).orElseThrow()),
            Map.of("depth", 1L), StrategyKinds::fixDepths);

    public static final Kind PROJECT = new Kind("project", "projects", "code", "name",
            Kind.ownWorkspace("project"), "node_id", List.of("code"),
            List.of(
                    Field.reference("node", "node_id", "framework_node", true),
                    Field.text("code", "code", true, 20),
                    Field.text("name", "name", true, 200),
                    Field.textarea("description", "description", false, 4000),
                    Field.flag("experienceChain", "experience_chain"),
                    Field.references("leads", new Field.Child("project_lead_actor", "project_id", "position"),
                            "actor_id", "actor"),
                    Field.budget("budget", new Field.Child("budget", "project_id", "fiscal_year"))),
            List.of(),
            (c, ws, id) -> Links.project(ws, Sql.queryOne(c, "SELECT code FROM project WHERE id = ?",
                    rs -> rs.getString(1), id).orElseThrow()),
            Map.of(), null);

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
        long depth = Sql.queryLong(c, "SELECT depth FROM framework_node WHERE id = ?", parent) + 1;
        long subtree = id == null ? 0 : Sql.queryLong(c, """
                WITH RECURSIVE below(id, d) AS (
                    SELECT ?, 0 UNION ALL SELECT n.id, below.d + 1 FROM framework_node n JOIN below ON n.parent_id = below.id)
                SELECT MAX(d) FROM below""", id);
        if (levels >= 2 && depth + subtree > levels - 1) {
            errors.add(FieldError.of("parent", "validation.tooDeep", levels - 1));
        }
    }

    /** A node's depth follows from its parent; moving a node moves its whole subtree. */
    private static void fixDepths(java.sql.Connection c, long id) throws java.sql.SQLException {
        Sql.update(c, """
                WITH RECURSIVE tree(id, depth) AS (
                    SELECT n.id, COALESCE((SELECT p.depth FROM framework_node p WHERE p.id = n.parent_id), 0) + 1
                    FROM framework_node n WHERE n.id = ?
                    UNION ALL
                    SELECT child.id, tree.depth + 1 FROM framework_node child JOIN tree ON child.parent_id = tree.id)
                UPDATE framework_node SET depth = (SELECT depth FROM tree WHERE tree.id = framework_node.id)
                WHERE id IN (SELECT id FROM tree)""", id);
    }
}
