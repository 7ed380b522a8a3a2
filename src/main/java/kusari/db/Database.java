package kusari.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded SQLite database: one file, WAL journal, foreign keys on for every connection.
 * A connection per unit of work keeps the code simple; SQLite opens a file in microseconds.
 */
public final class Database {

    private final SQLiteDataSource dataSource;
    private final SQLiteDataSource writeDataSource;
    private final Path file;

    private Database(Path file) {
        this.file = file;
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(5_000);
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
        for (int attempt = 1; ; attempt++) {
            try {
                return run(writeDataSource, work);
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

    private static boolean busy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.sqlite.SQLiteException s
                    && (s.getResultCode().code & 0xff) == org.sqlite.SQLiteErrorCode.SQLITE_BUSY.code) {
                return true;
            }
        }
        return false;
    }

    /** Runs read-only work in one transaction: one consistent snapshot under WAL, never blocking writers. */
    public <T> T read(TransactionWork<T> work) {
        return run(dataSource, work);
    }

    private static <T> T run(SQLiteDataSource source, TransactionWork<T> work) {
        try (Connection connection = connect(source)) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }
}
