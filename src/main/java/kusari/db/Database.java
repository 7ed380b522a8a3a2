package kusari.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded SQLite database: one file, WAL journal, foreign keys on for every connection.
 * Connections are kept and reused: opening one parses the schema and sets the pragmas (about a millisecond), which
 * a page that reads ten times would otherwise pay ten times. Reads and writes keep separate connections, because
 * writers begin IMMEDIATE transactions and readers deferred ones.
 */
public final class Database implements AutoCloseable {

    /** Idle connections kept per kind; more are opened under load and closed when they come back to a full pool. */
    private static final int IDLE = 16;

    private final BlockingQueue<Connection> idleReads = new ArrayBlockingQueue<>(IDLE);
    private final BlockingQueue<Connection> idleWrites = new ArrayBlockingQueue<>(IDLE);
    private volatile boolean closed;

    private final SQLiteDataSource dataSource;
    private final SQLiteDataSource writeDataSource;
    private final Path file;

    private Database(Path file) {
        this.file = file;
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        this.dataSource = new SQLiteDataSource(config);
        this.dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        // Writers take the write lock at BEGIN: a deferred transaction that reads and then writes can fail
        // with SQLITE_BUSY when another writer went first, where an immediate one simply waits its turn.
        SQLiteConfig writeConfig = new SQLiteConfig(config.toProperties());
        writeConfig.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        this.writeDataSource = new SQLiteDataSource(writeConfig);
        this.writeDataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /** Opens (and creates when missing) the database file, creating its folder too. */
    public static Database open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create the folder of the database file " + file + ": " + e.getMessage(), e);
        }
        return new Database(file);
    }

    public Path file() {
        return file;
    }

    /**
     * The configured source of write connections (WAL, foreign keys on, immediate transactions), for a tool that
     * opens and closes connections itself: Flyway's migrations.
     */
    public DataSource dataSource() {
        return writeDataSource;
    }

    /** A new connection with foreign keys enforced; the caller closes it. */
    public Connection connect() throws SQLException {
        return connect(dataSource);
    }

    private static Connection connect(SQLiteDataSource source) throws SQLException {
        Connection connection = source.getConnection();
        try (Statement st = connection.createStatement()) {
            // The data source config sets this too; asserting it here guards against a driver default change.
            st.executeUpdate("PRAGMA foreign_keys = ON");
        }
        return connection;
    }

    /** Work that runs inside one transaction and may return a value. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one write transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(TransactionWork<T> work) {
        // SQLite can answer BUSY without waiting (a writer racing the first opening of a fresh WAL file); a
        // transaction that was rolled back changed nothing, so running it again is safe.
        RequestScope scope = SCOPE.get();
        for (int attempt = 1; ; attempt++) {
            try {
                T result;
                // One writer of this process at a time, waiting its turn here, in order: writers racing for
                // SQLite's lock would wait in its busy handler, which sleeps in growing steps (up to 100 ms) even
                // when the lock is long free, so a room of phones posting at once would be served in bursts.
                // A writer that waited as long as SQLite would have goes on to SQLite's lock, which then answers
                // BUSY as before (a long import does not hold every request forever).
                boolean turn = takeTurn();
                try {
                    result = run(writeDataSource, idleWrites, work);
                } finally {
                    if (turn) {
                        writeTurn.unlock();
                    }
                }
                if (scope != null && scope.database == this) {
                    scope.endSnapshot();
                }
                committed();
                return result;
            } catch (DataAccessException e) {
                if (attempt == BUSY_RETRIES || !busy(e)) {
                    throw e;
                }
                try {
                    Thread.sleep(5L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static final int BUSY_RETRIES = 5;
    /** How long a writer waits for the write lock (SQLite's busy timeout, and this process's turn). */
    private static final int BUSY_TIMEOUT_MILLIS = 5_000;

    /** The turn of this process's writers (fair: first come, first served). */
    private final java.util.concurrent.locks.ReentrantLock writeTurn = new java.util.concurrent.locks.ReentrantLock(true);

    private boolean takeTurn() {
        try {
            return writeTurn.tryLock(BUSY_TIMEOUT_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Told after each committed write transaction of this process (live pages wake their streams). */
    private final java.util.List<Runnable> commitListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Runs {@code listener} after every write transaction that commits, on the writing thread, once the data is
     * visible to every reader: it must only hand work on (wake a stream), never block. Writes by another process
     * (the command line) are not told.
     */
    public void onCommit(Runnable listener) {
        commitListeners.add(listener);
    }

    public void removeOnCommit(Runnable listener) {
        commitListeners.remove(listener);
    }

    private void committed() {
        for (Runnable listener : commitListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                // what was committed stays committed; a live page that could not be woken catches up at the next
                org.slf4j.LoggerFactory.getLogger(Database.class).warn("After-commit listener failed", e);
            }
        }
    }

    private static boolean busy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.sqlite.SQLiteException s
                    && (s.getResultCode().code & 0xff) == org.sqlite.SQLiteErrorCode.SQLITE_BUSY.code) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs read-only work in one transaction: one consistent snapshot under WAL, never blocking writers. Inside a
     * request scope ({@link #openRequestScope}) every read of the request shares one snapshot, so a page never
     * mixes data from before and after somebody else's change.
     */
    public <T> T read(TransactionWork<T> work) {
        RequestScope scope = SCOPE.get();
        if (scope == null || scope.database != this) {
            return run(dataSource, idleReads, work);
        }
        try {
            if (scope.connection == null) {
                scope.connection = borrow(dataSource, idleReads);
            }
            return work.run(scope.connection);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    private static final ThreadLocal<RequestScope> SCOPE = new ThreadLocal<>();

    /** The generation of the stored data: a number that grows whenever a change is committed, by any process. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    /** Per read connection, the last {@code PRAGMA data_version} it answered. */
    private final java.util.Map<Connection, Long> seenVersions = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The generation of the data this request reads (its snapshot, inside a request scope): equal generations mean
     * equal data, so what was made from the data may be kept under its generation. SQLite's data_version tells each
     * connection whether any other connection (of this process or another, e.g. the command line) committed since
     * it last asked; the first connection to notice a commit moves the generation on for all.
     */
    public long generation() {
        return read(c -> {
            long version;
            try (Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery("PRAGMA data_version")) {
                version = rs.next() ? rs.getLong(1) : 0;
            }
            Long seen = seenVersions.put(c, version);
            if (seen == null || seen != version) {
                return generation.incrementAndGet();
            }
            return generation.get();
        });
    }

    /**
     * The reads of one request on this thread, until {@link RequestScope#close}: they share one read transaction.
     * A write in the request ends the snapshot, so what the request reads after its own change includes it.
     */
    public RequestScope openRequestScope() {
        RequestScope left = SCOPE.get();
        if (left != null) {
            left.close();  // a scope a previous request failed to close must not leak its old snapshot
        }
        RequestScope scope = new RequestScope(this);
        SCOPE.set(scope);
        return scope;
    }

    /** One request's shared read snapshot; closing it ends the read transaction and gives the connection back. */
    public static final class RequestScope implements AutoCloseable {

        private final Database database;
        private Connection connection;

        private RequestScope(Database database) {
            this.database = database;
        }

        /** Ends the current snapshot; the next read of the request starts a new one. */
        void endSnapshot() {
            if (connection != null) {
                Connection c = connection;
                connection = null;
                boolean reusable;
                try {
                    c.rollback();  // nothing was written: ending the read transaction is all it does
                    reusable = true;
                } catch (SQLException e) {
                    reusable = false;
                }
                database.giveBack(c, database.idleReads, reusable);
            }
        }

        @Override
        public void close() {
            endSnapshot();
            if (SCOPE.get() == this) {
                SCOPE.remove();
            }
        }
    }

    private <T> T run(SQLiteDataSource source, BlockingQueue<Connection> idle, TransactionWork<T> work) {
        Connection connection;
        try {
            connection = borrow(source, idle);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
        boolean reusable = false;
        try {
            T result = work.run(connection);
            connection.commit();
            reusable = true;
            return result;
        } catch (SQLException e) {
            reusable = rollback(connection, e);
            throw new DataAccessException(e);
        } catch (RuntimeException | Error e) {
            reusable = rollback(connection, e);
            throw e;
        } finally {
            giveBack(connection, idle, reusable);
        }
    }

    /** Rolls back after a failure; true when the connection is still sound enough to reuse. */
    private static boolean rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
            return true;
        } catch (SQLException rollback) {
            failure.addSuppressed(rollback);
            return false;
        }
    }

    private Connection borrow(SQLiteDataSource source, BlockingQueue<Connection> idle) throws SQLException {
        Connection kept = idle.poll();
        Connection connection = kept;
        if (connection == null) {
            connection = connect(source);
            Statements.keep(connection);
        }
        // The transaction begins here (BEGIN IMMEDIATE for writers), not when the connection was given back.
        connection.setAutoCommit(false);
        return connection;
    }

    /**
     * A connection whose transaction ended cleanly goes back to the pool; any other is closed. It waits in
     * auto-commit mode: the driver begins the next transaction right after a commit, and an IMMEDIATE one would
     * hold the write lock while the connection sits idle.
     */
    private void giveBack(Connection connection, BlockingQueue<Connection> idle, boolean reusable) {
        try {
            if (reusable && !closed) {
                connection.setAutoCommit(true);
                if (idle.offer(connection)) {
                    return;
                }
            }
        } catch (SQLException e) {
            // Not reusable after all: closed below.
        }
        Statements.forget(connection);
        seenVersions.remove(connection);
        try {
            connection.close();
        } catch (SQLException e) {
            // Nothing to do: the connection is gone either way.
        }
    }

    /** Closes the kept connections; work that runs after this opens and closes its own. */
    @Override
    public void close() {
        closed = true;
        for (BlockingQueue<Connection> idle : java.util.List.of(idleReads, idleWrites)) {
            for (Connection c = idle.poll(); c != null; c = idle.poll()) {
                giveBack(c, idle, false);
            }
        }
    }
}
