package kusari;

import io.javalin.Javalin;
import java.nio.file.Path;
import kusari.core.AppConfig;
import kusari.db.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test that changes things: each test gets its own database loaded from the sample, the app on a free port, and
 * an API client signed in as an installation administrator.
 */
public abstract class FreshAppTest {

    @TempDir
    protected Path dir;
    protected Database db;
    protected Javalin app;
    protected ApiClient api;

    @BeforeEach
    void startFreshApp() {
        db = TestApp.freshSampleDatabase(dir);
        app = Kusari.create(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false), db).start(0);
        api = ApiClient.signedIn(app.port(), db);
    }

    @AfterEach
    void stopFreshApp() {
        app.stop();
    }
}
