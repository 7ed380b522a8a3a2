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
import java.util.List;
import kusari.ApiClient;
import kusari.Kusari;
import kusari.TestApp;
import kusari.core.AppConfig;
import kusari.db.Database;
import kusari.workshop.QrDecode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A workshop in the room: a projector at 1920x1080 and two phones at 390x844, three Chromium sessions at once on
 * one app. One session each for the whole class (starting Chromium is what costs).
 */
@Tag("browser")
class WorkshopBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static Path dir;
    static Database db;
    static Javalin app;
    static String origin;
    static ChromeDriver projector;
    static ChromeDriver phoneA;
    static ChromeDriver phoneB;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("kusari-workshop-browser");
        db = TestApp.freshSampleDatabase(dir);
        app = Kusari.create(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false), db).start("127.0.0.1", 0);
        origin = "http://localhost:" + app.port();
        projector = BrowserSupport.start(1920, 1080);
        phoneA = BrowserSupport.start(390, 844);
        phoneB = BrowserSupport.start(390, 844);
        BrowserSupport.signIn(projector, origin, TestApp.adminCookie(db));
    }

    @AfterAll
    static void stop() {
        for (ChromeDriver d : new ChromeDriver[] {projector, phoneA, phoneB}) {
            if (d != null) {
                d.quit();
            }
        }
        if (app != null) {
            app.stop();
        }
    }

    static JsonNode openWorkshop(String admin) throws Exception {
        HttpResponse<String> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(origin
                        + "/api/v1/workspaces/omitama/workshops"))
                .header("Cookie", "kusari_csrf=" + ApiClient.CSRF + "; " + admin)
                .header("X-CSRF-Token", ApiClient.CSRF).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"journey\": \"b\", \"title\": \"Bさんの体験を聞く会\"}"))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(201, res.statusCode(), res.body());
        return JSON.readTree(res.body());
    }

    static void post(ChromeDriver phone, int step, String text) {
        phone.findElement(By.cssSelector(".ws-step-choice[data-step='" + step + "'] input")).click();
        phone.findElement(By.cssSelector("[data-testid=card-text]")).sendKeys(text);
        phone.findElement(By.cssSelector("[data-testid=send]")).click();
    }

    static long sidewaysScroll(ChromeDriver d) {
        return (Long) d.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
    }

    @Test
    void aPhonesCardReachesTheBoardAtOnceAndTheRoomVotesAgainstTheTimer() throws Exception {
        String admin = TestApp.adminCookie(db);
        JsonNode w = openWorkshop(admin);
        String joinUrl = w.get("joinUrl").asText();
        projector.get(origin + "/w/omitama/workshops/" + w.get("id").asLong() + "/board");
        WebElement corner = projector.findElement(By.cssSelector("[data-testid=join-corner]"));
        assertTrue(corner.getText().contains(w.get("code").asText()), corner.getText());
        assertEquals(joinUrl, QrDecode.fromSvg(projector.getPageSource()));

        phoneA.get(joinUrl);
        phoneB.get(joinUrl);
        assertEquals(0L, sidewaysScroll(phoneA), "the phone page scrolls sideways");
        new WebDriverWait(phoneA, Duration.ofSeconds(5)).until(d -> d.findElement(By.cssSelector("[data-testid=phase]"))
                .getText().equals("書く"));

        post(phoneA, 2, "窓口で<b>3回</b>同じ説明をした");
        long sent = System.nanoTime();
        By onBoard = By.xpath("//ol[@data-testid='cards-2']/li[contains(., '窓口で<b>3回</b>同じ説明をした')]");
        new WebDriverWait(projector, Duration.ofMillis(1000), Duration.ofMillis(20))
                .until(d -> !d.findElements(onBoard).isEmpty());
        long millis = (System.nanoTime() - sent) / 1_000_000;
        assertTrue(millis <= 1000, "on the board after " + millis + " ms");
        WebElement card = projector.findElement(onBoard);
        double px = Double.parseDouble(card.getCssValue("font-size").replace("px", ""));
        assertTrue(px >= 24, "card text at 1920: " + px);
        new WebDriverWait(phoneB, Duration.ofSeconds(2)).until(d -> d.findElement(By.cssSelector("[data-testid=phone-cards]"))
                .getText().contains("同じ説明をした"));
        assertEquals(0L, sidewaysScroll(projector), "the board scrolls sideways");
        assertTrue(phoneA.findElement(By.cssSelector("[data-testid=message]")).getText().contains("送りました"));

        // the facilitator opens voting and starts a five-minute timer; the phones follow without a reload
        projector.findElement(By.cssSelector("[data-testid=phase-VOTE]")).click();
        new WebDriverWait(phoneB, Duration.ofSeconds(2)).until(d -> d.findElement(By.cssSelector("[data-testid=phase]"))
                .getText().equals("投票"));
        projector.findElement(By.cssSelector("[data-testid=timer-5]")).click();
        new WebDriverWait(phoneA, Duration.ofSeconds(3)).until(d -> d.findElement(By.cssSelector("[data-testid=timer]"))
                .getText().matches("[45]:\\d\\d"));
        phoneB.findElement(By.cssSelector("[data-testid=phone-cards] button[data-action=vote]")).click();
        new WebDriverWait(projector, Duration.ofSeconds(2)).until(d -> d.findElement(onBoard).getText().contains("● 1"));
        BrowserSupport.screenshot(projector, "workshop-board-1920");
        BrowserSupport.screenshot(phoneA, "workshop-phone");

        for (ChromeDriver d : List.of(projector, phoneA, phoneB)) {
            for (String url : BrowserSupport.requestedUrls(d)) {
                assertTrue(url.startsWith(origin) || url.startsWith("data:"), "a request left the app: " + url);
            }
        }
    }

    @Test
    void nineStepsFitA1366ProjectorWithLargeEnoughText() throws Exception {
        String admin = TestApp.adminCookie(db);
        JsonNode w = openWorkshop(admin);
        projector.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));
        try {
            projector.get(origin + "/w/omitama/workshops/" + w.get("id").asLong() + "/board");
            // nine columns, as a long journey has: the board is a grid that shares the width
            projector.executeScript("var main = document.querySelector('.ws-columns');"
                    + "while (main.children.length < 9) { main.appendChild(main.children[0].cloneNode(true)); }");
            phoneA.get(w.get("joinUrl").asText());
            post(phoneA, 1, "長い説明がいる場面");
            new WebDriverWait(projector, Duration.ofSeconds(2)).until(d -> !d.findElements(
                    By.xpath("//li[contains(., '長い説明がいる場面')]")).isEmpty());
            assertEquals(0L, sidewaysScroll(projector));
            double px = Double.parseDouble(projector.findElement(By.xpath("//li[contains(., '長い説明がいる場面')]"))
                    .getCssValue("font-size").replace("px", ""));
            assertTrue(px >= 20, "card text at 1366: " + px);
        } finally {
            projector.manage().window().setSize(new org.openqa.selenium.Dimension(1920, 1080));
        }
    }
}
