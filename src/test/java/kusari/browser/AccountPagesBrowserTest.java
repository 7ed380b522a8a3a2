package kusari.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kusari.TestApp;
import kusari.db.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** An administrator gives a colleague a department role, and finds their change under their name. */
@Tag("browser")
class AccountPagesBrowserTest extends FreshBrowserTest {

    @Override
    protected int windowHeight() {
        return 1000;
    }

    @BeforeEach
    void signIn() {
        BrowserSupport.signIn(driver, origin, TestApp.adminCookie(db));
    }

    private String text() {
        return driver.findElement(By.tagName("main")).getText();
    }

    /** Waits until the page after a submit shows {@code expected} (the old page may still be there a moment). */
    private void waitFor(String expected) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> text().contains(expected));
    }

    @Test
    void anAdministratorAddsAnAccountGivesItADepartmentAndSeesChangesByPerson() {
        driver.get(origin + "/admin/accounts");
        driver.findElement(By.id("new-name")).sendKeys("sato");
        driver.findElement(By.id("new-password")).sendKeys(TestApp.PASSWORD);
        driver.findElement(By.cssSelector("form[action='/admin/accounts'] button")).click();
        waitFor("アカウントを追加しました。");
        assertTrue(driver.findElement(By.cssSelector("[data-testid=accounts]")).getText().contains("sato"));
        BrowserSupport.screenshot(driver, "admin-accounts");

        driver.get(origin + "/w/omitama/settings");
        driver.findElement(By.id("member-name")).sendKeys("sato");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("member-role"))).selectByValue("MEMBER");
        driver.findElement(By.xpath("//label[contains(., '商工観光課')]/input")).click();
        driver.findElement(By.cssSelector("form[action='/w/omitama/settings/members'] button")).click();
        waitFor("役割を保存しました。");
        String members = driver.findElement(By.cssSelector("[data-testid=members]")).getText();
        assertTrue(members.contains("sato") && members.contains("担当課のメンバー") && members.contains("商工観光課"), members);
        BrowserSupport.screenshot(driver, "workspace-settings");
        long account = db.read(c -> Sql.queryLong(c, "SELECT id FROM account WHERE name = 'sato'"));
        assertEquals("MEMBER", db.read(c -> Sql.queryOne(c, "SELECT role FROM workspace_member WHERE account_id = ?",
                rs -> rs.getString(1), account)).orElseThrow());

        // A change by the administrator, then the history by person.
        long step = db.read(c -> Sql.queryLong(c, "SELECT MIN(id) FROM step"));
        driver.get(origin + "/w/omitama/edit/steps/" + step);
        var title = driver.findElement(By.cssSelector("input[name=title]"));
        title.clear();
        title.sendKeys("窓口で相談する");
        driver.findElement(By.cssSelector("form.edit-form button.primary")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                .until(d -> !d.getCurrentUrl().contains("/edit/"));
        driver.get(origin + "/admin/changes?by=test-admin");
        String changes = driver.findElement(By.cssSelector("[data-testid=changes]")).getText();
        assertTrue(changes.contains("test-admin") && changes.contains("窓口で相談する"), changes);
        BrowserSupport.screenshot(driver, "admin-changes");

        driver.get(origin + "/account");
        driver.findElement(By.cssSelector("form[action='/account/tokens'] button")).click();
        waitFor("APIトークンを作りました。");
        assertTrue(driver.findElement(By.cssSelector("[data-testid=new-token]")).getText().startsWith("kst_"));
        driver.findElement(By.cssSelector("form[action='/account/totp/start'] button")).click();
        waitFor("認証アプリにこの鍵を登録し");
        assertTrue(driver.findElement(By.cssSelector("[data-testid=totp-secret]")).getText().matches("[A-Z2-7]{32}"));
        BrowserSupport.screenshot(driver, "account");
    }
}
