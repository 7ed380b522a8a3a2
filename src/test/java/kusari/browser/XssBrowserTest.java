package kusari.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kusari.TestApp;
import kusari.db.Sql;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Markup typed into text fields shows as text and runs nothing, in the pages and in the journey editor. */
@Tag("browser")
class XssBrowserTest extends FreshBrowserTest {

    static final String PAYLOAD = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script>";


    @Test
    void payloadsInEveryTextOfAStepAndItsActionShowAsTextAndRunNothing() {
        long step = db.read(c -> Sql.queryLong(c, "SELECT s.id FROM step s JOIN journey j ON j.id = s.journey_id"
                + " WHERE j.slug = 'b' AND s.position = 1"));
        db.inTransaction(c -> {
            Sql.update(c, "UPDATE step SET title = ?, emotion_text = ?, pain_point = ? WHERE id = ?",
                    "題" + PAYLOAD, "感" + PAYLOAD, "課" + PAYLOAD, step);
            Sql.update(c, "UPDATE action SET text = ? WHERE step_id = ?", "取" + PAYLOAD, step);
            Sql.update(c, "UPDATE persona SET tagline = ? WHERE slug = 'b'", "標" + PAYLOAD);
            return null;
        });
        BrowserSupport.signIn(driver, origin, TestApp.adminCookie(db));
        for (String path : List.of("/w/omitama/journeys/b", "/w/omitama/journeys/b/edit", "/w/omitama/personas/b",
                "/w/omitama/edit/steps/" + step, "/w/omitama/history")) {
            driver.get(origin + path);
            String text = driver.findElement(By.tagName("body")).getText();
            assertTrue(text.contains(PAYLOAD) || path.contains("/edit/") || path.endsWith("history"),
                    path + " shows the payload as text");
            assertNull(driver.executeScript("return window.pwned"), path + " ran nothing");
            assertTrue(driver.findElements(By.cssSelector("img[src='x']")).isEmpty(), path + ": no injected element");
        }
        driver.get(origin + "/w/omitama/edit/steps/" + step);
        assertEquals("課" + PAYLOAD, driver.findElement(By.cssSelector("textarea[name=painPoint]")).getAttribute("value"));
    }
}
