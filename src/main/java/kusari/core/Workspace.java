package kusari.core;

import java.util.List;

/**
 * A strategy of one municipality: its name, plan period and the labels of its framework levels.
 *
 * @param levels   the level names as the reader sees them: the workspace's own (Japanese) names, or on English
 *                 pages the English labels ({@link #inEnglish})
 * @param levelsEn the English labels the workspace gives its levels, as stored ("" for a level without one)
 * @param repeatedCodes the framework codes found on more than one level (基本目標1 and 戦略1): links to those nodes
 *                 name the level too ({@link #levelOf})
 */
public record Workspace(long id, String slug, String name, String fullName, String municipality, String published,
                        int planFrom, int planTo, String description, String source, List<String> levels,
                        List<String> levelsEn, java.util.Set<String> repeatedCodes) {

    public Workspace(long id, String slug, String name, String fullName, String municipality, String published,
                     int planFrom, int planTo, String description, String source, List<String> levels,
                     List<String> levelsEn) {
        this(id, slug, name, fullName, municipality, published, planFrom, planTo, description, source, levels,
                levelsEn, java.util.Set.of());
    }

    public Workspace(long id, String slug, String name, String fullName, String municipality, String published,
                     int planFrom, int planTo, String description, String source, List<String> levels) {
        this(id, slug, name, fullName, municipality, published, planFrom, planTo, description, source, levels,
                List.of());
    }

    /**
     * This workspace as an English page names its levels: the English label where the workspace gives one, else
     * the generic term of {@code ui} ("level 1 item", …, "project" for the deepest level), never the Japanese name
     * spliced into an English sentence.
     */
    public Workspace inEnglish(Ui ui) {
        List<String> shown = new java.util.ArrayList<>();
        for (int depth = 1; depth <= levels.size(); depth++) {
            String label = depth <= levelsEn.size() ? levelsEn.get(depth - 1).strip() : "";
            if (label.isEmpty()) {
                label = depth == levels.size() ? ui.t("level.generic.project") : ui.t("level.generic", depth);
            }
            shown.add(label);
        }
        return new Workspace(id, slug, name, fullName, municipality, published, planFrom, planTo, description, source,
                List.copyOf(shown), levelsEn, repeatedCodes);
    }

    /**
     * The level a reference to the node {@code code} at {@code depth} names: the depth when the code is on more than
     * one level of this workspace, else null (the code alone names it, as in every link made before).
     */
    public Integer levelOf(String code, int depth) {
        return repeatedCodes.contains(code) ? depth : null;
    }

    /**
     * A level's label with a code, as headings write it: 「政策分野1」 in Japanese, "policy field 1" when the label
     * ends in a Latin letter.
     */
    public String labelWithCode(int depth, String code) {
        String label = levelLabel(depth);
        boolean latin = !label.isEmpty() && Character.isLetter(label.charAt(label.length() - 1))
                && label.charAt(label.length() - 1) < 0x250;
        return label + (latin ? " " : "") + code;
    }

    /** The top level's label with a code, e.g. 政策分野1. */
    public String topWithCode(String code) {
        return labelWithCode(1, code);
    }

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
