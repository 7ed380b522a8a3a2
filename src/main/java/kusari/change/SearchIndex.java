package kusari.change;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kusari.db.Database;
import kusari.db.Sql;

/**
 * The search index, kept current where every change is written: {@link ChangeLog#record} calls
 * {@link #afterChange} on the change's own connection, so a change and its index rows are committed (or rolled
 * back) together, whichever path made it (a form, the API, the journey editor, the review grid, an import, a
 * revert). What is indexed is declared once per kind ({@link Findable}); a changed declaration rebuilds the
 * workspaces at the next start ({@link #ensureBuilt}).
 *
 * <p>Two indexes over the same rows: {@code search_fts} (trigrams, for queries of three characters and more) and
 * {@code search_gram} (each character with the next as one token, for one and two characters). Text is folded
 * ({@link #fold}: NFKC, lower case) before both, and so is every query.
 */
public final class SearchIndex {

    /** Bumped when the way rows are written changes (folding, grams), so that every workspace is rebuilt. */
    private static final String FORMAT = "1";

    private static volatile Map<String, Findable> declared = Map.of();

    private SearchIndex() {
    }

    /** Says what the search finds; the composition root calls it once with every declaration. */
    public static void declare(List<Findable> findables) {
        Map<String, Findable> byKind = new LinkedHashMap<>();
        findables.forEach(f -> byKind.put(f.kind(), f));
        declared = Map.copyOf(byKind);
    }

    public static Map<String, Findable> declared() {
        return declared;
    }

    /** What the declarations index, as one hash: a workspace built under another is rebuilt. */
    static String signature() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(FORMAT.getBytes(StandardCharsets.UTF_8));
            declared.values().stream().sorted(java.util.Comparator.comparing(Findable::kind)).forEach(f ->
                    digest.update((f.kind() + "\u0000" + f.rowsSql() + "\u0000").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ keeping it current

    /**
     * Brings the index up to date after {@code change}, on its connection. A change of one row reindexes that
     * row; a delete also drops what went with it (a journey's steps); a restore, revert, import or copy puts
     * back what came back. Without declarations (a tool that does not search) the workspace is only marked for a
     * rebuild at the next start, so the index is never silently stale.
     */
    static void afterChange(Connection c, Change change) throws SQLException {
        Long ws = change.workspaceId();
        if (ws == null) {
            return;
        }
        Map<String, Findable> findables = declared;
        if (findables.isEmpty()) {
            Sql.update(c, "DELETE FROM search_built WHERE workspace_id = ?", ws);
            return;
        }
        Operation op = change.operation();
        if (change.entity().equals("workspace")) {
            if (op == Operation.DELETE) {
                drop(c, ws);
            } else if (op != Operation.UPDATE) {
                rebuild(c, ws);
            }
            return;
        }
        Findable own = findables.get(change.entity());
        switch (op) {
            case DELETE -> dropVanished(c, ws);
            case RESTORE, REVERT, IMPORT -> {
                dropVanished(c, ws);
                addMissing(c, ws);
                if (own != null && change.entityId() != null) {
                    reindex(c, own, change.entityId());
                }
            }
            default -> {
                if (own != null && change.entityId() != null) {
                    reindex(c, own, change.entityId());
                }
            }
        }
    }

    /**
     * Writes the rows of one entity of a declared kind again, on the connection of the write that changed it: for
     * what is written past the change history (a workshop's cards, which the room posts by the hundred), so that
     * its index rows still commit or roll back with it. Nothing when the kind is not declared.
     */
    public static void reindex(Connection c, String kind, long id) throws SQLException {
        Findable f = declared.get(kind);
        if (f != null) {
            reindex(c, f, id);
        }
    }

    /** Writes the rows of one entity again (or drops them when it is gone). */
    static void reindex(Connection c, Findable f, long id) throws SQLException {
        dropDoc(c, f.kind(), id);
        insertRows(c, f, "id = ?", id);
    }

    /** The whole index of one workspace, from its rows. */
    public static void rebuild(Connection c, long workspaceId) throws SQLException {
        drop(c, workspaceId);
        for (Findable f : declared.values()) {
            insertRows(c, f, "workspace_id = ?", workspaceId);
        }
        Sql.update(c, "INSERT OR REPLACE INTO search_built (workspace_id, signature) VALUES (?, ?)", workspaceId,
                signature());
    }

    /**
     * Rebuilds, each in a transaction of its own, every workspace not yet indexed under the current declarations
     * (new, imported by a tool that does not search, or indexed before a kind joined). Returns how many.
     */
    public static int ensureBuilt(Database database) {
        if (declared.isEmpty()) {
            return 0;
        }
        String signature = signature();
        List<Long> stale = database.read(c -> Sql.query(c, """
                SELECT w.id FROM workspace w LEFT JOIN search_built b ON b.workspace_id = w.id
                WHERE b.signature IS NULL OR b.signature <> ? ORDER BY w.id""", rs -> rs.getLong(1), signature));
        for (long ws : stale) {
            database.inTransaction(c -> {
                rebuild(c, ws);
                return null;
            });
        }
        // rows of workspaces that are gone (deleted for good)
        database.inTransaction(c -> {
            for (long ws : Sql.query(c, "SELECT DISTINCT workspace_id FROM search_doc WHERE workspace_id NOT IN"
                    + " (SELECT id FROM workspace)", rs -> rs.getLong(1))) {
                drop(c, ws);
            }
            return null;
        });
        return stale.size();
    }

    private static void drop(Connection c, long workspaceId) throws SQLException {
        dropDocs(c, Sql.query(c, "SELECT id FROM search_doc WHERE workspace_id = ?", rs -> rs.getLong(1), workspaceId));
        Sql.update(c, "DELETE FROM search_built WHERE workspace_id = ?", workspaceId);
    }

    private static void dropDoc(Connection c, String kind, long ref) throws SQLException {
        dropDocs(c, Sql.query(c, "SELECT id FROM search_doc WHERE kind = ? AND ref = ?", rs -> rs.getLong(1), kind,
                ref));
    }

    private static void dropDocs(Connection c, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        // one rowid at a time: FTS5 finds a row by "rowid = ?" directly, where "rowid IN (…)" would scan the index
        try (PreparedStatement fts = c.prepareStatement("DELETE FROM search_fts WHERE rowid = ?");
             PreparedStatement gram = c.prepareStatement("DELETE FROM search_gram WHERE rowid = ?");
             PreparedStatement doc = c.prepareStatement("DELETE FROM search_doc WHERE id = ?")) {
            for (long id : ids) {
                for (PreparedStatement p : List.of(fts, gram, doc)) {
                    p.setLong(1, id);
                    p.executeUpdate();
                }
            }
        }
    }

    /** Drops the rows of a workspace whose entity is gone (deleted along with what a person deleted). */
    private static void dropVanished(Connection c, long workspaceId) throws SQLException {
        for (Findable f : declared.values()) {
            dropDocs(c, Sql.query(c, "SELECT d.id FROM search_doc d WHERE d.workspace_id = ? AND d.kind = ?"
                    + " AND NOT EXISTS (SELECT 1 FROM (" + f.rowsSql() + ") r WHERE r.id = d.ref)",
                    rs -> rs.getLong(1), workspaceId, f.kind()));
        }
    }

    /** Adds the rows of a workspace's entities that have none (put back from the trash with what they held). */
    private static void addMissing(Connection c, long workspaceId) throws SQLException {
        for (Findable f : declared.values()) {
            insertRows(c, f, "workspace_id = ? AND id NOT IN (SELECT ref FROM search_doc WHERE kind = ?"
                    + " AND workspace_id = ?)", workspaceId, f.kind(), workspaceId);
        }
    }

    private static void insertRows(Connection c, Findable f, String where, Object... params) throws SQLException {
        String select = "SELECT id, workspace_id, title, body FROM (" + f.rowsSql() + ") WHERE " + where;
        try (PreparedStatement read = c.prepareStatement(select);
             PreparedStatement doc = c.prepareStatement(
                     "INSERT INTO search_doc (workspace_id, kind, ref, title, body) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement fts = c.prepareStatement(
                     "INSERT INTO search_fts (rowid, title, body) VALUES (?, ?, ?)");
             PreparedStatement gram = c.prepareStatement(
                     "INSERT INTO search_gram (rowid, title, body) VALUES (?, ?, ?)")) {
            for (int i = 0; i < params.length; i++) {
                read.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    String title = text(rs.getString(3));
                    String body = text(rs.getString(4));
                    doc.setLong(1, rs.getLong(2));
                    doc.setString(2, f.kind());
                    doc.setLong(3, rs.getLong(1));
                    doc.setString(4, title);
                    doc.setString(5, body);
                    doc.executeUpdate();
                    long id;
                    try (ResultSet key = doc.getGeneratedKeys()) {
                        key.next();
                        id = key.getLong(1);
                    }
                    String foldedTitle = fold(title);
                    String foldedBody = fold(body);
                    fts.setLong(1, id);
                    fts.setString(2, foldedTitle);
                    fts.setString(3, foldedBody);
                    fts.executeUpdate();
                    gram.setLong(1, id);
                    gram.setString(2, grams(foldedTitle));
                    gram.setString(3, grams(foldedBody));
                    gram.executeUpdate();
                }
            }
        }
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    // ------------------------------------------------------------------ text

    /** How text and queries are compared: NFKC (全角 Ａ and half-width ｶ fold to A and カ) and lower case. */
    public static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /**
     * The tokens of the one- and two-character index: every letter or digit with the next one when that is a
     * letter or digit too, else alone. 「子育て支援」 gives 「子育 育て て支 支援 援」: a two-character query is
     * one token, a one-character query the prefix of one.
     */
    public static String grams(String folded) {
        StringBuilder out = new StringBuilder(folded.length() * 3);
        int[] cps = folded.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            if (!Character.isLetterOrDigit(cps[i])) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.appendCodePoint(cps[i]);
            if (i + 1 < cps.length && Character.isLetterOrDigit(cps[i + 1])) {
                out.appendCodePoint(cps[i + 1]);
            }
        }
        return out.toString();
    }
}
