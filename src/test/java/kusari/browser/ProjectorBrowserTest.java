package kusari.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import kusari.TestApp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The map where a facilitator shows it: a 1920 × 1080 projector (nine steps without sideways scroll, a presentation
 * view in type the back row can read), a 390 × 844 phone (the header leaves the screen to the map), and the trace
 * diagram on a 1366 × 768 projector. Each screen size is the page's own viewport, set through Chromium's device
 * metrics, and every size is measured as the browser laid it out.
 */
@Tag("browser")
class ProjectorBrowserTest extends FreshBrowserTest {

    private void viewport(int width, int height, boolean phone) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", phone));
    }

    private long number(String script) {
        return ((Number) driver.executeScript(script)).longValue();
    }

    private void assertNoSidewaysScroll(String what) {
        long frame = number("return document.querySelector('.map-scroll').scrollWidth");
        long shown = number("return document.querySelector('.map-scroll').clientWidth");
        assertTrue(frame <= shown, what + ": the map scrolls sideways (" + frame + " > " + shown + ")");
        long page = number("return document.documentElement.scrollWidth");
        long view = number("return window.innerWidth");
        assertTrue(page <= view, what + ": the page scrolls sideways (" + page + " > " + view + ")");
        WebElement last = driver.findElement(By.cssSelector("th.step[data-position='9']"));
        assertTrue(last.getRect().getX() + last.getRect().getWidth() <= view, what + ": the ninth step is cut off");
    }

    @Test
    void atA1920ProjectorNineStepsFitWithoutSidewaysScrollWhenViewingAndEditing() {
        viewport(1920, 1080, false);
        driver.get(origin + "/w/omitama/journeys/a");
        assertEquals(9, driver.findElements(By.cssSelector("th.step")).size(), "Aさん's journey has nine steps");
        assertEquals(1920L, number("return window.innerWidth"));
        assertNoSidewaysScroll("viewing");
        BrowserSupport.signIn(driver, origin, TestApp.adminCookie(db));
        driver.get(origin + "/w/omitama/journeys/a/edit");
        assertNoSidewaysScroll("editing");
        BrowserSupport.screenshot(driver, "projector-1920-editing");
    }

    @Test
    void thePresentationViewShowsTheMapAloneInTypeOfAtLeast20Px() {
        viewport(1920, 1080, false);
        driver.get(origin + "/w/omitama/journeys/a");
        driver.findElement(By.cssSelector("[data-testid=open-presentation]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().endsWith("?view=present"));
        assertFalse(driver.findElement(By.cssSelector(".site-header")).isDisplayed(), "the site header gives way to the map");
        assertNoSidewaysScroll("presenting");
        // every visible piece of text on the map and its heading, as the browser sized it
        @SuppressWarnings("unchecked")
        List<Object> sizes = (List<Object>) driver.executeScript("""
                return Array.from(document.querySelectorAll('section.journey *, .journey-persona')).filter(e => e.getClientRects().length > 0
                    && Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim()))
                  .map(e => [parseFloat(getComputedStyle(e).fontSize), e.tagName + '.' + e.className + ' ' + e.textContent.trim().slice(0, 20)]);""");
        assertTrue(sizes.size() > 50, "the map's words were measured: " + sizes.size());
        for (Object o : sizes) {
            List<?> size = (List<?>) o;
            assertTrue(((Number) size.get(0)).doubleValue() >= 20, "type below 20 px: " + size);
        }
        BrowserSupport.screenshot(driver, "projector-1920-presentation");
        driver.findElement(By.cssSelector("[data-testid=leave-presentation]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().endsWith("/journeys/a"));
        assertTrue(driver.findElement(By.cssSelector(".site-header")).isDisplayed());
    }

    @Test
    void onAPhoneTheHeaderTakesAtMost15PercentOfTheScreen() {
        viewport(390, 844, true);
        driver.get(origin + "/w/omitama/journeys/b");
        assertEquals(390L, number("return window.innerWidth"));
        long header = number("return Math.ceil(document.querySelector('.site-header').getBoundingClientRect().height)");
        assertTrue(header <= 844 * 0.15, "a visitor's header is " + header + " px of 844");
        BrowserSupport.signIn(driver, origin, TestApp.adminCookie(db));
        driver.get(origin + "/w/omitama/journeys/b/edit");
        assertEquals(390L, number("return window.innerWidth"), "nothing widens the page past the phone");
        header = number("return Math.ceil(document.querySelector('.site-header').getBoundingClientRect().height)");
        assertTrue(header <= 844 * 0.15, "a signed-in facilitator's header is " + header + " px of 844");
        assertTrue(number("return document.documentElement.scrollWidth") <= 390, "the page does not scroll sideways");
        // every section is still there, in one line that scrolls sideways inside the header
        WebElement nav = driver.findElement(By.cssSelector(".site-nav"));
        assertEquals(8, nav.findElements(By.tagName("a")).size());
        assertTrue(nav.getRect().getHeight() < 45, "the sections take one line: " + nav.getRect().getHeight());
        BrowserSupport.screenshot(driver, "phone-390-editor");
    }

    @Test
    void theTraceDiagramReadsAtA1366ProjectorAndACutLabelShowsInFullOnHoverAndFocus() {
        viewport(1366, 768, false);
        driver.get(origin + "/w/omitama/trace/challenge/2");
        WebElement svg = driver.findElement(By.cssSelector("svg[data-testid=trace-diagram]"));
        assertTrue(svg.getRect().getY() + 150 <= 768, "the diagram starts above the fold: top at " + svg.getRect().getY());
        // rendered type size = font size × the SVG's scale on screen
        double smallest = ((Number) driver.executeScript("""
                var svg = document.querySelector('svg[data-testid=trace-diagram]'); var scale = svg.getScreenCTM().a;
                return Math.min(...Array.from(svg.querySelectorAll('text')).map(t => parseFloat(getComputedStyle(t).fontSize) * scale));
                """)).doubleValue();
        assertTrue(smallest >= 13, "the smallest label is " + smallest + " px");
        assertTrue(number("return document.documentElement.scrollWidth") <= 1366, "the page does not scroll sideways");
        long outside = number("""
                var frame = document.querySelector('.trace-scroll').getBoundingClientRect();
                return Array.from(document.querySelectorAll('svg[data-testid=trace-diagram] rect')).filter(r =>
                    r.getBoundingClientRect().right > frame.right + 1).length;""");
        assertEquals(0L, outside, "all nine columns are in the frame without sideways scroll");

        WebElement cut = driver.findElement(By.cssSelector("svg a.node-link[data-full]"));
        String full = cut.getAttribute("data-full");
        assertTrue(cut.getText().contains("…") || cut.findElements(By.cssSelector("text")).stream()
                .anyMatch(t -> t.getText().endsWith("…")), "the box shows a cut title");
        new Actions(driver).moveToElement(cut).perform();
        WebElement label = new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("[data-testid=trace-full-label]"));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
        assertEquals(full, label.getText(), "hover shows the whole title");
        assertTrue(parseSize(label) >= 13);
        BrowserSupport.screenshot(driver, "trace-1366-full-label");
        new Actions(driver).moveToElement(driver.findElement(By.cssSelector("h1"))).perform();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> !label.isDisplayed());

        driver.executeScript("arguments[0].focus()", cut);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> label.isDisplayed());
        assertEquals(full, label.getText(), "focus shows the whole title");
        assertTrue(label.getRect().getY() >= cut.findElement(By.cssSelector("rect")).getRect().getY(),
                "the label sits at its box");
    }

    private double parseSize(WebElement e) {
        return Double.parseDouble(e.getCssValue("font-size").replace("px", ""));
    }
}
