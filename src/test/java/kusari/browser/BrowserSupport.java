package kusari.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import kusari.TestApp;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through its own chromedriver (no driver downloads). Browser tests skip on a
 * developer machine without Chromium, but never in CI (CI=true), where a missing browser is a failure.
 */
final class BrowserSupport {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("KUSARI_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("KUSARI_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = TestApp.PROJECT_DIR.resolve("target").resolve("screenshots");

    private BrowserSupport() {
    }

    static ChromeDriver start(int width, int height) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(present, "Chromium or chromedriver is not installed; browser tests skipped on this machine");
        } else if (!present) {
            throw new IllegalStateException("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: .ci/run must install them");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--lang=ja-JP", "--hide-scrollbars",
                "--window-size=" + width + "," + height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /**
     * Gives the browser a signed-in session ({@code cookie} as from {@link TestApp#sessionCookie}) for
     * {@code origin}, by setting the cookie on the sign-in page.
     */
    static void signIn(ChromeDriver driver, String origin, String cookie) {
        driver.get(origin + "/login");
        String[] pair = cookie.split("=", 2);
        driver.manage().addCookie(new org.openqa.selenium.Cookie(pair[0], pair[1], "/"));
    }

    /** Every URL the page asked the network for since the last call (from Chromium's performance log). */
    static List<String> requestedUrls(ChromeDriver driver) {
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            String message = entry.getMessage();
            if (message.contains("\"Network.requestWillBeSent\"")) {
                int at = message.indexOf("\"url\":\"");
                if (at >= 0) {
                    int end = message.indexOf('"', at + 7);
                    urls.add(message.substring(at + 7, end));
                }
            }
        }
        return urls;
    }

    static Path screenshot(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
