package kusari.change;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import kusari.db.Sql;

/**
 * The audit history. Every service writes its change here on the connection of the change's own
 * transaction, so a change and its record are committed (or rolled back) together.
 */
public final class ChangeLog {

    /**
     * The author of changes made outside a web request and outside the command line: the first-start import
     * (the web names the signed-in account, the command line the OS user; see {@link Authors}).
     */
    public static final String LOCAL_USER = "local";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChangeLog() {
    }

    /**
     * Records {@code change} by the current author ({@link Authors#current()}), after asking the author's guard
     * whether they may make it: a refusal throws and rolls the whole change back. Returns the new entry's id.
     */
    public static long record(Connection c, Change change) throws SQLException {
        Authors.Author author = Authors.current();
        author.guard().check(c, change);
        return record(c, author.name(), change);
    }

    /**
     * Where the changes made on this thread come from, added to their summary while {@link #noting} runs (e.g.
     * 「ワークショップ「…」のカード #12 から」): the history then names the source of a change, such as a
     * resident's card in a workshop, and the note is sealed into the hash chain with the rest of the entry. A note
     * is written in Japanese from a message that {@link Summaries} knows, so the timeline can say it again in English.
     */
    private static final ThreadLocal<String> NOTE = new ThreadLocal<>();

    /** Runs {@code work} with its changes' summaries noting {@code note}. */
    public static <T> T noting(String note, java.util.function.Supplier<T> work) {
        String before = NOTE.get();
        NOTE.set(note);
        try {
            return work.get();
        } finally {
            if (before == null) {
                NOTE.remove();
            } else {
                NOTE.set(before);
            }
        }
    }

    public static long record(Connection c, String author, Change change) throws SQLException {
        String note = NOTE.get();
        if (note != null && !note.isBlank()) {
            change = new Change(change.workspaceId(), change.entity(), change.entityId(), change.operation(),
                    Summaries.JAPANESE.t("history.noted", change.summary(), note), change.before(), change.after());
        }
        long id = Sql.insert(c, """
                INSERT INTO change_log (workspace_id, changed_at, changed_by, entity, entity_id, operation, summary,
                                        before_json, after_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                change.workspaceId(), Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), author,
                change.entity(), change.entityId(), change.operation().name(), change.summary(),
                toText(change.before()), toText(change.after()));
        // every entry carries the hash of the one before (tamper-evident, see HistoryChain)
        HistoryChain.seal(c);
        // the search finds what the change left, from the same transaction on
        SearchIndex.afterChange(c, change);
        return id;
    }

    /**
     * Changes newest first, optionally by one author and within [from, to) (ISO instants), in the given workspaces
     * ({@code workspaceIds} null for all, including changes outside any workspace).
     */
    public static List<ChangeEntry> byAuthorAndDate(Connection c, String author, String from, String to,
                                                    List<Long> workspaceIds, int limit) throws SQLException {
        String ids = workspaceIds == null ? null : workspaceIds.toString();
        return Sql.query(c, SELECT + " WHERE (? IS NULL OR changed_by = ?) AND (? IS NULL OR changed_at >= ?)"
                + " AND (? IS NULL OR changed_at < ?)"
                + " AND (? IS NULL OR workspace_id IN (SELECT value FROM json_each(?))) ORDER BY id DESC LIMIT ?",
                ChangeLog::entry, author, author, from, from, to, to, ids, ids, limit);
    }

    /** Every author who has changed something in the given workspaces (null: anywhere), by name. */
    public static List<String> authors(Connection c, List<Long> workspaceIds) throws SQLException {
        String ids = workspaceIds == null ? null : workspaceIds.toString();
        return Sql.query(c, "SELECT DISTINCT changed_by FROM change_log WHERE ? IS NULL"
                + " OR workspace_id IN (SELECT value FROM json_each(?)) ORDER BY changed_by", rs -> rs.getString(1), ids, ids);
    }

    /** Marks {@code changeId} as undone by {@code revertId} (a revert or a restore from the trash). */
    public static void markReverted(Connection c, long changeId, long revertId) throws SQLException {
        Sql.update(c, "UPDATE change_log SET reverted_by = ? WHERE id = ?", revertId, changeId);
        Sql.update(c, "UPDATE change_log SET reverts_id = ? WHERE id = ?", changeId, revertId);
    }

    public static Optional<ChangeEntry> find(Connection c, long id) throws SQLException {
        return Sql.queryOne(c, SELECT + " WHERE id = ?", ChangeLog::entry, id);
    }

    /** The history of one thing, newest first. */
    public static List<ChangeEntry> forEntity(Connection c, String entity, long entityId) throws SQLException {
        return Sql.query(c, SELECT + " WHERE entity = ? AND entity_id = ? ORDER BY id DESC", ChangeLog::entry,
                entity, entityId);
    }

    /** A workspace's timeline, newest first, a page at a time ({@code beforeId} null for the newest page). */
    public static List<ChangeEntry> forWorkspace(Connection c, long workspaceId, Long beforeId, int limit)
            throws SQLException {
        return Sql.query(c, SELECT + " WHERE workspace_id = ? AND id < ? ORDER BY id DESC LIMIT ?", ChangeLog::entry,
                workspaceId, beforeId == null ? Long.MAX_VALUE : beforeId, limit);
    }

    /** A workspace's changes after {@code afterId}, oldest first, at most {@code limit} (what a live page missed). */
    public static List<ChangeEntry> since(Connection c, long workspaceId, long afterId, int limit)
            throws SQLException {
        return Sql.query(c, SELECT + " WHERE workspace_id = ? AND id > ? ORDER BY id LIMIT ?", ChangeLog::entry,
                workspaceId, afterId, limit);
    }

    /** The newest change id of a workspace: open pages compare it to notice that someone else changed something. */
    public static long latestId(Connection c, long workspaceId) throws SQLException {
        return Sql.queryLong(c, "SELECT COALESCE(MAX(id), 0) FROM change_log WHERE workspace_id = ?", workspaceId);
    }

    private static final String SELECT = """
            SELECT id, workspace_id, changed_at, changed_by, entity, entity_id, operation, summary,
                   before_json, after_json, reverts_id, reverted_by
            FROM change_log""";

    private static ChangeEntry entry(ResultSet rs) throws SQLException {
        return new ChangeEntry(rs.getLong("id"), Sql.getLong(rs, "workspace_id"), rs.getString("changed_at"),
                rs.getString("changed_by"), rs.getString("entity"), Sql.getLong(rs, "entity_id"),
                Operation.valueOf(rs.getString("operation")), rs.getString("summary"),
                fromText(rs.getString("before_json")), fromText(rs.getString("after_json")),
                Sql.getLong(rs, "reverts_id"), Sql.getLong(rs, "reverted_by"));
    }

    private static String toText(JsonNode node) {
        if (node == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JsonNode always serialises", e);
        }
    }

    private static JsonNode fromText(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("change_log holds only JSON written by record()", e);
        }
    }
}
