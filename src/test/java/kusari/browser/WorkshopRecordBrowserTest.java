package kusari.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kusari.ApiClient;
import kusari.Kusari;
import kusari.TestApp;
import kusari.core.AppConfig;
import kusari.db.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Afterwards, in Chromium: a named workshop's phone (390x844) gives its name before its first card, the projector
 * (1920x1080) shows the card with the name, and the record page and the board print on A3 landscape.
 */
@Tag("browser")
class WorkshopRecordBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A3 landscape in PDF points (420 x 297 mm). */
    private static final double A3_LONG = 420 / 25.4 * 72;
    private static final double A3_SHORT = 297 / 25.4 * 72;

    static Path dir;
    static Database db;
    static Javalin app;
    static String origin;
    static ChromeDriver projector;
    static ChromeDriver phone;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("kusari-workshop-record-browser");
        db = TestApp.freshSampleDatabase(dir);
        app = Kusari.create(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false), db).start("127.0.0.1", 0);
        origin = "http://localhost:" + app.port();
        projector = BrowserSupport.start(1920, 1080);
        phone = BrowserSupport.start(390, 844);
        BrowserSupport.signIn(projector, origin, TestApp.adminCookie(db));
    }

    @AfterAll
    static void stop() {
        for (ChromeDriver d : new ChromeDriver[] {projector, phone}) {
            if (d != null) {
                d.quit();
            }
        }
        if (app != null) {
            app.stop();
        }
    }

    static JsonNode openNamedWorkshop() throws Exception {
        HttpResponse<String> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(origin
                        + "/api/v1/workspaces/omitama/workshops"))
                .header("Cookie", "kusari_csrf=" + ApiClient.CSRF + "; " + TestApp.adminCookie(db))
                .header("X-CSRF-Token", ApiClient.CSRF).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"journey\": \"b\", \"title\": \"名前で語る会\", \"named\": true, \"date\": \"2026-11-28\"}"))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(201, res.statusCode(), res.body());
        return JSON.readTree(res.body());
    }

    /** The page printed by Chromium as the print dialog would (the page's own @page size): width and height in points. */
    static double[] printedPageSize(ChromeDriver d, String name) throws Exception {
        Map<String, Object> pdf = d.executeCdpCommand("Page.printToPDF", Map.of("preferCSSPageSize", true,
                "printBackground", true));
        byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
        Files.createDirectories(BrowserSupport.SCREENSHOTS);
        Files.write(BrowserSupport.SCREENSHOTS.resolve(name + ".pdf"), bytes);
        Matcher box = Pattern.compile("/MediaBox\\s*\\[\\s*0\\s+0\\s+([0-9.]+)\\s+([0-9.]+)\\s*]")
                .matcher(new String(bytes, StandardCharsets.ISO_8859_1));
        assertTrue(box.find(), "the PDF names its page size");
        return new double[] {Double.parseDouble(box.group(1)), Double.parseDouble(box.group(2))};
    }

    static void assertA3Landscape(double[] size) {
        assertEquals(A3_LONG, size[0], 3, "A3 landscape width in points");
        assertEquals(A3_SHORT, size[1], 3, "A3 landscape height in points");
    }

    @Test
    void aNamedPhoneGivesItsNameItsCardShowsItAndTheRecordPrintsOnA3() throws Exception {
        JsonNode w = openNamedWorkshop();
        long id = w.get("id").asLong();
        projector.get(origin + "/w/omitama/workshops/" + id + "/board");
        phone.get(w.get("joinUrl").asText());
        new WebDriverWait(phone, Duration.ofSeconds(5)).until(d -> d.findElement(By.cssSelector("[data-testid=phase]"))
                .getText().equals("書く"));
        assertTrue(phone.findElement(By.cssSelector("[data-testid=name-input]")).isDisplayed(), "the phone asks a name");

        // a card before the name is held back with a message
        WorkshopBrowserTest.post(phone, 2, "窓口が遠い");
        new WebDriverWait(phone, Duration.ofSeconds(2)).until(d -> d.findElement(
                By.cssSelector("[data-testid=name-message]")).getText().contains("名前を入力してください"));
        assertTrue(projector.findElements(By.xpath("//li[contains(., '窓口が遠い')]")).isEmpty());

        phone.findElement(By.cssSelector("[data-testid=name-input]")).sendKeys("<i>花子</i>");
        phone.findElement(By.cssSelector("[data-testid=name-save]")).click();
        new WebDriverWait(phone, Duration.ofSeconds(2)).until(d -> d.findElement(
                By.cssSelector("[data-testid=name-message]")).getText().contains("この名前で"));
        phone.findElement(By.cssSelector("[data-testid=send]")).click();
        By onBoard = By.xpath("//ol[@data-testid='cards-2']/li[contains(., '窓口が遠い')]");
        new WebDriverWait(projector, Duration.ofSeconds(2)).until(d -> !d.findElements(onBoard).isEmpty());
        assertTrue(projector.findElement(onBoard).getText().contains("<i>花子</i>"),
                "the board shows the name as typed: " + projector.findElement(onBoard).getText());
        assertEquals(0L, WorkshopBrowserTest.sidewaysScroll(phone), "the phone page scrolls sideways");
        assertA3Landscape(printedPageSize(projector, "workshop-board-print"));

        projector.get(origin + "/w/omitama/workshops/" + id);
        String step2 = projector.findElement(By.cssSelector("[data-testid=record-step-2]")).getText();
        assertTrue(step2.contains("窓口が遠い") && step2.contains("<i>花子</i>"), step2);
        assertEquals("2026-11-28", projector.findElement(By.cssSelector("[data-testid=record-date]")).getText());
        BrowserSupport.screenshot(projector, "workshop-record-1920");
        assertA3Landscape(printedPageSize(projector, "workshop-record-print"));

        projector.get(origin + "/w/omitama/journeys/b");
        projector.findElement(By.cssSelector("[data-testid=workshops-link]")).click();
        new WebDriverWait(projector, Duration.ofSeconds(2)).until(d -> d.getCurrentUrl().endsWith("/workshops?journey=b"));
        projector.findElement(By.linkText("名前で語る会")).click();
        new WebDriverWait(projector, Duration.ofSeconds(2)).until(d -> d.getCurrentUrl().endsWith("/workshops/" + id));
    }
}
