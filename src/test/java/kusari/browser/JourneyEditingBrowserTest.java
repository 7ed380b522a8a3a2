package kusari.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import kusari.TestApp;
import kusari.db.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A facilitator editing Bさん's journey map live, in real Chromium, on a fresh copy of the sample. */
@Tag("browser")
class JourneyEditingBrowserTest extends FreshBrowserTest {

    /** A second facilitator's browser, when a test needs one. */
    private ChromeDriver other;
    private String editor;

    @BeforeEach
    void signIn() {
        editor = origin + "/w/omitama/journeys/b/edit";
        BrowserSupport.signIn(driver, origin, TestApp.adminCookie(db));
    }

    @AfterEach
    void stopSecondBrowser() {
        if (other != null) {
            other.quit();
        }
    }

    private WebDriverWait waiting(ChromeDriver d) {
        return new WebDriverWait(d, Duration.ofSeconds(10));
    }

    /** The step titles as shown, read in one go (the map may be swapped for a fresh one at any moment). */
    @SuppressWarnings("unchecked")
    private List<String> stepTitles(ChromeDriver d) {
        return (List<String>) d.executeScript(
                "return Array.from(document.querySelectorAll('th.step .step-title')).map(e => e.textContent.trim())");
    }

    private List<String> savedTitles() {
        return db.read(c -> Sql.query(c, "SELECT s.title FROM step s JOIN journey j ON j.id = s.journey_id"
                + " WHERE j.slug = 'b' ORDER BY s.position", rs -> rs.getString(1)));
    }

    private WebElement stepTitle(ChromeDriver d, int position) {
        return d.findElement(By.cssSelector("th.step[data-position='" + position + "'] .step-title"));
    }

    @Test
    void aStepTitleIsEditedInPlaceEnterSavesAndEscCancels() {
        driver.get(editor);
        stepTitle(driver, 2).click();
        WebElement box = waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".inplace")));
        assertEquals("ハローベビー教室", box.getAttribute("value"));
        box.sendKeys(Keys.chord(Keys.CONTROL, "a"), "両親学級", Keys.ENTER);
        waiting(driver).until(ExpectedConditions.textToBe(By.cssSelector("th.step[data-position='2'] .step-title"), "両親学級"));
        assertEquals("両親学級", savedTitles().get(1));
        BrowserSupport.screenshot(driver, "journey-editing-saved");

        stepTitle(driver, 3).click();
        WebElement second = waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".inplace")));
        second.sendKeys(Keys.chord(Keys.CONTROL, "a"), "消えるはずの文字", Keys.ESCAPE);
        waiting(driver).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".inplace")));
        assertEquals("出産・出生届", stepTitle(driver, 3).getText());
        assertEquals("出産・出生届", savedTitles().get(2));
    }

    @Test
    void stepsAreReorderedByKeyboardWithoutAPageReload() {
        driver.get(editor);
        List<String> before = stepTitles(driver);
        driver.executeScript("document.body.dataset.sameDocument = 'yes'");
        WebElement later = driver.findElement(By.cssSelector("th.step[data-position='1'] [data-testid=move-later]"));
        later.sendKeys(Keys.ENTER);
        waiting(driver).until(d -> stepTitles((ChromeDriver) d).get(1).equals(before.get(0)));
        assertEquals(before.get(1), stepTitles(driver).get(0));
        assertEquals(stepTitles(driver), savedTitles());
        assertEquals("yes", driver.executeScript("return document.body.dataset.sameDocument"));
    }

    @Test
    void aDeletedStepComesBackWithUndo() {
        driver.get(editor);
        List<String> before = stepTitles(driver);
        driver.findElement(By.cssSelector("th.step[data-position='3'] [data-testid=delete-step]")).click();
        waiting(driver).until(d -> stepTitles((ChromeDriver) d).size() == before.size() - 1);
        assertTrue(driver.findElement(By.cssSelector("[data-testid=editor-status]")).getText().contains("削除しました"));
        assertEquals(before.size() - 1, savedTitles().size());
        driver.findElement(By.cssSelector("[data-testid=undo-delete]")).click();
        waiting(driver).until(d -> stepTitles((ChromeDriver) d).size() == before.size());
        assertEquals(before, stepTitles(driver));
        assertEquals(before, savedTitles());
    }

    @Test
    void twoFacilitatorsOnTheSameStepSeeTheConflictAndLoseNoWord() {
        other = BrowserSupport.start(1366, 900);
        BrowserSupport.signIn(other, "http://127.0.0.1:" + app.port(), TestApp.sessionCookie(db, "second-planner", "PLANNER"));
        driver.get(editor);
        other.get(editor);
        By pain = By.cssSelector("th.step[data-position='4']");
        String cell = "[data-field=painPoint][data-edit='steps/" + driver.findElement(pain).getAttribute("data-step-id") + "']";
        driver.findElement(By.cssSelector(cell)).click();
        other.findElement(By.cssSelector(cell)).click();
        WebElement mine = waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".inplace")));
        WebElement theirs = waiting(other).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".inplace")));
        mine.sendKeys(Keys.chord(Keys.CONTROL, "a"), "保健師の訪問日が直前までわからない", Keys.ENTER);
        waiting(driver).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".inplace")));
        theirs.sendKeys(Keys.chord(Keys.CONTROL, "a"), "訪問の目的が伝わっていない", Keys.ENTER);
        WebElement conflict = waiting(other).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=inplace-conflict]")));
        assertEquals("保健師の訪問日が直前までわからない", conflict.findElement(By.cssSelector("[data-testid=conflict-theirs]")).getText());
        assertEquals("訪問の目的が伝わっていない", other.findElement(By.cssSelector(".inplace")).getAttribute("value"));
        BrowserSupport.screenshot(other, "journey-editing-conflict");
        // Merge: keep both words, then save over the current version knowingly.
        WebElement box = other.findElement(By.cssSelector(".inplace"));
        box.sendKeys(Keys.END, "／保健師の訪問日が直前までわからない");
        other.findElement(By.cssSelector("[data-testid=conflict-keep-mine]")).click();
        waiting(other).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".inplace")));
        String saved = db.read(c -> Sql.queryOne(c, "SELECT pain_point FROM step WHERE id = ?", rs -> rs.getString(1),
                Long.parseLong(driver.findElement(pain).getAttribute("data-step-id")))).orElseThrow();
        assertEquals("訪問の目的が伝わっていない／保健師の訪問日が直前までわからない", saved);
        // The first facilitator's screen catches up by itself.
        // (The map is swapped for a fresh one when it catches up: an element read at that moment is stale.)
        waiting(driver).withTimeout(Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector(cell)).getText().equals(saved));
    }

    @Test
    void anActionIsAddedByTypingTheActorsName() {
        driver.get(editor);
        WebElement add = driver.findElements(By.cssSelector("[data-testid=add-action]")).get(0);
        add.findElement(By.tagName("summary")).click();
        add.findElement(By.cssSelector("[data-testid=add-action-actor]")).sendKeys("健康増進課");
        add.findElement(By.cssSelector("[data-testid=add-action-text]")).sendKeys("妊娠届の窓口で子育てアプリを紹介する");
        add.findElement(By.cssSelector("[data-testid=add-action-submit]")).click();
        By lane = By.cssSelector("tr[data-actor='健康増進課'] td:nth-of-type(1)");
        waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(lane, "妊娠届の窓口で子育てアプリを紹介する"));
    }
}
