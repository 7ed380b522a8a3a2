package kusari.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import kusari.db.Sql;

/**
 * Finds framework nodes by the code people write. Real plans number each level on its own (基本目標1 and under it
 * 戦略1), so a code is unique within a level of a workspace, not across its levels. A reference names a node by
 * its code alone where that code is on one level; where the same code is on several levels it names the level
 * (depth) too. A reference that could mean nodes on several levels is refused with the levels it could mean,
 * never resolved by picking one.
 */
public final class NodeCodes {

    /** Which depths a reference may name: every level, only the top (a policy field), or only below it (a measure). */
    public enum Levels {
        ANY(""), TOP(" AND depth = 1"), BELOW_TOP(" AND depth > 1");

        private final String sql;

        Levels(String sql) {
            this.sql = sql;
        }
    }

    private NodeCodes() {
    }

    /**
     * The id of the node with {@code code} on {@code level} (a depth; null when the reference names none), among the
     * depths {@code allowed}. Empty when there is no such node. A code found on several levels without a level named
     * is refused (field {@code field}, 400) with the levels it could mean.
     */
    public static Optional<Long> find(Connection c, long workspaceId, String code, Integer level, Levels allowed,
                                      String field) throws SQLException {
        if (code == null) {
            return Optional.empty();
        }
        if (level != null) {
            return Sql.queryOne(c, "SELECT id FROM framework_node WHERE workspace_id = ? AND code = ? AND depth = ?"
                    + allowed.sql, rs -> rs.getLong(1), workspaceId, code, level);
        }
        List<long[]> found = Sql.query(c, "SELECT id, depth FROM framework_node WHERE workspace_id = ? AND code = ?"
                + allowed.sql + " ORDER BY depth", rs -> new long[] {rs.getLong(1), rs.getLong(2)}, workspaceId, code);
        if (found.size() > 1) {
            throw ambiguous(c, workspaceId, code, found.stream().map(r -> (int) r[1]).toList(), field);
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0)[0]);
    }

    /**
     * The level a request names ({@code ?level=2}): null when absent or blank; a depth from 1 up, or a 400 that says
     * what a level is. Full-width digits (２) are digits too.
     */
    public static Integer parseLevel(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFKC).strip();
        if (!text.matches("[0-9]{1,2}") || Integer.parseInt(text) < 1) {
            throw ValidationException.of("level", "validation.levelNumber");
        }
        return Integer.parseInt(text);
    }

    /** The refusal of a code on several levels without a level named: 「1（基本目標）、2（戦略）」. */
    public static ValidationException ambiguous(Connection c, long workspaceId, String code, List<Integer> depths,
                                                String field) throws SQLException {
        return ValidationException.of(field, "validation.codeOnSeveralLevels", code, levelList(c, workspaceId, depths));
    }

    /** Depths with the workspace's own level names, e.g. "1 (基本目標), 2 (戦略)". */
    public static String levelList(Connection c, long workspaceId, List<Integer> depths) throws SQLException {
        List<String> labels = Sql.query(c, "SELECT label FROM framework_level WHERE workspace_id = ? ORDER BY depth",
                rs -> rs.getString(1), workspaceId);
        return levelList(labels, depths);
    }

    /** Depths with the level names {@code labels} (depth 1 first). */
    public static String levelList(List<String> labels, List<Integer> depths) {
        StringBuilder out = new StringBuilder();
        for (int depth : depths) {
            String label = depth >= 1 && depth <= labels.size() ? labels.get(depth - 1) : "";
            out.append(out.isEmpty() ? "" : ", ").append(depth).append(label.isEmpty() ? "" : " (" + label + ")");
        }
        return out.toString();
    }

    /** The codes of a workspace's nodes that are on more than one level: the references to them name the level. */
    public static Set<String> repeated(Connection c, long workspaceId) throws SQLException {
        return Sql.query(c, """
                SELECT code FROM framework_node WHERE workspace_id = ? GROUP BY code HAVING COUNT(*) > 1""",
                rs -> rs.getString(1), workspaceId).stream().collect(Collectors.toUnmodifiableSet());
    }

    /** The depth of node {@code id} when its code is on another level too (its references name it), else null. */
    public static Integer levelIfRepeated(Connection c, long id) throws SQLException {
        return Sql.queryOne(c, """
                SELECT n.depth FROM framework_node n WHERE n.id = ? AND EXISTS (SELECT 1 FROM framework_node o
                WHERE o.workspace_id = n.workspace_id AND o.code = n.code AND o.id <> n.id)""",
                rs -> rs.getInt(1), id).orElse(null);
    }

    /** SQL for the depth of the node aliased {@code n} when its code is on another level too, else NULL. */
    public static String levelIfRepeatedSql(String n) {
        return "(SELECT " + n + ".depth WHERE EXISTS (SELECT 1 FROM framework_node o WHERE o.workspace_id = " + n
                + ".workspace_id AND o.code = " + n + ".code AND o.id <> " + n + ".id))";
    }
}
