package kusari.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kusari.SampleFiles;
import kusari.files.WorkspaceFiles.StepEntry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a department head sees of its own steps, the responsibility matrix and the printed checklist. */
@Tag("browser")
class ActorBrowserTest extends SampleBrowserTest {

    /** A4 in PDF points (1/72 inch): 210 × 297 mm. */
    private static final double A4_WIDTH_PT = 595.3;
    private static final double A4_HEIGHT_PT = 841.9;

    private void openActor(String name) {
        driver.get(origin + "/w/omitama/actors");
        driver.findElement(By.linkText(name)).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=actor-name]"), name));
    }

    @Test
    void kenkoZoshinKaSeesItsBsanStepsWithActionsAndHandOffs() {
        openActor("健康増進課");
        List<StepEntry> b = SampleFiles.journey("b").steps();
        List<WebElement> cards = driver.findElements(By.cssSelector("[data-testid=actor-step]"));
        assertEquals(3, cards.size());
        int[] positions = {2, 4, 5};
        String[] actions = {"開催時に一言案内する", "訪問時に一言添える", "案内通知にQRコードを印刷する"};
        for (int i = 0; i < 3; i++) {
            WebElement card = cards.get(i);
            assertTrue(card.findElement(By.cssSelector(".step-card-title")).getText().contains(b.get(positions[i] - 1).title()));
            assertEquals(actions[i], card.findElement(By.cssSelector("[data-testid=actor-action] strong")).getText());
            assertTrue(card.getText().contains("困った"), "emotion in words, not colour alone");
        }
        assertTrue(cards.get(2).findElement(By.cssSelector("[data-testid=handoff-after]")).getText().contains("企画調整課"));
        assertEquals("3", driver.findElement(By.cssSelector("[data-testid=sum-steps]")).getText());
        BrowserSupport.screenshot(driver, "actor-kenko-1366");
    }

    @Test
    void theMatrixCellTakesThePlannerToKikakuChoseiKasFsanSteps() {
        driver.get(origin + "/w/omitama/matrix");
        WebElement cell = driver.findElement(By.cssSelector("tr[data-actor='企画調整課'] td[data-persona='f']"));
        assertEquals("3", cell.getText(), "the count is written in the cell");
        BrowserSupport.screenshot(driver, "matrix-1366");
        cell.findElement(By.tagName("a")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("persona=f"));
        List<String> steps = driver.findElements(By.cssSelector("[data-testid=actor-step]")).stream()
                .map(e -> e.getAttribute("data-step")).toList();
        assertEquals(List.of("1", "3", "5"), steps);
        assertTrue(driver.findElement(By.cssSelector("[data-testid=persona-filter]")).getText().contains("Fさん"));
    }

    @Test
    void onAPhoneTheActorPageFitsAndTheMatrixScrollsInsideItsFrame() {
        driver.manage().window().setSize(new Dimension(390, 844));
        openActor("企画調整課");
        long pageWidth = (Long) driver.executeScript("return document.documentElement.scrollWidth");
        long viewport = (Long) driver.executeScript("return window.innerWidth");
        assertTrue(pageWidth <= viewport + 1, "the actor page does not overflow: " + pageWidth + " > " + viewport);
        BrowserSupport.screenshot(driver, "actor-kikaku-phone");
        driver.get(origin + "/w/omitama/matrix");
        pageWidth = (Long) driver.executeScript("return document.documentElement.scrollWidth");
        assertTrue(pageWidth <= viewport + 1, "the matrix page does not overflow: " + pageWidth + " > " + viewport);
        WebElement frame = driver.findElement(By.cssSelector(".table-scroll"));
        long scrollWidth = (Long) driver.executeScript("return arguments[0].scrollWidth", frame);
        long clientWidth = (Long) driver.executeScript("return arguments[0].clientWidth", frame);
        assertTrue(scrollWidth > clientWidth, "the eight persona columns scroll sideways inside the frame");
        BrowserSupport.screenshot(driver, "matrix-phone");
    }

    @Test
    void theChecklistPrintsOnA4Portrait() {
        openActor("健康増進課");
        driver.findElement(By.cssSelector("[data-testid=checklist-link]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=checklist]")));
        assertEquals(3, driver.findElements(By.cssSelector("[data-testid=checklist-step]")).size());

        // The page's own stylesheet chooses the paper: print with the CSS page size and read the PDF's pages.
        String data = (String) driver.executeCdpCommand("Page.printToPDF",
                Map.of("preferCSSPageSize", true, "printBackground", true)).get("data");
        String pdf = new String(Base64.getDecoder().decode(data), StandardCharsets.ISO_8859_1);
        List<double[]> boxes = mediaBoxes(pdf);
        assertEquals(1, boxes.size(), "健康増進課's three steps fit on one sheet");
        for (double[] box : boxes) {
            assertEquals(A4_WIDTH_PT, box[0], 2.0, "A4 width, portrait");
            assertEquals(A4_HEIGHT_PT, box[1], 2.0, "A4 height, portrait");
        }

        // Selenium's print command on A4: a longer checklist runs over several pages but never wider than the paper.
        driver.get(origin + "/w/omitama/actors");
        driver.findElement(By.linkText("企画調整課")).click();
        driver.findElement(By.cssSelector("[data-testid=checklist-link]")).click();
        PrintOptions options = new PrintOptions();
        options.setPageSize(new PageSize(29.7, 21.0));
        options.setOrientation(PrintOptions.Orientation.PORTRAIT);
        String printed = new String(Base64.getDecoder().decode(driver.print(options).getContent()), StandardCharsets.ISO_8859_1);
        int pages = mediaBoxes(printed).size();
        assertTrue(pages >= 1 && pages <= 4, "企画調整課's 15 steps print on a few A4 pages, not " + pages);
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        driver.manage().window().setSize(new Dimension(794, 1123));
        assertFalse(driver.findElement(By.cssSelector(".site-header")).isDisplayed(), "no navigation on paper");
        long contentWidth = (Long) driver.executeScript("return document.documentElement.scrollWidth");
        long paperWidth = (Long) driver.executeScript("return document.documentElement.clientWidth");
        assertTrue(contentWidth <= paperWidth, "the checklist is no wider than A4: " + contentWidth + " > " + paperWidth);
        BrowserSupport.screenshot(driver, "checklist-kikaku-print");
    }

    /** Width and height of every page of a Chromium PDF (its page objects are not compressed). */
    private static List<double[]> mediaBoxes(String pdf) {
        Matcher m = Pattern.compile("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]").matcher(pdf);
        List<double[]> boxes = new java.util.ArrayList<>();
        while (m.find()) {
            boxes.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
        }
        return boxes;
    }
}
