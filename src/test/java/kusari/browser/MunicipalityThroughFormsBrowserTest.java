package kusari.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import kusari.TestApp;
import kusari.db.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A made-up 重点戦略-style plan (南浦町: 重点戦略 / 戦略方針 / 具体的施策 / 具体的な取組, with a yearly roadmap)
 * entered only through the web forms in real Chromium, as a new user would, and read back from its pages.
 */
@Tag("browser")
class MunicipalityThroughFormsBrowserTest extends FreshBrowserTest {

    @BeforeEach
    void signIn() {
        BrowserSupport.signIn(driver, origin, TestApp.adminCookie(db));
    }

    /** Types into a form field by name: a text box or text area, or the option of a select whose label has it. */
    private void fill(String name, String value) {
        WebElement field = driver.findElement(By.cssSelector("form.edit-form [name='" + name + "']"));
        if (field.getTagName().equals("select")) {
            Select select = new Select(field);
            for (WebElement option : select.getOptions()) {
                if (option.getText().contains(value) || option.getDomAttribute("value").equals(value)) {
                    select.selectByValue(option.getDomAttribute("value"));
                    return;
                }
            }
            throw new AssertionError("no option " + value + " in " + name);
        }
        field.clear();
        field.sendKeys(value);
    }

    private void save() {
        String before = driver.getCurrentUrl();
        driver.findElement(By.cssSelector("form.edit-form button.primary")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.not(ExpectedConditions.urlToBe(before)));
        assertTrue(driver.findElements(By.cssSelector(".field-error")).isEmpty(),
                "saved without errors: " + driver.findElement(By.tagName("main")).getText());
    }

    private void newEntity(String collection) {
        driver.get(origin + "/w/minamiura/edit/" + collection + "/new");
    }

    @Test
    void aFourLevelPlanWithARoadmapIsEnteredThroughTheFormsAndReadsRight() {
        driver.get(origin + "/workspaces/new");
        String limit = driver.findElement(By.id("field-levels-limit")).getText();
        assertTrue(limit.contains("5行まで"), "the level names' limit stands beside the box: " + limit);
        fill("slug", "minamiura");
        fill("name", "南浦町総合戦略");
        fill("municipality", "架空県南浦町");
        fill("planFrom", "令和2年度");
        fill("planTo", "R6");
        // 16 characters in four names: a box that cut at 16 characters dropped the fourth name before
        fill("levels", "重点戦略\n戦略方針\n具体的施策\n具体的な取組");
        driver.findElement(By.cssSelector("form.edit-form button.primary")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/w/minamiura"));
        assertEquals(4L, (long) db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM framework_level "
                + "WHERE workspace_id = (SELECT id FROM workspace WHERE slug = 'minamiura')")), "four levels kept");

        newEntity("framework-nodes");
        fill("code", "1");
        fill("title", "子育て世代に選ばれるまち");
        save();
        newEntity("framework-nodes");
        fill("parent", "子育て世代に選ばれるまち");
        fill("code", "1-1");
        fill("title", "放課後の居場所をつくる");
        save();
        newEntity("framework-nodes");
        fill("parent", "放課後の居場所をつくる");
        fill("code", "1-1-1");
        fill("title", "放課後児童クラブの充実");
        save();
        newEntity("projects");
        fill("node", "放課後児童クラブの充実");
        fill("code", "1-1-1-1");
        fill("name", "放課後児童クラブ定員拡大");
        fill("budget", "R3 1,200\nR4 2,400");
        save();
        newEntity("indicators");
        fill("kind", "KPI");
        fill("project", "放課後児童クラブ定員拡大");
        fill("name", "放課後児童クラブ待機児童数");
        fill("unit", "人");
        fill("direction", "DECREASE");
        fill("baselineValue", "12");
        fill("baselineYear", "H30");
        fill("targetValue", "0");
        fill("targetFiscalYear", "R6");
        save();
        newEntity("roadmap-entries");
        fill("project", "放課後児童クラブ定員拡大");
        fill("fiscalYear", "R3");
        fill("text", "定員拡大の検討");
        save();

        driver.get(origin + "/w/minamiura/framework");
        String framework = driver.findElement(By.tagName("main")).getText();
        assertTrue(framework.contains("放課後児童クラブの充実"), framework);
        assertTrue(framework.contains("放課後児童クラブ定員拡大"), framework);

        driver.get(origin + "/w/minamiura/projects/1-1-1-1");
        BrowserSupport.screenshot(driver, "minamiura-project");
        String project = driver.findElement(By.tagName("main")).getText();
        assertTrue(project.contains("2,400"), "budget in 千円 with separators: " + project);
        assertTrue(project.contains("定員拡大の検討"), "the roadmap: " + project);

        driver.get(origin + "/w/minamiura/budgets");
        WebElement list = driver.findElement(By.cssSelector("[data-testid='project-budgets']"));
        assertTrue(list.getText().contains("3,600"), "the project's total: " + list.getText());

        driver.get(origin + "/w/minamiura");
        BrowserSupport.screenshot(driver, "minamiura-home");
        assertTrue(driver.findElement(By.cssSelector("[data-testid='no-personas-yet']")).isDisplayed());
        assertFalse(driver.findElement(By.tagName("main")).getText().contains("0 ペルソナ"));
        WebElement field = driver.findElement(By.cssSelector("[data-testid='policy-field']"));
        assertTrue(field.getText().contains("子育て世代に選ばれるまち"), field.getText());
    }
}
