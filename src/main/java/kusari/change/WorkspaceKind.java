package kusari.change;

import java.util.List;
import kusari.core.FieldError;
import kusari.db.Sql;
import kusari.web.Links;

/** The workspace itself as people edit it: its names, plan period, level names and code patterns. */
public final class WorkspaceKind {

    private WorkspaceKind() {
    }

    public static final Kind WORKSPACE = Kind.builder("workspace", "workspaces").key("slug").label("name")
            .workspace("SELECT id FROM workspace WHERE id = ?").unique("slug")
            .fields(
                    Field.slug("slug", "slug"),
                    Field.text("name", "name", true, 100),
                    Field.text("fullName", "full_name", false, 200),
                    Field.text("municipality", "municipality", true, 100),
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
            .build();
}
