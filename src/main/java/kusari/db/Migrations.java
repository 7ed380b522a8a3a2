package kusari.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the database up to date with the numbered SQL files in {@code db/migration} (V001__what.sql …) through
 * Flyway, which runs each file whole in its own transaction and records it in {@value #HISTORY_TABLE}.
 *
 * <p>Databases made before Flyway carry their schema number in {@code PRAGMA user_version} and no history table:
 * on their first start the history begins with a baseline at that number, and only the newer files run. After
 * every run {@code user_version} is set to the newest version again, because backups report and compare it (a
 * restore refuses a backup from a newer Kusari) and an older Kusari reads it too.
 */
public final class Migrations {

    static final String FOLDER = "db/migration";
    static final String HISTORY_TABLE = "flyway_schema_history";
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    /** One migration file; {@code done} when it ran here or belongs to the schema a baseline stands for. */
    public record Migration(int version, String description, boolean done) {
    }

    private Migrations() {
    }

    /** Applies what is pending; returns how many files were applied. */
    public static int apply(Database database) {
        try {
            int madeBeforeFlyway = database.read(c -> hasHistory(c) ? 0 : userVersion(c));
            Flyway flyway = configure(database)
                    .baselineVersion(String.valueOf(Math.max(madeBeforeFlyway, 1)))
                    .baselineDescription("schema " + madeBeforeFlyway + " made before Flyway")
                    .load();
            if (madeBeforeFlyway > 0) {
                flyway.baseline();
                LOG.info("Database {} was made before Flyway: its schema {} is recorded as the baseline",
                        database.file().toAbsolutePath(), madeBeforeFlyway);
            }
            MigrateResult result = flyway.migrate();
            for (MigrateOutput m : result.migrations) {
                LOG.info("Database {}: applied migration {} ({})", database.file().toAbsolutePath(), m.version,
                        m.description);
            }
            int applied = result.migrationsExecuted;
            MigrationInfo current = flyway.info().current();
            if (current != null && current.getVersion() != null) {
                int version = current.getVersion().getMajor().intValueExact();
                database.inTransaction(c -> {
                    if (userVersion(c) != version) {
                        try (Statement st = c.createStatement()) {
                            st.executeUpdate("PRAGMA user_version = " + version);
                        }
                    }
                    return null;
                });
            }
            return applied;
        } catch (FlywayException | ArithmeticException e) {
            throw new IllegalStateException("Cannot bring the database " + database.file().toAbsolutePath()
                    + " up to date: " + e.getMessage(), e);
        }
    }

    /** Every migration file on the class path, by version, and whether this database has it. */
    public static List<Migration> known(Database database) {
        try {
            List<Migration> result = new ArrayList<>();
            for (MigrationInfo m : configure(database).load().info().all()) {
                if (m.getVersion() == null || m.getState() == MigrationState.BASELINE) {
                    continue;  // the baseline row of a database made before Flyway is no file
                }
                // a baseline stands for the file of its own version (BASELINE_IGNORED) and every one below it
                boolean done = m.getState() == MigrationState.SUCCESS || m.getState() == MigrationState.BELOW_BASELINE
                        || m.getState() == MigrationState.BASELINE_IGNORED;
                result.add(new Migration(m.getVersion().getMajor().intValueExact(), m.getDescription(), done));
            }
            return result;
        } catch (FlywayException e) {
            throw new IllegalStateException("Cannot read the migrations of " + database.file().toAbsolutePath()
                    + ": " + e.getMessage(), e);
        }
    }

    public static int userVersion(Connection c) throws SQLException {
        return (int) Sql.queryLong(c, "PRAGMA user_version");
    }

    private static boolean hasHistory(Connection c) throws SQLException {
        return Sql.queryLong(c, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?", HISTORY_TABLE) > 0;
    }

    private static FluentConfiguration configure(Database database) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(database.dataSource())
                .locations("classpath:" + FOLDER)
                .table(HISTORY_TABLE)
                .failOnMissingLocations(true)
                // a file named otherwise than V001__what_it_does.sql is a mistake, not something to skip quietly
                .validateMigrationNaming(true)
                // the files are plain SQL: a "${" in a text stays as written
                .placeholderReplacement(false);
    }
}
