package kusari.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prepared statements kept with the pooled connection they were prepared on. SQLite compiles a statement every time
 * it is prepared, and for the short reads of a page that took longer than running them: a journey map runs a dozen
 * queries, the same dozen on every view. A statement is leased while it runs (so the same query nested in itself gets
 * a second one) and comes back to its connection's cache, parameters cleared, when the lease closes. Connections
 * outside the pool (a tool's own, Flyway's) have no cache and prepare as before.
 */
final class Statements {

    /** Statements kept per connection; the least recently used one is closed beyond this. */
    private static final int KEPT = 96;

    private static final Map<Connection, Cache> CACHES = new ConcurrentHashMap<>();

    private Statements() {
    }

    /** Gives a pooled connection its cache. */
    static void keep(Connection connection) {
        CACHES.putIfAbsent(connection, new Cache());
    }

    /** Closes a connection's kept statements; called before the connection itself closes. */
    static void forget(Connection connection) {
        Cache cache = CACHES.remove(connection);
        if (cache != null) {
            cache.values().forEach(Statements::closeQuietly);
            cache.clear();
        }
    }

    /** A statement for {@code sql} on {@code connection}, kept or newly prepared. */
    static Lease lease(Connection connection, String sql) throws SQLException {
        Cache cache = CACHES.get(connection);
        PreparedStatement kept = cache == null ? null : cache.remove(sql);
        return new Lease(cache, sql, kept != null ? kept : connection.prepareStatement(sql));
    }

    /** One use of a statement; closing it gives the statement back to its connection (or closes it). */
    static final class Lease implements AutoCloseable {

        private final Cache cache;
        private final String sql;
        final PreparedStatement statement;

        private Lease(Cache cache, String sql, PreparedStatement statement) {
            this.cache = cache;
            this.sql = sql;
            this.statement = statement;
        }

        @Override
        public void close() throws SQLException {
            if (cache == null || statement.isClosed()) {
                statement.close();
                return;
            }
            try {
                statement.clearParameters();
            } catch (SQLException e) {
                statement.close();
                throw e;
            }
            PreparedStatement displaced = cache.put(sql, statement);
            if (displaced != null && displaced != statement) {
                displaced.close();
            }
        }
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException e) {
            // The connection closes next, taking the statement with it.
        }
    }

    /** One connection's statements by their SQL, least recently used first; used by one thread at a time. */
    private static final class Cache extends LinkedHashMap<String, PreparedStatement> {

        Cache() {
            super(32, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() > KEPT) {
                closeQuietly(eldest.getValue());
                return true;
            }
            return false;
        }
    }
}
