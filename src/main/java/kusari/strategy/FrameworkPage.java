package kusari.strategy;

import kusari.core.Workspace;

import java.util.List;
import kusari.indicator.Indicator;
import kusari.core.Ui;

/**
 * The framework tree: policy fields → directions → measures → projects, with their indicators. A framework of more
 * than {@link #MAX_ITEMS} items is shown one top-level item at a time ({@code shown}), the contents listing every
 * top-level item with its size.
 *
 * @param roots every top-level item with its subtree
 * @param shown the top-level item shown alone (its code), or null when the whole tree is shown
 */
public record FrameworkPage(Ui ui, Workspace workspace, List<TreeNode> roots, String shown) {

    /** Items (nodes and projects) the page shows whole: a real strategy has a few hundred. */
    public static final int MAX_ITEMS = 2_000;

    /** The whole tree on one page. */
    public FrameworkPage(Ui ui, Workspace workspace, List<TreeNode> roots) {
        this(ui, workspace, roots, null);
    }

    /**
     * The page for the {@code field} parameter (a top-level code, or null): one item when the tree is large. A link
     * to a deeper item ({@code node}, its code: every page links to the framework so) opens the top-level item
     * holding it.
     */
    public static FrameworkPage of(Ui ui, Workspace workspace, List<TreeNode> roots, String field, String node) {
        return of(ui, workspace, roots, field, node, null);
    }

    /**
     * As above, {@code level} naming the depth of {@code node} (null when its code alone names it). A code on several
     * levels without a level is refused with the levels it could mean: the page would otherwise open one of them.
     */
    public static FrameworkPage of(Ui ui, Workspace workspace, List<TreeNode> roots, String field, String node,
                                   Integer level) {
        if (node != null && level == null) {
            java.util.TreeSet<Integer> depths = new java.util.TreeSet<>();
            roots.forEach(r -> depthsOf(r, node, depths));
            if (depths.size() > 1) {
                throw new kusari.core.ValidationException(List.of(kusari.core.FieldError.of("level",
                        "validation.codeOnSeveralLevels", node,
                        kusari.core.NodeCodes.levelList(workspace.levels(), List.copyOf(depths)))));
            }
        }
        int items = roots.stream().mapToInt(FrameworkPage::items).sum();
        if (field == null && items <= MAX_ITEMS || roots.isEmpty()) {
            return new FrameworkPage(ui, workspace, roots, null);
        }
        String holding = node == null ? null : roots.stream().filter(r -> holds(r, node, level)).findFirst()
                .map(r -> r.node().code()).orElse(null);
        String code = field != null ? field : holding != null ? holding : roots.get(0).node().code();
        if (roots.stream().noneMatch(r -> r.node().code().equals(code))) {
            throw new kusari.core.ValidationException(List.of(kusari.core.FieldError.of("field",
                    "framework.error.field", code, workspace.topLabel())));
        }
        return new FrameworkPage(ui, workspace, roots, code);
    }

    private static boolean holds(TreeNode tree, String code, Integer level) {
        return tree.node().code().equals(code) && (level == null || tree.node().depth() == level)
                || tree.children().stream().anyMatch(c -> holds(c, code, level));
    }

    private static void depthsOf(TreeNode tree, String code, java.util.Set<Integer> depths) {
        if (tree.node().code().equals(code)) {
            depths.add(tree.node().depth());
        }
        tree.children().forEach(c -> depthsOf(c, code, depths));
    }

    /** Nodes and projects of a subtree, itself included. */
    public static int items(TreeNode node) {
        return 1 + node.projects().size() + node.children().stream().mapToInt(FrameworkPage::items).sum();
    }

    /** Every node and project of the framework. */
    public int total() {
        return roots.stream().mapToInt(FrameworkPage::items).sum();
    }

    /** The top-level items shown in full: all, or the one chosen. */
    public List<TreeNode> shownRoots() {
        return shown == null ? roots : roots.stream().filter(r -> r.node().code().equals(shown)).toList();
    }

    /** Where a top-level item is read: its anchor on the whole tree, or the page of that item alone. */
    public String rootLink(TreeNode root) {
        return shown == null ? kusari.web.Links.frameworkNode(workspace, 1, root.node().code())
                : kusari.web.Links.withQuery(kusari.web.Links.framework(workspace.slug()), "field", root.node().code());
    }

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
