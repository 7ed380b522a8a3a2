package kusari.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import kusari.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Three Chromium sessions on one journey at once: facilitator A and facilitator B in the editor, and C on the plain
 * journey page (the projector). What A saves is pushed to B and C, who see it within a second without loading
 * their page again; B's unsaved typing is never overwritten, only told that a newer version exists.
 */
@Tag("browser")
class JourneyPushBrowserTest extends FreshBrowserTest {

    private ChromeDriver editorB;
    private ChromeDriver pageC;
    private String editor;
    private String plain;

    @BeforeEach
    void signInThree() {
        editor = origin + "/w/omitama/journeys/b/edit";
        plain = origin + "/w/omitama/journeys/b";
        editorB = BrowserSupport.start(1366, 900);
        pageC = BrowserSupport.start(1366, 900);
        BrowserSupport.signIn(driver, origin, TestApp.adminCookie(db));
        BrowserSupport.signIn(editorB, origin, TestApp.sessionCookie(db, "second-planner", "PLANNER"));
        driver.get(editor);
        editorB.get(editor);
        pageC.get(plain);
        for (ChromeDriver d : new ChromeDriver[] {driver, editorB, pageC}) {
            waiting(d).until(x -> "open".equals(((ChromeDriver) x).executeScript(
                    "return document.documentElement.dataset.live;")));
            // a page that is loaded again loses this: it shows that no navigation happened
            d.executeScript("window.kusariNotReloaded = true;");
        }
    }

    @AfterEach
    void quitOthers() {
        for (ChromeDriver d : new ChromeDriver[] {editorB, pageC}) {
            if (d != null) {
                d.quit();
            }
        }
    }

    private static WebDriverWait waiting(ChromeDriver d) {
        WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(10));
        wait.pollingEvery(Duration.ofMillis(25));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static String title(ChromeDriver d, int position) {
        return d.findElement(By.cssSelector("th.step[data-position='" + position + "'] .step-title")).getText();
    }

    private static boolean notReloaded(ChromeDriver d) {
        return Boolean.TRUE.equals(d.executeScript("return window.kusariNotReloaded === true;"));
    }

    @Test
    void whatOneEditorSavesShowsOnTheOtherEditorAndThePlainPageWithinASecond() {
        driver.findElement(By.cssSelector("th.step[data-position='2'] .step-title")).click();
        WebElement box = waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".inplace")));
        box.sendKeys(Keys.chord(Keys.CONTROL, "a"), "両親学級（土曜も開催）");
        // the moment A saves, by A's clock; B and C note by the same machine's clock when the pushed map was put in
        long saved = (Long) driver.executeScript("return Date.now();");
        box.sendKeys(Keys.ENTER);
        for (ChromeDriver d : new ChromeDriver[] {editorB, pageC}) {
            waiting(d).until(x -> title((ChromeDriver) x, 2).equals("両親学級（土曜も開催）"));
            long applied = (Long) d.executeScript("return window.kusariLiveAppliedAt;");
            assertTrue(applied - saved <= 1000, "shown " + (applied - saved) + " ms after saving");
            assertTrue(notReloaded(d), "the page was not loaded again");
        }
        assertTrue(notReloaded(driver));
        // the editor that received the map can go on editing in it
        editorB.findElement(By.cssSelector("th.step[data-position='2'] .step-title")).click();
        assertTrue(waiting(editorB).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".inplace")))
                .getAttribute("value").equals("両親学級（土曜も開催）"));
        BrowserSupport.screenshot(pageC, "journey-push-plain-page");
    }

    @Test
    void unsavedTypingIsNotOverwrittenButToldThatANewerVersionExists() {
        String cell = "th.step[data-position='3'] .step-title";
        editorB.findElement(By.cssSelector(cell)).click();
        WebElement mine = waiting(editorB).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".inplace")));
        mine.sendKeys(Keys.chord(Keys.CONTROL, "a"), "出生届（Bの案）");

        driver.findElement(By.cssSelector(cell)).click();
        WebElement theirs = waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".inplace")));
        theirs.sendKeys(Keys.chord(Keys.CONTROL, "a"), "出生届（Aの案）", Keys.ENTER);

        // the plain page shows A's title; B's field still holds B's words, and B is told
        waiting(pageC).until(x -> title((ChromeDriver) x, 3).equals("出生届（Aの案）"));
        WebElement status = editorB.findElement(By.cssSelector("[data-testid=editor-status]"));
        waiting(editorB).until(x -> status.getText().contains("ほかの人がこの地図を変更しました"));
        assertEquals("出生届（Bの案）", editorB.findElement(By.cssSelector(".inplace")).getAttribute("value"));
        // saving meets the newer version: the conflict shows A's words beside B's
        editorB.findElement(By.cssSelector(".inplace")).sendKeys(Keys.ENTER);
        WebElement conflict = waiting(editorB).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=inplace-conflict]")));
        assertEquals("出生届（Aの案）", conflict.findElement(By.cssSelector("[data-testid=conflict-theirs]")).getText());
        // taking theirs closes the field, and the map that waited is put in place
        editorB.findElement(By.cssSelector("[data-testid=conflict-take-theirs]")).click();
        waiting(editorB).until(x -> title((ChromeDriver) x, 3).equals("出生届（Aの案）"));
        assertTrue(notReloaded(editorB) && notReloaded(pageC));
    }
}
