package kusari.strategy;

/** One node of the framework tree (政策分野, 基本的方向, 施策 … depending on depth and workspace). */
public record FrameworkNode(long id, Long parentId, int depth, String code, String title, String description) {
}
