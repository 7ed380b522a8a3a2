package kusari.core;

import java.util.List;

/** A strategy of one municipality: its name, plan period and the labels of its framework levels. */
public record Workspace(long id, String slug, String name, String fullName, String municipality, String published,
                        int planFrom, int planTo, String description, String source, List<String> levels) {

    /** The label of a framework depth (1 = top), e.g. 政策分野; the deepest label names projects. */
    public String levelLabel(int depth) {
        return depth >= 1 && depth <= levels.size() ? levels.get(depth - 1) : "";
    }

    /** The label of the project level, e.g. 事業. */
    public String projectLabel() {
        return levels.isEmpty() ? "" : levels.get(levels.size() - 1);
    }

    /** The label of the top level, e.g. 政策分野. */
    public String topLabel() {
        return levelLabel(1);
    }
}
