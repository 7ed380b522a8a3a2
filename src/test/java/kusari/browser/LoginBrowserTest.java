package kusari.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import kusari.TestApp;
import kusari.db.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A department member signs in through the form, edits their department's action, finds another department's
 * action read-only, signs out and finds editing gone.
 */
@Tag("browser")
class LoginBrowserTest extends FreshBrowserTest {

    @BeforeEach
    void departmentMemberAccount() {
        TestApp.sessionCookie(db, "kikaku", "MEMBER", "企画調整課");
    }

    private String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    @Test
    void aDepartmentMemberEditsTheirOwnActionOnlyAndLosesEditingOnSigningOut() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        long own = db.read(c -> Sql.queryLong(c, """
                SELECT MIN(aa.action_id) FROM action_actor aa JOIN actor a ON a.id = aa.actor_id WHERE a.name = '企画調整課'"""));
        String journey = db.read(c -> Sql.queryOne(c, """
                SELECT j.slug FROM action x JOIN step s ON s.id = x.step_id JOIN journey j ON j.id = s.journey_id
                WHERE x.id = ?""", rs -> rs.getString(1), own)).orElseThrow();
        // Another department's action on the same journey.
        long other = db.read(c -> Sql.queryLong(c, """
                SELECT MIN(x.id) FROM action x JOIN step s ON s.id = x.step_id JOIN journey j ON j.id = s.journey_id
                WHERE j.slug = ? AND EXISTS (SELECT 1 FROM action_actor aa WHERE aa.action_id = x.id)
                AND NOT EXISTS (SELECT 1 FROM action_actor aa JOIN actor a
                ON a.id = aa.actor_id WHERE aa.action_id = x.id AND a.name = '企画調整課')""", journey));

        // Anonymous: the sample reads at once, without any editing.
        driver.get(origin + "/w/omitama/journeys/" + journey);
        assertTrue(driver.findElements(By.cssSelector("[data-testid=open-editor]")).isEmpty(), "no editor link");
        driver.findElement(By.cssSelector("[data-testid=login-link]")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-name"))).sendKeys("kikaku");
        driver.findElement(By.id("login-password")).sendKeys(TestApp.PASSWORD);
        driver.findElement(By.cssSelector("[data-testid=login-submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=account-name]")));
        assertEquals("kikaku", driver.findElement(By.cssSelector("[data-testid=account-name]")).getText());
        assertTrue(driver.getCurrentUrl().endsWith("/w/omitama/journeys/" + journey), driver.getCurrentUrl());
        assertFalse(driver.findElements(By.cssSelector("[data-testid=open-editor]")).isEmpty(), "the editor link is back");

        // In the journey editor only their own department's actions carry the edit tool.
        driver.findElement(By.cssSelector("[data-testid=open-editor]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=editor-status]")));
        assertFalse(driver.findElements(By.cssSelector("a[href^='/w/omitama/edit/actions/" + own + "?']")).isEmpty());
        assertTrue(driver.findElements(By.cssSelector("a[href^='/w/omitama/edit/actions/" + other + "?']")).isEmpty());
        assertTrue(driver.findElements(By.cssSelector("a[href^='/w/omitama/edit/steps/']")).isEmpty(),
                "steps are the planners' to change");
        assertFalse(driver.findElements(By.cssSelector("[data-testid=add-action]")).isEmpty(),
                "adding their department's action to a step is theirs");

        // Their own department's action: the form saves, and the page shows it.
        driver.get(origin + "/w/omitama/edit/actions/" + own);
        var textarea = driver.findElement(By.cssSelector("textarea[name=text]"));
        textarea.clear();
        textarea.sendKeys("広報紙で毎号紹介する");
        driver.findElement(By.cssSelector("form.edit-form button.primary")).click();
        wait.until(d -> text().contains("広報紙で毎号紹介する"));
        assertEquals("広報紙で毎号紹介する", db.read(c -> Sql.queryOne(c, "SELECT text FROM action WHERE id = ?",
                rs -> rs.getString(1), own)).orElseThrow());
        assertEquals("kikaku", db.read(c -> Sql.queryOne(c, "SELECT changed_by FROM change_log ORDER BY id DESC LIMIT 1",
                rs -> rs.getString(1))).orElseThrow());

        // Another department's action: read-only, said plainly, and no form to fill in.
        driver.get(origin + "/w/omitama/edit/actions/" + other);
        assertTrue(text().contains("あなたが担当する課・団体の取組だけを変更できます。"), text());
        assertTrue(driver.findElements(By.cssSelector("textarea[name=text]")).isEmpty());

        // Signing out: editing is gone.
        driver.get(origin + "/w/omitama/journeys/" + journey);
        driver.findElement(By.cssSelector("[data-testid=logout]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=signed-out]")));
        driver.get(origin + "/w/omitama/journeys/" + journey);
        assertTrue(driver.findElements(By.cssSelector("[data-testid=open-editor]")).isEmpty());
        assertTrue(driver.findElements(By.cssSelector("[data-testid=account-name]")).isEmpty());
        driver.get(origin + "/w/omitama/edit/actions/" + own);
        assertTrue(driver.getCurrentUrl().contains("/login?next="), driver.getCurrentUrl());
        assertTrue(driver.findElements(By.cssSelector("textarea[name=text]")).isEmpty());
        BrowserSupport.screenshot(driver, "login-after-signing-out");
    }
}
