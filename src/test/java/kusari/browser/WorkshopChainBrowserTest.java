package kusari.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import kusari.TestApp;
import kusari.db.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The room's cards into the chain: a projector at 1920x1080 and a phone at 390x844 at once. The facilitator opens
 * the workshop from the journey page, the phone posts, the board turns one card into a partner's action and groups
 * two into a new 課題; the journey map, the history and the challenge page then show it.
 */
@Tag("browser")
class WorkshopChainBrowserTest extends FreshBrowserTest {

    ChromeDriver projector;
    ChromeDriver phone;

    @BeforeEach
    void projectorAndPhone() {
        projector = driver;
        projector.manage().window().setSize(new Dimension(1920, 1080));
        BrowserSupport.signIn(projector, origin, TestApp.adminCookie(db));
        phone = BrowserSupport.start(390, 844);
    }

    @AfterEach
    void phoneLeaves() {
        if (phone != null) {
            phone.quit();
        }
    }

    void post(int step, String text) {
        phone.findElement(By.cssSelector(".ws-step-choice[data-step='" + step + "'] input")).click();
        phone.findElement(By.cssSelector("[data-testid=card-text]")).sendKeys(text);
        phone.findElement(By.cssSelector("[data-testid=send]")).click();
        new WebDriverWait(phone, Duration.ofSeconds(3)).until(d -> d.findElement(By.cssSelector("[data-testid=phone-cards]"))
                .getText().contains(text));
    }

    WebElement onBoard(String text) {
        By card = By.xpath("//li[@data-testid='card'][contains(., '" + text + "')]");
        new WebDriverWait(projector, Duration.ofSeconds(3)).until(d -> !d.findElements(card).isEmpty());
        return projector.findElement(card);
    }

    void waitForDecided(String contains) {
        new WebDriverWait(projector, Duration.ofSeconds(3)).until(d -> d.findElement(By.cssSelector("[data-testid=decided]"))
                .getText().contains(contains));
    }

    @Test
    void aPhonesCardsBecomeAPartnersActionAndANewChallengeWithTheirVoices() {
        int highest = (int) (long) db.read(c -> Sql.queryLong(c, "SELECT MAX(number) FROM challenge"));

        // the facilitator opens the workshop from Bさん's journey page and lands on the board
        projector.get(origin + "/w/omitama/journeys/b");
        projector.findElement(By.cssSelector("[data-testid=open-workshop] summary")).click();
        projector.findElement(By.cssSelector("[data-testid=open-title]")).sendKeys("子育て相談の会");
        projector.findElement(By.cssSelector("[data-testid=open-workshop-submit]")).click();
        new WebDriverWait(projector, Duration.ofSeconds(3)).until(d -> d.getCurrentUrl().endsWith("/board"));
        String joinUrl = projector.findElement(By.cssSelector("[data-testid=join-url]")).getText();
        assertEquals(1920L, projector.executeScript("return window.innerWidth;"), "the projector's width");

        phone.get(joinUrl);
        post(2, "子ども食堂でも教室を知らせてほしい");
        post(3, "どこに相談すればいいか分からない");
        WebElement first = onBoard("子ども食堂でも教室を知らせてほしい");
        WebElement second = onBoard("どこに相談すればいいか分からない");

        // an action by a partner: refused until 行政以外 is chosen, never assumed
        first.findElement(By.cssSelector("[data-testid=select]")).click();
        projector.findElement(By.cssSelector("[data-testid=decide] summary")).click();
        assertEquals("子ども食堂でも教室を知らせてほしい",
                projector.findElement(By.cssSelector("[data-testid=action-text]")).getAttribute("value"));
        projector.findElement(By.cssSelector("[data-testid=action-actor]")).sendKeys("こども食堂ネットワーク");
        WebElement text = projector.findElement(By.cssSelector("[data-testid=action-text]"));
        text.clear();
        text.sendKeys("食堂で教室のちらしを配る");
        projector.findElement(By.cssSelector("[data-testid=to-action-submit]")).click();
        waitForDecided("行政か行政以外か");
        projector.findElement(By.cssSelector("[data-testid=action-kind-PARTNER]")).click();
        projector.findElement(By.cssSelector("[data-testid=to-action-submit]")).click();
        waitForDecided("鎖に入れました");
        new WebDriverWait(projector, Duration.ofSeconds(3)).until(d -> onBoard("子ども食堂でも教室を知らせてほしい")
                .getText().contains("→ 取組"));

        // two cards grouped into a new 課題
        onBoard("子ども食堂でも教室を知らせてほしい").findElement(By.cssSelector("[data-testid=select]")).click();
        second.findElement(By.cssSelector("[data-testid=select]")).click();
        assertTrue(projector.findElement(By.cssSelector("[data-testid=selected-count]")).getText().contains("2"));
        projector.findElement(By.cssSelector("[data-testid=challenge-title]")).sendKeys("相談先が知られていない");
        projector.findElement(By.cssSelector("[data-testid=to-challenge-submit]")).click();
        waitForDecided("鎖に入れました");
        new WebDriverWait(projector, Duration.ofSeconds(3)).until(d -> d.findElements(By.cssSelector(
                "[data-testid=select][aria-pressed=true]")).isEmpty());
        assertEquals(0L, (Long) projector.executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;"), "the board scrolls sideways");
        BrowserSupport.screenshot(projector, "workshop-chain-board-1920");
        long cardId = Long.parseLong(onBoard("子ども食堂でも教室を知らせてほしい").getAttribute("data-card"));

        // the journey map shows the partner's action in its lane, and the cards as voices at their steps
        projector.get(origin + "/w/omitama/journeys/b");
        WebElement lane = projector.findElement(By.cssSelector("[data-testid=actor-lane][data-actor='こども食堂ネットワーク']"));
        assertTrue(lane.getText().contains("食堂で教室のちらしを配る"), lane.getText());
        assertTrue(lane.getText().contains("行政以外"), lane.getText());
        String voices = projector.findElement(By.cssSelector("[data-testid=voices-row]")).getText();
        assertTrue(voices.contains("子ども食堂でも教室を知らせてほしい") && voices.contains("子育て相談の会"), voices);

        BrowserSupport.screenshot(projector, "workshop-chain-journey");

        // the history names the card
        projector.get(origin + "/w/omitama/history");
        String history = projector.findElement(By.tagName("main")).getText();
        assertTrue(history.contains("食堂で教室のちらしを配る") && history.contains("カード #" + cardId), history);
        assertTrue(history.contains("ワークショップ") && history.contains("子育て相談の会"), "opening is in the history");

        // the challenge page shows the voices behind it
        projector.get(origin + "/w/omitama/challenges/" + (highest + 1));
        assertTrue(projector.findElement(By.tagName("h1")).getText().contains("相談先が知られていない"));
        String behind = projector.findElement(By.cssSelector("[data-testid=challenge-voices]")).getText();
        assertTrue(behind.contains("子ども食堂でも教室を知らせてほしい") && behind.contains("どこに相談すればいいか分からない"),
                behind);
        assertTrue(behind.contains("子育て相談の会"), behind);
        BrowserSupport.screenshot(projector, "workshop-chain-challenge");
    }
}
