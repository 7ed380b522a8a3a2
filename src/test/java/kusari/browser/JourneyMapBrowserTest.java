package kusari.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import kusari.SampleFiles;
import kusari.files.WorkspaceFiles.JourneyFile;
import kusari.files.WorkspaceFiles.StepEntry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a planner sees of Bさん's journey map in a real browser. */
@Tag("browser")
class JourneyMapBrowserTest extends SampleBrowserTest {

    @Test
    void bsanJourneyMapShowsStepsCurveActorsAndChallengeBands() {
        driver.get(origin + "/w/omitama/personas/b");
        JourneyFile b = SampleFiles.journey("b");

        List<String> steps = driver.findElements(By.cssSelector("[data-testid=step] .step-title"))
                .stream().map(WebElement::getText).toList();
        assertEquals(7, steps.size());
        assertEquals(b.steps().stream().map(StepEntry::title).toList(), steps);

        List<WebElement> points = driver.findElements(By.cssSelector("svg.emotion-curve circle"));
        assertEquals(7, points.size());
        // Each point sits under its own step column, left to right.
        List<WebElement> columns = driver.findElements(By.cssSelector("[data-testid=step]"));
        for (int i = 0; i < 7; i++) {
            double pointX = points.get(i).getRect().getX() + points.get(i).getRect().getWidth() / 2.0;
            var col = columns.get(i).getRect();
            assertTrue(pointX > col.getX() && pointX < col.getX() + col.getWidth(),
                    "point " + (i + 1) + " at x=" + pointX + " lies under step column " + col.getX() + "…" + (col.getX() + col.getWidth()));
        }

        WebElement lane = driver.findElement(By.cssSelector("tr[data-actor='健康増進課']"));
        assertTrue(lane.findElement(By.cssSelector("th")).getText().contains("健康増進課"));
        assertTrue(lane.findElement(By.cssSelector("th")).getText().contains("行政"), "kind told by text, not colour alone");
        List<WebElement> cells = lane.findElements(By.cssSelector("td"));
        assertEquals(7, cells.size());
        for (int i = 0; i < 7; i++) {
            List<String> expected = b.steps().get(i).actions().stream()
                    .filter(a -> a.actors().contains("健康増進課")).map(a -> a.text()).toList();
            String shown = cells.get(i).getText();
            if (expected.isEmpty()) {
                assertEquals("", shown.strip(), "健康増進課 does nothing at step " + (i + 1));
            } else {
                for (String text : expected) {
                    assertTrue(shown.contains(text), "step " + (i + 1) + " shows 「" + text + "」 but was: " + shown);
                }
            }
        }
        assertTrue(lane.getText().contains("訪問時に一言添える"));

        BrowserSupport.screenshot(driver, "journey-b-1366");

        WebElement band = driver.findElements(By.cssSelector("a[data-testid=challenge-band]")).stream()
                .filter(a -> a.getText().startsWith("課題2")).findFirst().orElseThrow();
        band.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/challenges/2"));
        WebElement projects = driver.findElement(By.cssSelector("[data-testid=challenge-projects]"));
        assertTrue(projects.getText().contains("1-03-4"), projects.getText());
        assertTrue(projects.getText().contains("出産子育て情報アプリ利用促進事業"));
        BrowserSupport.screenshot(driver, "challenge-2");

        List<String> requested = BrowserSupport.requestedUrls(driver);
        assertFalse(requested.isEmpty(), "the performance log recorded the page's requests");
        for (String url : requested) {
            assertTrue(url.startsWith(origin + "/") || url.startsWith("data:"), "requested another origin: " + url);
        }
    }

    @Test
    void theHomePageAndTheEnglishSwitch() {
        driver.get(origin + "/");
        assertTrue(driver.getCurrentUrl().endsWith("/w/omitama"));
        assertEquals(8, driver.findElements(By.cssSelector("[data-testid=persona-card]")).size());
        assertTrue(driver.findElement(By.cssSelector("[data-testid=plan-period]")).getText().startsWith("令和2年度"));
        BrowserSupport.screenshot(driver, "home-1366");
        driver.findElement(By.cssSelector("a.lang-switch")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.cssSelector("a.lang-switch"), "日本語"));
        assertTrue(driver.findElement(By.cssSelector("[data-testid=plan-period]")).getText().startsWith("FY2020"));
        driver.get(origin + "/w/omitama/personas/b");
        assertTrue(driver.findElement(By.cssSelector(".row-steps .row-head")).getText().contains("Step"),
                "the language choice is remembered across pages");
        for (String url : BrowserSupport.requestedUrls(driver)) {
            assertTrue(url.startsWith(origin + "/") || url.startsWith("data:"), "requested another origin: " + url);
        }
    }

    @Test
    void onAPhoneTheMapScrollsSidewaysInsideItsFrame() {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        driver.get(origin + "/w/omitama/personas/a");
        WebElement frame = driver.findElement(By.cssSelector(".map-scroll"));
        long scrollWidth = (Long) driver.executeScript("return arguments[0].scrollWidth", frame);
        long clientWidth = (Long) driver.executeScript("return arguments[0].clientWidth", frame);
        assertTrue(scrollWidth > clientWidth, "Aさん's 9 steps scroll sideways");
        long pageWidth = (Long) driver.executeScript("return document.documentElement.scrollWidth");
        long viewport = (Long) driver.executeScript("return window.innerWidth");
        assertTrue(pageWidth <= viewport + 1, "the page itself does not overflow: " + pageWidth + " > " + viewport);
        BrowserSupport.screenshot(driver, "journey-a-phone");
    }

    @Test
    void printingHidesTheNavigationAndFitsTheMapToThePage() {
        driver.get(origin + "/w/omitama/journeys/a");
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertFalse(driver.findElement(By.cssSelector(".site-header")).isDisplayed());
        WebElement table = driver.findElement(By.cssSelector(".journey-map"));
        long tableWidth = table.getRect().getWidth();
        long viewport = (Long) driver.executeScript("return document.documentElement.clientWidth");
        assertTrue(tableWidth <= viewport, "in print the map fits the page width: " + tableWidth + " > " + viewport);
        BrowserSupport.screenshot(driver, "journey-a-print");
    }
}
