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

    /** The id of what an API call created (it must have answered 201). */
    protected static long created(ApiClient.Answer a) {
        org.junit.jupiter.api.Assertions.assertEquals(201, a.status(), a.text());
        return a.body().get("id").longValue();
    }

    /** A page's HTML (it must have answered 200). */
    protected String page(String path) {
        ApiClient.Answer a = api.get(path);
        org.junit.jupiter.api.Assertions.assertEquals(200, a.status(), path + ": " + a.text());
        return a.text();
    }
}
