package kusari.browser;

import io.javalin.Javalin;
import java.nio.file.Path;
import kusari.core.AppConfig;
import kusari.TestApp;
import kusari.db.Database;
import kusari.Kusari;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Browser tests that change data: real Chromium, and the app on a fresh copy of the sample of their own.
 * Subclasses sign in (or not) in their own {@code @BeforeEach}, which JUnit runs after this one.
 */
abstract class FreshBrowserTest {

    @TempDir
    Path dir;
    protected Database db;
    protected Javalin app;
    protected ChromeDriver driver;
    protected String origin;

    /** The window's height; width is always a 1366px screen. */
    protected int windowHeight() {
        return 900;
    }

    @BeforeEach
    void startBrowserAndFreshApp() {
        driver = BrowserSupport.start(1366, windowHeight());
        db = TestApp.freshSampleDatabase(dir);
        app = Kusari.create(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false), db).start("127.0.0.1", 0);
        origin = "http://127.0.0.1:" + app.port();
    }

    @AfterEach
    void stopBrowserAndApp() {
        if (driver != null) {
            driver.quit();
        }
        if (app != null) {
            app.stop();
        }
    }
}
