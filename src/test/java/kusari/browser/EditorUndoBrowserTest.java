package kusari.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import kusari.TestApp;
import kusari.db.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A facilitator on a 1366 × 768 projector changes Bさん's map in every way the editor offers and takes each change
 * back with the 元に戻す notice that follows it; adds an action next to its step, saying whether a new actor is 行政
 * or 行政以外; and starts an empty journey from its first step.
 */
@Tag("browser")
class EditorUndoBrowserTest extends FreshBrowserTest {

    private String editor;

    @Override
    protected int windowHeight() {
        return 768;
    }

    @BeforeEach
    void signIn() {
        editor = origin + "/w/omitama/journeys/b/edit";
        BrowserSupport.signIn(driver, origin, TestApp.adminCookie(db));
    }

    private WebDriverWait waiting() {
        return (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class);
    }

    @SuppressWarnings("unchecked")
    private List<String> stepTitles() {
        return (List<String>) driver.executeScript(
                "return Array.from(document.querySelectorAll('th.step .step-title')).map(e => e.textContent.trim())");
    }

    private List<String> savedTitles(String journey) {
        return db.read(c -> Sql.query(c, "SELECT s.title FROM step s JOIN journey j ON j.id = s.journey_id"
                + " WHERE j.slug = ? ORDER BY s.position", rs -> rs.getString(1), journey));
    }

    private long stepId(int position) {
        return Long.parseLong(driver.findElement(By.cssSelector("th.step[data-position='" + position + "']"))
                .getAttribute("data-step-id"));
    }

    private long number(String sql, Object... params) {
        return db.read(c -> Sql.queryLong(c, sql, params));
    }

    private String status() {
        return driver.findElement(By.cssSelector("[data-testid=editor-status]")).getText();
    }

    /** Waits for the notice saying {@code said} with its 元に戻す button, and presses it. */
    private void undoAfter(String said) {
        waiting().until(d -> status().contains(said));
        WebElement undo = waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=undo]")));
        assertEquals("元に戻す", undo.getText());
        assertTrue(undo.isDisplayed());
        undo.click();
        waiting().until(d -> status().contains("元に戻しました"));
    }

    @Test
    void aTextEditIsUndoneInPlace() {
        driver.get(editor);
        driver.findElement(By.cssSelector("th.step[data-position='2'] .step-title")).click();
        WebElement box = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".inplace")));
        box.sendKeys(Keys.chord(Keys.CONTROL, "a"), "両親学級", Keys.ENTER);
        waiting().until(d -> stepTitles().get(1).equals("両親学級"));
        assertEquals("両親学級", savedTitles("b").get(1));
        BrowserSupport.screenshot(driver, "editor-undo-text");
        undoAfter("文字を保存しました");
        waiting().until(d -> stepTitles().get(1).equals("ハローベビー教室"));
        assertEquals("ハローベビー教室", savedTitles("b").get(1));
    }

    @Test
    void aScoreChangeIsUndoneInPlace() {
        driver.get(editor);
        long id = stepId(1);
        long before = number("SELECT emotion_score FROM step WHERE id = ?", id);
        new Select(driver.findElement(By.cssSelector("#score-" + id))).selectByValue("2");
        waiting().until(d -> number("SELECT emotion_score FROM step WHERE id = ?", id) == 2);
        undoAfter("感情の点を変えました");
        waiting().until(d -> new Select(d.findElement(By.cssSelector("#score-" + id))).getFirstSelectedOption()
                .getAttribute("value").equals(String.valueOf(before)));
        assertEquals(before, number("SELECT emotion_score FROM step WHERE id = ?", id));
    }

    @Test
    void aMoveIsUndoneInPlace() {
        driver.get(editor);
        List<String> before = stepTitles();
        driver.findElement(By.cssSelector("th.step[data-position='1'] [data-testid=move-later]")).click();
        waiting().until(d -> stepTitles().get(1).equals(before.get(0)));
        undoAfter("ステップを移動しました");
        waiting().until(d -> stepTitles().equals(before));
        assertEquals(before, savedTitles("b"));
    }

    @Test
    void anInsertedStepIsUndoneInPlace() {
        driver.get(editor);
        List<String> before = stepTitles();
        driver.findElement(By.cssSelector("th.step[data-position='2'] [data-testid=insert-after]")).click();
        WebElement box = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".inplace")));
        box.sendKeys(Keys.ESCAPE);
        waiting().until(d -> stepTitles().size() == before.size() + 1);
        assertEquals("新しいステップ", stepTitles().get(2));
        undoAfter("ステップを追加しました");
        waiting().until(d -> stepTitles().equals(before));
        assertEquals(before, savedTitles("b"));
    }

    @Test
    void anActionIsAddedNextToItsStepAndUndoneInPlace() {
        driver.get(editor);
        WebElement step = driver.findElement(By.cssSelector("th.step[data-position='3']"));
        WebElement add = step.findElement(By.cssSelector("[data-testid=add-action]"));
        WebElement summary = add.findElement(By.tagName("summary"));
        Rectangle column = step.getRect();
        Rectangle button = summary.getRect();
        assertTrue(button.getX() >= column.getX() && button.getX() + button.getWidth() <= column.getX() + column.getWidth()
                && button.getY() >= column.getY() && button.getY() + button.getHeight() <= column.getY() + column.getHeight(),
                "＋取組 sits in its step's heading: " + button + " in " + column);
        assertEquals("＋取組", summary.getText());
        summary.click();
        WebElement form = add.findElement(By.cssSelector("form"));
        Rectangle panel = form.getRect();
        assertTrue(Math.abs(panel.getY() - (column.getY() + column.getHeight())) <= 4,
                "the form opens right under its step: " + panel + " under " + column);
        assertTrue(panel.getX() <= column.getX() + 2 && panel.getX() + panel.getWidth() >= column.getX() + column.getWidth() - 2,
                "the form spans its step's column: " + panel + " / " + column);
        BrowserSupport.screenshot(driver, "editor-add-action-open");
        long count = number("SELECT COUNT(*) FROM action");
        form.findElement(By.cssSelector("[data-testid=add-action-actor]")).sendKeys("健康増進課");
        form.findElement(By.cssSelector("[data-testid=add-action-text]")).sendKeys("出生届の窓口で子育てアプリを紹介する");
        form.findElement(By.cssSelector("[data-testid=add-action-submit]")).click();
        By lane = By.cssSelector("tr[data-actor='健康増進課']");
        waiting().until(d -> d.findElement(lane).getText().contains("出生届の窓口で子育てアプリを紹介する"));
        assertEquals(count + 1, number("SELECT COUNT(*) FROM action"));
        undoAfter("取組を追加しました");
        waiting().until(d -> d.findElements(lane).isEmpty()
                || !d.findElement(lane).getText().contains("出生届の窓口で子育てアプリを紹介する"));
        assertEquals(count, number("SELECT COUNT(*) FROM action"));
    }

    @Test
    void aNewActorIsFiledOnlyOnceThePersonSaysWhetherItIsGovernmentAndUndoTakesItBackToo() {
        driver.get(editor);
        WebElement add = driver.findElement(By.cssSelector("th.step[data-position='4'] [data-testid=add-action]"));
        add.findElement(By.tagName("summary")).click();
        add.findElement(By.cssSelector("[data-testid=add-action-actor]")).sendKeys("子育てNPOひだまり");
        add.findElement(By.cssSelector("[data-testid=add-action-text]")).sendKeys("訪問の前に手紙を届ける");
        WebElement government = add.findElement(By.cssSelector("[data-testid=add-action-kind-GOVERNMENT]"));
        WebElement partner = add.findElement(By.cssSelector("[data-testid=add-action-kind-PARTNER]"));
        assertFalse(government.isSelected(), "nothing is chosen for the person");
        assertFalse(partner.isSelected(), "nothing is chosen for the person");
        add.findElement(By.cssSelector("[data-testid=add-action-submit]")).click();
        WebElement problem = waiting().until(ExpectedConditions.visibilityOf(
                add.findElement(By.cssSelector("[data-testid=add-action-problem]"))));
        assertTrue(problem.getText().contains("「子育てNPOひだまり」は登録されていない担当です"), problem.getText());
        assertTrue(problem.getText().contains("行政か行政以外か"), problem.getText());
        assertEquals("訪問の前に手紙を届ける",
                add.findElement(By.cssSelector("[data-testid=add-action-text]")).getAttribute("value"), "what was typed stays");
        assertEquals(0L, number("SELECT COUNT(*) FROM actor WHERE name = '子育てNPOひだまり'"));
        BrowserSupport.screenshot(driver, "editor-add-action-kind");

        add.findElement(By.xpath(".//input[@data-testid='add-action-kind-PARTNER']/ancestor::label")).click();
        add.findElement(By.cssSelector("[data-testid=add-action-submit]")).click();
        By lane = By.cssSelector("tr[data-actor='子育てNPOひだまり']");
        WebElement row = waiting().until(ExpectedConditions.visibilityOfElementLocated(lane));
        assertTrue(row.getAttribute("class").contains("lane-partner"), "filed as 行政以外: " + row.getAttribute("class"));
        assertEquals("行政以外", row.findElement(By.cssSelector(".kind-badge")).getText());
        assertEquals("PARTNER", db.read(c -> Sql.queryOne(c, "SELECT kind FROM actor WHERE name = '子育てNPOひだまり'",
                rs -> rs.getString(1)).orElseThrow()));

        undoAfter("「子育てNPOひだまり」を新しい担当として登録しました");
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(lane));
        assertEquals(0L, number("SELECT COUNT(*) FROM actor WHERE name = '子育てNPOひだまり'"),
                "the undo takes the new actor back as well as its action");
    }

    @Test
    void anEmptyJourneyOffersItsFirstStepAtTheTop() {
        db.inTransaction(c -> Sql.update(c, "INSERT INTO journey (workspace_id, persona_id, slug, title)"
                + " SELECT p.workspace_id, p.id, 'b-new', '二人目の出産' FROM persona p JOIN workspace w ON w.id = p.workspace_id"
                + " WHERE w.slug = 'omitama' AND p.slug = 'b'"));
        driver.get(origin + "/w/omitama/journeys/b-new/edit");
        WebElement first = driver.findElement(By.cssSelector("[data-testid=add-first-step]"));
        assertTrue(first.isDisplayed());
        assertEquals("最初のステップを追加", first.getText());
        long viewport = (Long) driver.executeScript("return window.innerHeight");
        assertTrue(first.getRect().getY() + first.getRect().getHeight() < viewport / 2,
                "the first step is offered at the top: " + first.getRect().getY() + " of " + viewport);
        assertTrue(driver.findElement(By.cssSelector("[data-testid=empty-journey]")).getText()
                .contains("まだステップがありません"));
        BrowserSupport.screenshot(driver, "editor-empty-journey");
        first.click();
        WebElement box = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".inplace")));
        box.sendKeys(Keys.chord(Keys.CONTROL, "a"), "妊娠がわかる", Keys.ENTER);
        waiting().until(d -> stepTitles().equals(List.of("妊娠がわかる")));
        assertEquals(List.of("妊娠がわかる"), savedTitles("b-new"));
        assertTrue(driver.findElements(By.cssSelector("[data-testid=add-first-step]")).isEmpty());
    }
}
