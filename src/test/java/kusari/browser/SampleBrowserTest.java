package kusari.browser;

import io.javalin.Javalin;
import kusari.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;

/** Read-only browser tests: real Chromium on a 1366 × 900 window, the app on the shared sample database. */
abstract class SampleBrowserTest {

    protected Javalin app;
    protected ChromeDriver driver;
    protected String origin;

    @BeforeEach
    void startBrowserAndApp() {
        driver = BrowserSupport.start(1366, 900);
        app = TestApp.create().start("127.0.0.1", 0);
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
