package kusari.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import kusari.ApiClient;
import kusari.TestApp;
import kusari.db.Sql;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The review grid as a department member and as a visitor see it, in real Chromium: a member enters only the
 * rows of the projects their department leads, the others are read-only and marked so; a save refused for a row
 * keeps everything typed and names the row; a visitor who is not signed in sees values, no inputs, no button.
 */
@Tag("browser")
class ReviewGridRightsBrowserTest extends FreshBrowserTest {

    /** Two departments that each lead a project with a KPI of its own, and one KPI of each. */
    private record Lead(String actor, long actorId, long indicatorId, String indicator) {
    }

    /** Two departments, each the only lead of a project, and a KPI given to each project here. */
    private List<Lead> leads() {
        record Led(long project, String actor, long actorId) {
        }
        // The sample names no lead department (the document names none): the test makes the first two government
        // departments the only leads of the first two projects, as a city would once it has decided.
        List<Long> projects = db.read(c -> Sql.query(c, "SELECT id FROM project WHERE workspace_id = "
                + "(SELECT id FROM workspace WHERE slug = 'omitama') ORDER BY id LIMIT 2", rs -> rs.getLong(1)));
        List<Led> led = db.read(c -> Sql.query(c, "SELECT id, name FROM actor WHERE kind = 'GOVERNMENT' AND "
                + "workspace_id = (SELECT id FROM workspace WHERE slug = 'omitama') ORDER BY id LIMIT 2",
                rs -> new Led(0, rs.getString(2), rs.getLong(1))));
        assertEquals(2, led.size(), "the sample has two departments");
        for (int i = 0; i < 2; i++) {
            long project = projects.get(i);
            Led l = led.get(i);
            led.set(i, new Led(project, l.actor(), l.actorId()));
            db.inTransaction(c -> Sql.update(c, "DELETE FROM project_lead_actor WHERE project_id = ?", project));
            db.inTransaction(c -> Sql.update(c,
                    "INSERT INTO project_lead_actor (project_id, actor_id, position) VALUES (?, ?, 1)",
                    project, l.actorId()));
        }
        ApiClient admin = ApiClient.signedIn(app.port(), db);
        List<Lead> leads = new java.util.ArrayList<>();
        for (Led l : led) {
            String name = l.actor() + "の相談件数";
            var kpi = admin.post("/api/v1/workspaces/omitama/indicators",
                    "{\"kind\": \"KPI\", \"project\": " + l.project() + ", \"name\": \"" + name + "\", \"unit\": \"件\"}");
            assertEquals(201, kpi.status(), kpi.text());
            leads.add(new Lead(l.actor(), l.actorId(), kpi.body().get("id").asLong(), name));
        }
        return leads;
    }

    private WebElement row(long indicatorId) {
        return driver.findElement(By.cssSelector("table.review-grid tr[data-indicator='" + indicatorId + "']"));
    }

    private WebElement valueInput(long indicatorId) {
        return row(indicatorId).findElement(By.cssSelector("input[data-col='value']"));
    }

    @Test
    void aMemberEntersOnlyTheirRowsARefusedSaveKeepsWhatWasTypedAndAVisitorSeesValuesOnly() {
        List<Lead> leads = leads();
        Lead mine = leads.get(0);
        Lead theirs = leads.get(1);
        String cookie = TestApp.sessionCookie(db, "kenko-member", "MEMBER", mine.actor(), theirs.actor());
        BrowserSupport.signIn(driver, origin, cookie);
        long goal = db.<Long>read(c -> Sql.queryLong(c,
                "SELECT MIN(id) FROM indicator WHERE kind = 'GOAL' AND workspace_id = (SELECT id FROM workspace WHERE slug = 'omitama')"));

        driver.get(origin + "/w/omitama/review/2021");
        assertEquals("yes", row(mine.indicatorId()).getDomAttribute("data-editable"));
        assertEquals("yes", row(theirs.indicatorId()).getDomAttribute("data-editable"));
        WebElement goalRow = row(goal);
        assertEquals("no", goalRow.getDomAttribute("data-editable"), "goal indicators belong to the planners");
        assertTrue(goalRow.findElements(By.cssSelector("input, select")).isEmpty(), "no inputs in a row not theirs");
        assertTrue(goalRow.getText().contains("担当外"), goalRow.getText());
        assertTrue(driver.findElement(By.cssSelector("[data-testid='readonly-note']")).isDisplayed());

        valueInput(mine.indicatorId()).sendKeys("1,234");
        valueInput(theirs.indicatorId()).sendKeys("56");
        // Meanwhile an administrator takes the second department away from this member.
        var accounts = new kusari.account.AccountService(db, java.time.Clock.systemUTC(), Duration.ofMinutes(30));
        long ws = db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM workspace WHERE slug = 'omitama'"));
        accounts.setRole(accounts.find("kenko-member").orElseThrow().id(), ws, kusari.account.Role.MEMBER,
                Set.of(mine.actorId()));
        driver.findElement(By.cssSelector("[data-testid='save-review']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid='refused']")));
        BrowserSupport.screenshot(driver, "review-grid-refused");
        String refused = driver.findElement(By.cssSelector("[data-testid='refused']")).getText();
        assertTrue(refused.contains(theirs.indicator()), "the refused row is named: " + refused);
        assertFalse(refused.contains(mine.indicator() + ":"), refused);
        assertTrue(refused.contains("担当する課・団体の事業の指標ではありません"), "and why: " + refused);
        assertEquals("1,234", valueInput(mine.indicatorId()).getDomProperty("value"), "what was typed is kept");
        assertTrue(row(theirs.indicatorId()).getText().contains("56"), "also in the row now read-only");
        assertEquals(0L, (long) db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM actual WHERE fiscal_year = 2021")),
                "nothing was saved");

        // Saving again takes the member's own row (the other is no longer sent).
        driver.findElement(By.cssSelector("[data-testid='save-review']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid='saved']")));
        assertEquals(1234.0, db.<Double>read(c -> Sql.queryOne(c,
                "SELECT value FROM actual WHERE fiscal_year = 2021 AND indicator_id = ?", rs -> rs.getDouble(1),
                mine.indicatorId()).orElseThrow()));

        // A visitor who is not signed in (the workspace is open to read) sees the values, not a form.
        db.inTransaction(c -> Sql.update(c, "UPDATE workspace_access SET public_read = 1 WHERE workspace_id = ?", ws));
        driver.manage().deleteAllCookies();
        driver.get(origin + "/w/omitama/review/2021");
        BrowserSupport.screenshot(driver, "review-grid-visitor");
        WebElement grid = driver.findElement(By.cssSelector("[data-testid='review-grid']"));
        assertTrue(grid.findElements(By.cssSelector("input, select")).isEmpty(), "no inputs for a visitor");
        assertTrue(driver.findElements(By.cssSelector("[data-testid='save-review']")).isEmpty(), "no save button");
        assertTrue(driver.findElements(By.cssSelector("[data-testid='import-link']")).isEmpty());
        assertTrue(row(mine.indicatorId()).getText().contains("1,234"), row(mine.indicatorId()).getText());
        assertTrue(driver.findElement(By.cssSelector("[data-testid='review-readonly']")).isDisplayed());
    }
}
