package kusari.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import kusari.ApiClient;
import kusari.strategy.LevelCodesTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 北浦市 numbers 基本目標 1–3 and 戦略 1–6: the code 1 is on both levels. A reader of its framework page follows each
 * item's own links (its trace, and back from a project to its place) and lands on the item they chose.
 */
@Tag("browser")
class LevelCodesBrowserTest extends FreshBrowserTest {

    private WebElement section(String id) {
        return driver.findElement(By.id(id));
    }

    private String traceTitle() {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=trace-title]")));
        return driver.findElement(By.cssSelector("[data-testid=trace-title]")).getText();
    }

    @Test
    void bothItemsCalledOneLeadToTheirOwnTraceAndPlace() {
        LevelCodesTest.buildKitaura(ApiClient.signedIn(app.port(), db));
        // a workspace made once accounts exist is private: the reader is a signed-in member
        BrowserSupport.signIn(driver, origin, kusari.TestApp.adminCookie(db));

        driver.get(origin + "/w/kitaura/framework");
        WebElement goal = section("node-1@1");
        WebElement strategy = section("node-1@2");
        assertTrue(goal.findElement(By.cssSelector(".fw-title")).getText().contains("安定した雇用を創出する"));
        assertTrue(strategy.findElement(By.cssSelector(".fw-title")).getText().contains("地域産業を育てる"));

        // the section of 戦略1 sits inside 基本目標1's; its own trace link is its first one
        goal.findElement(By.cssSelector(":scope > .trace-cta a")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/trace/policy-field/1"));
        assertTrue(traceTitle().contains("安定した雇用を創出する"), traceTitle());

        driver.navigate().back();
        section("node-1@2").findElement(By.cssSelector(":scope > .trace-cta a")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/trace/measure/1?level=2"));
        String title = traceTitle();
        assertTrue(title.contains("地域産業を育てる"), title);
        BrowserSupport.screenshot(driver, "level-codes-trace-strategy-1");

        // from the project under 戦略1, its place in the framework is 戦略1, not 基本目標1
        driver.get(origin + "/w/kitaura/projects/1-01");
        WebElement place = driver.findElements(By.cssSelector("dl.framework-path dd a")).get(1);
        assertTrue(place.getText().contains("地域産業を育てる"), place.getText());
        place.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("#node-1@2"));
        assertEquals("node-1@2", (String) driver.executeScript("return document.querySelector(':target').id"));
        assertTrue(section("node-1@2").findElement(By.cssSelector(".fw-title")).getText().contains("地域産業を育てる"));
        BrowserSupport.screenshot(driver, "level-codes-framework");
    }
}
