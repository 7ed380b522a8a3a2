package kusari.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A developer opens the API's documentation from the footer and reads the operations Swagger UI shows, served by
 * Kusari itself under its Content-Security-Policy (no inline script, nothing fetched from elsewhere).
 */
@Tag("browser")
class ApiDocsBrowserTest extends FreshBrowserTest {

    @Test
    void theFooterLeadsToSwaggerUiShowingTheApisOperations() {
        driver.get(origin + "/w/omitama");
        driver.findElement(By.cssSelector("[data-testid=api-docs-link]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector(".opblock")).isEmpty());
        String text = driver.findElement(By.id("swagger-ui")).getText();
        assertTrue(text.contains("Kusari API"), text.substring(0, Math.min(300, text.length())));
        assertTrue(text.contains("/workspaces/{ws}/personas"), "the operations are listed");
        assertTrue(driver.findElements(By.cssSelector(".opblock")).size() > 50);
        List<String> blocked = driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy")).toList();
        assertEquals(List.of(), blocked, "nothing refused by the page's policy");
    }
}
