package kusari;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kusari.db.Database;
import kusari.db.Migrations;
import kusari.files.WorkspaceImporter;
import kusari.files.WorkspaceLoader;
import kusari.web.Server;

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

    /** The app on the shared sample database (port 0: JavalinTest or the caller picks a free port). */
    public static Javalin create() {
        Database db = sampleDatabase();
        return Server.create(new AppConfig(0, db.file(), PROJECT_DIR, false), db);
    }
}
