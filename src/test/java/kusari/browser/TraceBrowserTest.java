package kusari.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A planner follows a trace in a real browser: diagram and table agree, and a node leads on to the next trace. */
@Tag("browser")
class TraceBrowserTest extends SampleBrowserTest {

    /** Node keys and visible titles as the diagram draws them. */
    private Set<String> diagramNodes() {
        Set<String> nodes = new TreeSet<>();
        for (WebElement a : driver.findElements(By.cssSelector("svg.trace-diagram a[data-testid=trace-node]"))) {
            assertTrue(a.isDisplayed(), "node " + a.getAttribute("data-node") + " is visible");
            nodes.add(a.getAttribute("data-node"));
        }
        return nodes;
    }

    private Set<String> tableNodes() {
        Set<String> nodes = new TreeSet<>();
        for (WebElement tr : driver.findElements(By.cssSelector("table.trace-table tr[data-node]"))) {
            nodes.add(tr.getAttribute("data-node"));
        }
        return nodes;
    }

    @Test
    void aTraceFromChallenge2LeadsToProject1034AndBackToBsansSteps() {
        driver.get(origin + "/w/omitama/challenges/2");
        driver.findElement(By.cssSelector("[data-testid=trace-cta]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/trace/challenge/2"));
        assertTrue(driver.findElement(By.cssSelector("[data-testid=trace-title]")).getText().contains("子育てアプリが知られていない"));

        Set<String> drawn = diagramNodes();
        assertFalse(drawn.isEmpty());
        assertEquals(tableNodes(), drawn, "the table lists what the diagram draws");
        // The diagram reads left to right: the challenge's column lies left of the project's, which lies left of
        // the goal indicators'.
        double challengeX = x("[data-node^='challenge:'] rect");
        double projectX = x("[data-node^='project:'] rect");
        double goalX = x("[data-node^='indicator:'] rect");
        assertTrue(challengeX < projectX && projectX < goalX, challengeX + " < " + projectX + " < " + goalX);
        // Every edge joins two drawn nodes.
        for (WebElement edge : driver.findElements(By.cssSelector("svg.trace-diagram path.edge"))) {
            assertTrue(drawn.contains(edge.getAttribute("data-from")) && drawn.contains(edge.getAttribute("data-to")));
        }
        BrowserSupport.screenshot(driver, "trace-challenge-2");

        WebElement project = driver.findElements(By.cssSelector("svg.trace-diagram a[data-testid=trace-node]")).stream()
                .filter(a -> a.getAttribute("data-node").startsWith("project:")).findFirst().orElseThrow();
        assertTrue(project.getText().contains("1-03-4"), project.getText());
        project.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/trace/project/1-03-4"));

        Set<String> fromProject = diagramNodes();
        assertEquals(tableNodes(), fromProject);
        List<String> personas = driver.findElements(By.cssSelector("table.trace-table tr[data-node^='persona:'] th"))
                .stream().map(WebElement::getText).toList();
        assertEquals(1, personas.size());
        assertTrue(personas.get(0).contains("Bさん"));
        List<WebElement> steps = driver.findElements(By.cssSelector("table.trace-table tr[data-node^='step:']"));
        assertFalse(steps.isEmpty());
        for (WebElement step : steps) {
            assertTrue(step.findElement(By.cssSelector("th")).getText().startsWith("Bさん ステップ"), step.getText());
        }
        assertEquals(String.valueOf(driver.findElements(By.cssSelector("table.trace-table tr.troubled[data-node^='step:']")).size()),
                driver.findElement(By.cssSelector("[data-testid=reach-troubled]")).getText(), "troubled steps counted as listed");
        BrowserSupport.screenshot(driver, "trace-project-1-03-4");

        for (String url : BrowserSupport.requestedUrls(driver)) {
            assertTrue(url.startsWith(origin + "/") || url.startsWith("data:"), "requested another origin: " + url);
        }
    }

    @Test
    void printedTheDiagramFitsThePageAndTheFormsAreLeftOut() {
        driver.get(origin + "/w/omitama/trace/project/1-03-4");
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        WebElement svg = driver.findElement(By.cssSelector("svg.trace-diagram"));
        long viewport = (Long) driver.executeScript("return document.documentElement.clientWidth");
        assertTrue(svg.getRect().getWidth() <= viewport, "the diagram fits the printed width");
        assertFalse(driver.findElement(By.cssSelector(".site-header")).isDisplayed());
        BrowserSupport.screenshot(driver, "trace-print");

        driver.get(origin + "/w/omitama/chain-check");
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertTrue(driver.findElements(By.cssSelector("form.dismiss, .dismiss-link")).stream().noneMatch(WebElement::isDisplayed),
                "no dismiss forms on paper");
        assertTrue(driver.findElement(By.cssSelector("[data-testid=chain-summary]")).isDisplayed());
        BrowserSupport.screenshot(driver, "chain-check-print");
    }

    private double x(String css) {
        return driver.findElement(By.cssSelector("svg.trace-diagram " + css)).getRect().getX();
    }
}
