package kusari;

import kusari.core.AppConfig;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kusari.db.Database;
import kusari.db.Migrations;
import kusari.files.WorkspaceImporter;
import kusari.files.WorkspaceLoader;
import kusari.Kusari;

/** Builds the real app (Server.create) on a temporary SQLite file loaded from the repository's data files. */
public final class TestApp {

    /** The repository root, where personas/, journeys/ and static/ live (surefire sets it; else the working dir). */
    public static final Path PROJECT_DIR = Path.of(System.getenv().getOrDefault("KUSARI_PROJECT_DIR", ".")).toAbsolutePath();

    private static Database sample;

    private TestApp() {
    }

    /** A fresh database in {@code dir}, migrated and loaded from the repository's sample files. */
    public static Database freshSampleDatabase(Path dir) {
        Database db = Database.open(dir.resolve("kusari-test.db"));
        Migrations.apply(db);
        new WorkspaceImporter(db).importMissing(new WorkspaceLoader(PROJECT_DIR));
        return db;
    }

    /** One loaded sample database shared by the read-only tests of a run (loading it once keeps the suite fast). */
    public static synchronized Database sampleDatabase() {
        if (sample == null) {
            try {
                Path dir = Files.createTempDirectory("kusari-sample");
                dir.toFile().deleteOnExit();
                sample = freshSampleDatabase(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sample;
    }

    // ------------------------------------------------------------------ accounts

    /** Password of every account the tests make (long enough for the rules). */
    public static final String PASSWORD = "correct horse battery staple";

    /**
     * A signed-in browser's cookie ("kusari_session=…") for the account {@code name} in {@code db}, created when
     * missing: {@code role} null makes an installation administrator; else the role in the sample workspace
     * (for MEMBER, bound to the actors named).
     */
    public static synchronized String sessionCookie(Database db, String name, String role, String... actorNames) {
        kusari.account.AccountService accounts = new kusari.account.AccountService(db, java.time.Clock.systemUTC(),
                java.time.Duration.ofMinutes(30));
        kusari.account.Account account = accounts.find(name)
                .orElseGet(() -> accounts.create(name, PASSWORD, role == null));
        if (role != null) {
            long ws = db.read(c -> kusari.db.Sql.queryLong(c, "SELECT id FROM workspace WHERE slug = 'omitama'"));
            java.util.Set<Long> actors = new java.util.LinkedHashSet<>();
            for (String actor : actorNames) {
                actors.add(db.read(c -> kusari.db.Sql.queryLong(c,
                        "SELECT id FROM actor WHERE workspace_id = ? AND name = ?", ws, actor)));
            }
            accounts.setRole(account.id(), ws, kusari.account.Role.valueOf(role), actors);
        }
        return "kusari_session=" + accounts.openSession(account.id());
    }

    /** A signed-in installation administrator's cookie: may change everything. */
    public static String adminCookie(Database db) {
        return sessionCookie(db, "test-admin", null);
    }

    /** The app on the shared sample database (port 0: JavalinTest or the caller picks a free port). */
    public static Javalin create() {
        return create(sampleDatabase());
    }

    /** The app on {@code db}, with the default settings (port 0). */
    public static Javalin create(Database db) {
        return Kusari.create(new AppConfig(0, db.file(), PROJECT_DIR, false), db);
    }

    /** A new database at {@code file} holding one synthetic workspace {@code slug} of {@code size} (and no sample). */
    public static Database synthetic(Path file, String slug, kusari.bench.SyntheticWorkspace.Size size) {
        Database db = Database.open(file);
        kusari.db.Migrations.apply(db);
        kusari.bench.SyntheticWorkspace.generate(db, slug, size);
        return db;
    }
}
