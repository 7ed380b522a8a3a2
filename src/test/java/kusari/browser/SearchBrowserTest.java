package kusari.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A planner searches from the header of any page, sees the results grouped with the match marked, and follows one. */
@Tag("browser")
class SearchBrowserTest extends SampleBrowserTest {

    private void searchFromHeader(String q) {
        WebElement box = driver.findElement(By.cssSelector("[data-testid=search-q]"));
        assertTrue(box.isDisplayed(), "the search box is in the header");
        box.sendKeys(q, Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/search?q="));
    }

    @Test
    void aThreeCharacterSearchFromTheHeaderLeadsToChallenge2() {
        driver.get(origin + "/w/omitama/personas");
        searchFromHeader("子育てアプリ");
        assertTrue(driver.findElement(By.cssSelector("[data-testid=search-total]")).getText().contains("件"));
        List<WebElement> groups = driver.findElements(By.cssSelector("[data-testid=search-group]"));
        assertFalse(groups.isEmpty());
        WebElement challenges = groups.stream().filter(g -> g.getAttribute("data-kind").equals("challenge"))
                .findFirst().orElseThrow();
        assertTrue(challenges.findElement(By.tagName("h2")).getText().startsWith("課題"), "the group is named");
        WebElement mark = challenges.findElement(By.cssSelector("mark"));
        assertEquals("子育てアプリ", mark.getText());
        assertTrue(mark.isDisplayed());
        BrowserSupport.screenshot(driver, "search-kosodate-app");
        challenges.findElement(By.cssSelector("a.search-hit-title")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/challenges/2"));
        assertTrue(driver.findElement(By.tagName("h1")).getText().contains("子育てアプリが知られていない"));
    }

    @Test
    void oneAndTwoCharacterJapaneseQueriesAreAnsweredAndEnglishPagesNameTheGroupsInEnglish() {
        driver.get(origin + "/w/omitama/challenges");
        searchFromHeader("民泊");
        List<WebElement> marks = driver.findElements(By.cssSelector(".search-hit mark"));
        assertFalse(marks.isEmpty());
        assertTrue(marks.stream().allMatch(m -> m.getText().equals("民泊")), "only the two characters are marked");

        driver.get(origin + "/w/omitama/search?lang=en&q=%E8%AA%B2");
        List<String> headings = driver.findElements(By.cssSelector("[data-testid=search-group] h2")).stream()
                .map(WebElement::getText).toList();
        assertTrue(headings.stream().anyMatch(h -> h.startsWith("Departments and partners")), headings.toString());
        assertTrue(driver.findElement(By.cssSelector("[data-testid=search-total]")).getText().contains("results"));
    }
}
