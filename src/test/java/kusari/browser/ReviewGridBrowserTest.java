package kusari.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import kusari.ApiClient;
import kusari.TestApp;
import kusari.db.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A planner entering a fiscal year's actuals in the review grid, in real Chromium, on a fresh sample. */
@Tag("browser")
class ReviewGridBrowserTest extends FreshBrowserTest {

    private String base;

    @BeforeEach
    void signIn() {
        base = origin;
        BrowserSupport.signIn(driver, base, TestApp.adminCookie(db));
    }

    private List<WebElement> valueCells() {
        return driver.findElements(By.cssSelector("table.review-grid input[data-col='value']"));
    }

    private String rowName(WebElement cell) {
        return cell.findElement(By.xpath("ancestor::tr/th")).getText();
    }

    @Test
    void enterMovesDownAPastedColumnFillsTheRowsAWrongCellIsShownAndOneSaveStoresAll() {
        driver.get(base + "/w/omitama/review/2020");
        assertEquals("令和2年度（2020）の評価", driver.findElement(By.tagName("h1")).getText());
        List<WebElement> cells = valueCells();
        assertTrue(rowName(cells.get(0)).startsWith("平均初婚年齢 (男)"), rowName(cells.get(0)));

        // Enter moves to the same column one row down, and does not submit the form.
        cells.get(0).click();
        cells.get(0).sendKeys("29.5", Keys.ENTER);
        assertEquals(cells.get(1), driver.switchTo().activeElement());
        assertTrue(driver.getCurrentUrl().endsWith("/review/2020"), "nothing was submitted");
        driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
        assertEquals(cells.get(0), driver.switchTo().activeElement());

        // A column copied from Excel (three lines) pasted into the second row fills rows 2 to 4.
        driver.executeScript("""
                const dt = new DataTransfer(); dt.setData('text/plain', arguments[1]);
                arguments[0].focus();
                arguments[0].dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));""",
                cells.get(1), "28.1\r\n1.55\r\n十一\r\n");
        assertEquals("28.1", cells.get(1).getDomProperty("value"));
        assertEquals("1.55", cells.get(2).getDomProperty("value"));
        assertEquals("十一", cells.get(3).getDomProperty("value"));
        assertEquals("", cells.get(4).getDomProperty("value"), "only as many rows as lines");
        assertTrue(driver.findElement(By.cssSelector("[data-testid='paste-status']")).getText().contains("3行に貼り付けました"));

        // Saving with one wrong cell: nothing is saved, the message sits next to that cell, the input stays.
        driver.findElement(By.cssSelector("[data-testid='save-review']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid='errors']")));
        BrowserSupport.screenshot(driver, "review-grid-error");
        WebElement wrongRow = driver.findElement(By.cssSelector("tr.row-error"));
        assertTrue(wrongRow.getText().contains("結婚を希望しない若者の割合"), wrongRow.getText());
        assertTrue(wrongRow.getText().contains("数値で入力してください。"), wrongRow.getText());
        assertEquals(0L, (long) db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM actual")));
        cells = valueCells();
        assertEquals("29.5", cells.get(0).getDomProperty("value"));
        assertEquals("true", cells.get(3).getDomAttribute("aria-invalid"));

        cells.get(3).clear();
        cells.get(3).sendKeys("11");
        driver.findElement(By.cssSelector("[data-testid='save-review']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid='saved']")));
        assertTrue(driver.findElement(By.cssSelector("[data-testid='saved']")).getText().startsWith("4件の値を保存しました。"));
        assertEquals(4L, (long) db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM actual WHERE fiscal_year = 2020")));

        // The table shows the achievement and the grade as text.
        driver.get(base + "/w/omitama/indicators");
        WebElement birthRate = driver.findElement(By.xpath("//tr[th[contains(., '合計特殊出生率')]]"));
        assertTrue(birthRate.getText().contains("86.1%"), birthRate.getText());
        assertEquals("B", birthRate.findElement(By.cssSelector("[data-testid='grade']")).getText());
        assertTrue(birthRate.findElement(By.cssSelector("svg.sparkline")).isDisplayed());
        BrowserSupport.screenshot(driver, "indicator-table");
    }

    @Test
    void anotherMunicipalitysStrategyBuiltThroughTheApiReadsRightInTheBrowser() {
        ApiClient api = ApiClient.signedIn(app.port(), db);
        kusari.indicator.OtherMunicipalityAccess.build(api);
        driver.get(base + "/w/kitaura/framework");
        String framework = driver.findElement(By.tagName("main")).getText();
        assertTrue(framework.contains("基本目標"), framework);
        assertTrue(framework.contains("1-1 地域産業の担い手を育てる"), framework);
        driver.get(base + "/w/kitaura/projects/1-1-01");
        String sources = driver.findElement(By.cssSelector("[data-testid='budget-sources']")).getText();
        assertTrue(sources.contains("国庫支出金"), sources);
        assertTrue(sources.contains("27,000"), sources);
        String roadmap = driver.findElement(By.cssSelector("[data-testid='roadmap']")).getText();
        assertTrue(roadmap.contains("研修農場の整備と募集開始"), roadmap);
        BrowserSupport.screenshot(driver, "project-sources-roadmap");
        driver.get(base + "/w/kitaura/projects/1-1-02");
        String partners = driver.findElement(By.cssSelector("[data-testid='partners']")).getText();
        assertTrue(partners.contains("北浦市"), partners);
        assertTrue(partners.contains("南浦町"), partners);
        assertTrue(partners.contains("40%"), partners);
        driver.get(base + "/w/kitaura/review/2021");
        assertEquals("2021年度（令和3年度）の評価", driver.findElement(By.tagName("h1")).getText());
    }

    @Test
    void theIndicatorTablePrintsWithoutNavigationAndFitsThePage() {
        ApiClient.signedIn(app.port(), db).post("/api/v1/workspaces/omitama/reviews/2020/values",
                "{\"cells\": [{\"indicator\": 3, \"value\": \"1.55\"}]}");
        driver.get(base + "/w/omitama/indicators");
        driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
        assertTrue(!driver.findElement(By.cssSelector(".site-header")).isDisplayed(), "no navigation on paper");
        long viewport = (Long) driver.executeScript("return document.documentElement.clientWidth");
        WebElement table = driver.findElement(By.cssSelector("[data-testid='indicator-review-table']"));
        assertTrue(table.getRect().getWidth() <= viewport, "the table fits the printed width");
        assertTrue(driver.findElements(By.cssSelector("svg.sparkline")).stream().allMatch(WebElement::isDisplayed),
                "the panel gets the charts on paper too");
        assertTrue(driver.findElements(By.cssSelector(".edit-links a")).stream().noneMatch(WebElement::isDisplayed),
                "links to forms are left out");
        assertTrue(table.getText().contains("86.1%"), "achievement printed as text");
        BrowserSupport.screenshot(driver, "indicator-table-print");
    }
}
