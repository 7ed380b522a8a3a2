package kusari.change;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import kusari.db.Sql;

/**
 * The audit history as a hash chain: each entry stores the hash of the entry before it and its own hash over its
 * content and that previous hash, so changing, deleting or inserting an entry breaks the chain from there on.
 *
 * <p>What is hashed: id, workspace, time, author, entity, entity id, operation, summary, before and after JSON,
 * and the previous hash. Not hashed: {@code reverts_id} and {@code reverted_by}, which are set after an entry is
 * written (a later revert marks the entry it undid); the revert itself is a hashed entry.
 *
 * <p>Limits: the hash is not keyed, so someone who can write the database file and recompute every hash after
 * their edit is not detected by this alone. {@code verify-history} prints the newest hash: keeping that line
 * (e.g. in the backup log, see README) anchors the chain outside the database.
 */
public final class HistoryChain {

    private static final String GENESIS = "0".repeat(64);

    private HistoryChain() {
    }

    /** Hashes the entry just inserted (and, once after the upgrade, the entries from before the chain). */
    static void seal(Connection c) throws SQLException {
        sealAll(c);
    }

    /**
     * Hashes every entry without a hash, in order, after the newest sealed one (entries written before the
     * chain existed, on first start after the migration). Never rewrites an existing hash.
     */
    public static int sealAll(Connection c) throws SQLException {
        String previous = Sql.queryOne(c, "SELECT hash FROM change_log WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1",
                rs -> rs.getString(1)).orElse(GENESIS);
        long after = Sql.queryLong(c, "SELECT COALESCE(MAX(id), 0) FROM change_log WHERE hash IS NOT NULL");
        int sealed = 0;
        for (Row row : Sql.query(c, SELECT + " WHERE id > ? AND hash IS NULL ORDER BY id", HistoryChain::row, after)) {
            String hash = hash(row, previous);
            Sql.update(c, "UPDATE change_log SET prev_hash = ?, hash = ? WHERE id = ?", previous, hash, row.id);
            previous = hash;
            sealed++;
        }
        return sealed;
    }

    /** The outcome of a check: entries checked, the first broken one (or null) and why, and the newest hash. */
    public record Verification(long checked, Long brokenAt, String problem, String headHash) {
        public boolean intact() {
            return brokenAt == null;
        }
    }

    /** Checks the whole chain from the first entry; stops at the first broken link. */
    public static Verification verify(Connection c) throws SQLException {
        String previous = GENESIS;
        long checked = 0;
        try (var st = c.prepareStatement(SELECT + " ORDER BY id"); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                Row row = row(rs);
                if (row.hash == null) {
                    return new Verification(checked, row.id, "entry " + row.id + " has no hash (written outside Kusari?)", previous);
                }
                if (!previous.equals(row.prevHash)) {
                    return new Verification(checked, row.id, "entry " + row.id
                            + " does not point at the entry before it (an entry was removed, inserted or re-hashed)", previous);
                }
                if (!hash(row, previous).equals(row.hash)) {
                    return new Verification(checked, row.id, "entry " + row.id + " was changed after it was written", previous);
                }
                previous = row.hash;
                checked++;
            }
        }
        return new Verification(checked, null, null, previous);
    }

    private record Row(long id, Long workspaceId, String changedAt, String changedBy, String entity, Long entityId,
                       String operation, String summary, String before, String after, String prevHash, String hash) {
    }

    private static final String SELECT = """
            SELECT id, workspace_id, changed_at, changed_by, entity, entity_id, operation, summary, before_json,
                   after_json, prev_hash, hash FROM change_log""";

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), Sql.getLong(rs, "workspace_id"), rs.getString("changed_at"),
                rs.getString("changed_by"), rs.getString("entity"), Sql.getLong(rs, "entity_id"),
                rs.getString("operation"), rs.getString("summary"), rs.getString("before_json"),
                rs.getString("after_json"), rs.getString("prev_hash"), rs.getString("hash"));
    }

    /** SHA-256 over the fields, each prefixed by its length (so no two different rows hash the same text). */
    private static String hash(Row row, String previous) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        for (Object field : new Object[] {previous, row.id, row.workspaceId, row.changedAt, row.changedBy, row.entity,
                row.entityId, row.operation, row.summary, row.before, row.after}) {
            String text = field == null ? "\u0000null" : field.toString();
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The newest entry's hash, if any. */
    public static Optional<String> head(Connection c) throws SQLException {
        return Sql.queryOne(c, "SELECT hash FROM change_log ORDER BY id DESC LIMIT 1", rs -> rs.getString(1));
    }
}
