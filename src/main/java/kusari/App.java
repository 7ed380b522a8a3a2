package kusari;

import kusari.core.AppConfig;
import io.javalin.Javalin;
import kusari.db.Database;
import kusari.db.Migrations;
import kusari.files.DataFileException;
import kusari.files.WorkspaceImporter;
import kusari.files.WorkspaceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Kusari: configuration, database, migrations, first-start import of the sample files, then the web server.
 * With arguments it runs a command-line subcommand instead ({@link Cli}: export, import…).
 */
public final class App {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private App() {
    }

    public static void main(String[] args) {
        AppConfig config;
        try {
            config = AppConfig.fromEnv();
        } catch (IllegalArgumentException e) {
            System.err.println("Kusari cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (args.length > 0) {
            // A subcommand (export, import…): run it and exit with its code; see Cli.
            System.exit(new Cli(config, utf8(System.out), utf8(System.err), System.getenv()).run(args));
            return;
        }
        serve(config);
    }

    /**
     * The command line speaks Japanese: it writes UTF-8 whatever the locale (LANG=C would print "?" for every
     * kana), which is what every terminal and log collector of today reads.
     */
    private static java.io.PrintStream utf8(java.io.PrintStream stream) {
        return new java.io.PrintStream(new java.io.FileOutputStream(stream == System.err
                ? java.io.FileDescriptor.err : java.io.FileDescriptor.out), true, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void serve(AppConfig config) {
        Database database = Database.open(config.dbFile());
        int applied = Migrations.apply(database);
        LOG.info("Database {} ({} migration(s) applied)", config.dbFile().toAbsolutePath(), applied);
        try {
            new WorkspaceImporter(database).importMissing(new WorkspaceLoader(config.dataDir()));
        } catch (DataFileException e) {
            System.err.println("Kusari cannot start: the data files have problems (nothing was loaded):");
            e.problems().forEach(p -> System.err.println("  " + p));
            System.exit(1);
            return;
        }
        // history from before the hash chain joins it
        database.inTransaction(kusari.change.HistoryChain::sealAll);
        Javalin app = Kusari.create(config, database).start(config.port());
        LOG.info("Kusari is running at http://localhost:{}/", app.port());
        // the address workshop phones are sent to (join links and QR codes): KUSARI_PUBLIC_URL, else localhost
        LOG.info("Workshop join links start with {}/ (KUSARI_PUBLIC_URL)", config.publicBaseUrl(app.port()));
        // no default password; while no administrator exists, a one-time link creates one
        new kusari.account.AccountService(database, java.time.Clock.systemUTC(), config.sessionIdle())
                .issueSetupToken().ifPresent(token -> System.out.println("""

                        No administrator yet. Open this link once to create one (it works only once; a restart
                        prints a new one and the old stops working):

                            http://localhost:%d/setup/%s

                        Or on the command line: java -jar target/kusari.jar create-admin <name>  (password on stdin)
                        """.formatted(app.port(), token)));
    }
}
