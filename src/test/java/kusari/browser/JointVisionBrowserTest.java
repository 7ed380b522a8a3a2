package kusari.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import kusari.ApiClient;
import kusari.TestApp;
import kusari.strategy.JointVisionTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The 役割分担表 of a joint vision of 北川市 and 南山町 (built through the API) as a planner sees it in Chromium:
 * a column per municipality in the workspace's order, a row per project with roles, each cell the role and share;
 * on paper without the site's navigation; and a new role chosen from the municipalities' select.
 */
@Tag("browser")
class JointVisionBrowserTest extends FreshBrowserTest {

    private JointVisionTest.Built built;

    @BeforeEach
    void buildAndSignIn() {
        built = JointVisionTest.build(ApiClient.signedIn(app.port(), db));
        BrowserSupport.signIn(driver, origin, TestApp.adminCookie(db));
    }

    private List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    @Test
    void theTableReadsAMunicipalityAColumnAndAProjectARow() {
        driver.get(origin + "/w/" + JointVisionTest.SLUG + "/roles");
        assertEquals("役割分担表", driver.findElement(By.tagName("h1")).getText());
        assertEquals(List.of("事業", "北川市", "南山町"), texts("[data-testid=roles-table] thead th"));
        assertEquals(List.of("1-1-1 休日当番医事業", "1-1-2 圏域路線バス運行事業"),
                texts("[data-testid=roles-table] tbody th"), "projects without roles are not rows");
        List<String> clinic = texts("[data-testid=roles-table] tr[data-project='1-1-1'] td");
        assertEquals(2, clinic.size());
        assertTrue(clinic.get(0).contains("当番表の作成と医師会との調整") && clinic.get(0).contains("負担割合 65%"), clinic.get(0));
        assertTrue(clinic.get(1).contains("当番医への協力金の負担") && clinic.get(1).contains("負担割合 35%"), clinic.get(1));
        List<String> bus = texts("[data-testid=roles-table] tr[data-project='1-1-2'] td");
        assertEquals(List.of("–", "路線の運行委託"), bus, "北川市 has no part in the bus");
        assertEquals("参加市町村: 北川市・南山町", driver.findElement(By.cssSelector("[data-testid=roles-municipalities]")).getText());
        BrowserSupport.screenshot(driver, "roles-table");

        driver.get(origin + "/w/" + JointVisionTest.SLUG + "/roles?lang=en");
        assertEquals(List.of("Share 65%"), driver.findElements(By.cssSelector("tr[data-project='1-1-1'] td .share"))
                .stream().map(WebElement::getText).filter(t -> t.contains("65")).toList());

        driver.get(origin + "/w/" + JointVisionTest.SLUG + "/roles");
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertFalse(driver.findElement(By.cssSelector(".site-header")).isDisplayed(), "no site navigation on paper");
        assertFalse(driver.findElement(By.cssSelector(".roles-page .breadcrumb")).isDisplayed());
        long table = (Long) driver.executeScript(
                "return Math.round(document.querySelector('[data-testid=roles-table]').getBoundingClientRect().width)");
        long page = (Long) driver.executeScript("return Math.round(document.querySelector('main').getBoundingClientRect().width)");
        assertTrue(table <= page, "the table fits the sheet's width: " + table + " of " + page);
        BrowserSupport.screenshot(driver, "roles-table-print");
        assertEquals("table-header-group", driver.executeScript(
                "return getComputedStyle(document.querySelector('.roles-table thead')).display"), "heads on every page");
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }

    @Test
    void theWorkspaceFormListsItsMunicipalitiesOneALineWithTheirLimit() {
        long id = db.<Long>read(c -> kusari.db.Sql.queryLong(c, "SELECT id FROM workspace WHERE slug = ?", JointVisionTest.SLUG));
        driver.get(origin + "/w/" + JointVisionTest.SLUG + "/edit/workspaces/" + id);
        WebElement list = driver.findElement(By.id("field-municipalities"));
        assertEquals("北川市\n南山町", list.getDomProperty("value"));
        assertEquals("30行まで（1行100文字まで）", driver.findElement(By.id("field-municipalities-limit")).getText());
        assertTrue(driver.findElement(By.id("field-municipalities-hint")).getText().contains("空欄なら上の「自治体」ひとつ"));
        BrowserSupport.screenshot(driver, "workspace-municipalities");
    }

    @Test
    void aNewRoleIsChosenFromTheStrategysMunicipalities() {
        driver.get(origin + "/w/" + JointVisionTest.SLUG + "/edit/project-roles/new?project=" + built.plain());
        Select municipality = new Select(driver.findElement(By.id("field-municipality")));
        assertEquals(List.of("北川市", "南山町"), municipality.getOptions().stream().map(WebElement::getText).toList());
        assertTrue(driver.findElement(By.id("field-municipality-hint")).getText().contains("構成市町村から選びます"));
        municipality.selectByVisibleText("南山町");
        driver.findElement(By.id("field-role")).sendKeys("医師会との協議の場の設置");
        String before = driver.getCurrentUrl();
        driver.findElement(By.cssSelector("form.edit-form button.primary")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.not(ExpectedConditions.urlToBe(before)));

        driver.get(origin + "/w/" + JointVisionTest.SLUG + "/roles");
        assertEquals(List.of("1-1-1 休日当番医事業", "1-1-2 圏域路線バス運行事業", "1-1-3 医師確保の調査研究"),
                texts("[data-testid=roles-table] tbody th"));
        assertEquals(List.of("–", "医師会との協議の場の設置"), texts("[data-testid=roles-table] tr[data-project='1-1-3'] td"));
    }
}
