package kusari.strategy;

import kusari.core.Workspace;

import java.util.List;
import kusari.indicator.Indicator;
import kusari.core.Ui;

/** The framework tree: policy fields → directions → measures → projects, with their indicators. */
public record FrameworkPage(Ui ui, Workspace workspace, List<TreeNode> roots) {

    /**
     * A node with its indicators, child nodes and projects, and the transcriber's readings of the node and of its
     * indicators (each of the latter led by the indicator's name).
     */
    public record TreeNode(FrameworkNode node, List<Indicator> indicators, List<TreeNode> children,
                           List<ProjectRow> projects, List<String> readings) {
    }

    /** A project in the tree with the challenge numbers it answers. */
    public record ProjectRow(Project project, List<Integer> challenges, List<String> leads) {
    }
}
