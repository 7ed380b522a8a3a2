package kusari.change;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kusari.core.FieldError;
import kusari.db.Sql;
import kusari.web.Links;

/**
 * The workspace itself as people edit it: its names, its municipalities, plan period, level names and code patterns.
 * {@code municipality} is the one name pages show for the strategy (「茨城県小美玉市」, or 「北川市・南山町」 for a joint
 * vision); {@code municipalities} are the municipalities taking part, in order, whose roles the roles table shows.
 */
public final class WorkspaceKind {

    private WorkspaceKind() {
    }

    /** The most municipalities one strategy names (a 定住自立圏 or 連携中枢都市圏 has a dozen or so). */
    public static final int MAX_MUNICIPALITIES = 30;
    /** The longest name of one municipality, as long as the workspace's own municipality field. */
    public static final int MUNICIPALITY_LENGTH = 100;

    public static final Kind WORKSPACE = Kind.builder("workspace", "workspaces").key("slug").label("name")
            .workspace("SELECT id FROM workspace WHERE id = ?").unique("slug")
            .fields(
                    Field.slug("slug", "slug"),
                    Field.text("name", "name", true, 100),
                    Field.text("fullName", "full_name", false, 200),
                    Field.text("municipality", "municipality", true, 100),
                    // the municipalities of the strategy, in its documents' order: one, or several for a joint
                    // vision; left empty, the one named above (see municipalities() below)
                    Field.lines("municipalities", new Field.Child("workspace_municipality", "workspace_id", "position"),
                            "name", MAX_MUNICIPALITIES, MUNICIPALITY_LENGTH),
                    Field.text("published", "published", false, 100),
                    Field.year("planFrom", "plan_from", true),
                    Field.year("planTo", "plan_to", true),
                    Field.textarea("description", "description", false, 4000),
                    Field.textarea("source", "source", false, 2000),
                    Field.lines("levels", new Field.Child("framework_level", "workspace_id", "depth"), "label", 5),
                    // what English pages call each level, in the same order (blank: a generic term)
                    Field.lines("levelsEn", new Field.Child("framework_level_en", "workspace_id", "depth"), "label", 5),
                    // one code pattern per level, from the top (9 digit, A letter, * anything)
                    Field.lines("codePatterns", new Field.Child("framework_code_pattern", "workspace_id", "depth"),
                            "pattern", 5))
            .rules((c, ws, id, values, errors) -> {
                Long from = (Long) values.get("planFrom");
                Long to = (Long) values.get("planTo");
                if (from != null && to != null && to < from) {
                    errors.add(FieldError.of("planTo", "validation.planOrder"));
                }
                List<?> levels = (List<?>) values.getOrDefault("levels", List.of());
                if (levels.size() < 2) {
                    errors.add(FieldError.of("levels", "validation.levels"));
                }
                checkMunicipalities(c, id, values, errors);
                // an English label for a level the workspace does not have would silently never show
                List<?> english = (List<?>) values.getOrDefault("levelsEn", List.of());
                if (english.size() > levels.size()) {
                    errors.add(FieldError.of("levelsEn", "validation.tooManyLevelsEn", levels.size()));
                }
                List<?> patterns = (List<?>) values.getOrDefault("codePatterns", List.of());
                if (patterns.size() > levels.size()) {
                    errors.add(FieldError.of("codePatterns", "validation.tooManyPatterns", levels.size()));
                }
            })
            .viewer((c, ws, id) -> Links.home(Sql.queryOne(c, "SELECT slug FROM workspace WHERE id = ?",
                    rs -> rs.getString(1), id).orElseThrow()))
            // an empty list stands for the one municipality: the table always names at least one, for the roles
            .afterSave((c, id) -> Sql.update(c, """
                    INSERT INTO workspace_municipality (workspace_id, position, name)
                    SELECT id, 1, municipality FROM workspace w WHERE id = ?
                      AND NOT EXISTS (SELECT 1 FROM workspace_municipality m WHERE m.workspace_id = w.id)""", id))
            .build();

    /**
     * The municipalities an edit leaves the workspace with: the list as given, or when it is empty the one
     * municipality of the {@code municipality} field (as a data file without a list means).
     */
    public static List<String> municipalities(Map<String, Object> values) {
        List<String> list = new ArrayList<>();
        for (Object name : (List<?>) values.getOrDefault("municipalities", List.of())) {
            list.add(String.valueOf(name));
        }
        Object one = values.get("municipality");
        if (list.isEmpty() && one != null && !one.toString().isBlank()) {
            list.add(one.toString());
        }
        return list;
    }

    /** The municipalities of a stored workspace in their order (a project role names one of them). */
    public static List<String> municipalities(Connection c, long workspaceId) throws SQLException {
        List<String> list = Sql.query(c, "SELECT name FROM workspace_municipality WHERE workspace_id = ? ORDER BY position",
                rs -> rs.getString(1), workspaceId);
        if (list.isEmpty()) {
            list = Sql.query(c, "SELECT municipality FROM workspace WHERE id = ?", rs -> rs.getString(1), workspaceId);
        }
        return list;
    }

    /** No municipality twice, and none left out that a project role still names (the role would lose its place). */
    private static void checkMunicipalities(Connection c, Long id, Map<String, Object> values, List<FieldError> errors)
            throws SQLException {
        List<String> list = municipalities(values);
        Set<String> seen = new HashSet<>();
        for (String name : list) {
            if (!seen.add(name)) {
                errors.add(FieldError.of("municipalities", "validation.municipalityTwice", name));
                return;
            }
        }
        if (id == null) {
            return;
        }
        List<String> named = Sql.query(c, """
                SELECT DISTINCT r.municipality FROM project_role r JOIN project p ON p.id = r.project_id
                WHERE p.workspace_id = ? ORDER BY r.municipality""", rs -> rs.getString(1), id);
        List<String> missing = named.stream().filter(m -> !seen.contains(m)).toList();
        if (!missing.isEmpty()) {
            errors.add(FieldError.of("municipalities", "validation.municipalityHasRoles", String.join("・", missing)));
        }
    }
}
