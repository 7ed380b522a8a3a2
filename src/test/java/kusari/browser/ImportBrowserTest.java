package kusari.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import kusari.SampleFiles;
import kusari.TestApp;
import kusari.files.WorkspaceExporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A planner uploads a zip, reads the dry-run report, applies it and sees the imported workspace. */
@Tag("browser")
class ImportBrowserTest extends FreshBrowserTest {

    @BeforeEach
    void signIn() {
        BrowserSupport.signIn(driver, origin, TestApp.adminCookie(db));
    }

    private Path zip(String name, Map<String, String> files) throws IOException {
        Path zip = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (var f : files.entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                z.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return zip;
    }

    private void waitFor(By by) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    @Test
    void uploadDryRunReportApplyAndTheChangeIsThere() throws IOException {
        Map<String, String> files = new TreeMap<>(WorkspaceExporter.fileMap(SampleFiles.omitama()));
        files.put("journeys/omitama/workspace.json", files.get("journeys/omitama/workspace.json")
                .replace("\"name\": \"ダイヤモンドシティ・プロジェクト\"", "\"name\": \"ダイヤモンドシティ・プロジェクト第3期\""));
        files.remove("personas/omitama/h.json");
        files.remove("journeys/omitama/h.json");
        Path upload = zip("omitama.zip", files);

        driver.get(origin + "/w/omitama");
        driver.findElement(By.cssSelector("[data-testid=import-link]")).click();
        waitFor(By.cssSelector("input[type=file]"));
        assertEquals("ファイルから取り込む", driver.findElement(By.tagName("h1")).getText());
        driver.findElement(By.cssSelector("input[type=file]")).sendKeys(upload.toString());
        driver.findElement(By.cssSelector("[data-testid=import-check]")).click();

        waitFor(By.cssSelector("[data-testid=import-workspace]"));
        assertTrue(driver.findElement(By.cssSelector("main")).getText().contains("確認結果です。まだ何も取り込んでいません。"));
        assertEquals("既存のワークスペースの内容をファイルの内容に置き換えます（追加 0・変更 1・削除 9）。",
                driver.findElement(By.cssSelector("[data-testid=import-summary]")).getText());
        List<String> items = driver.findElements(By.cssSelector("[data-testid=import-item]")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).toList();
        assertTrue(items.contains("変更 ダイヤモンドシティ・プロジェクト第3期"), items.toString());
        assertTrue(items.contains("削除 Hさん (h)"), items.toString());
        assertTrue(items.contains("削除 h #7 こだわりの農作物収穫"), items.toString());
        BrowserSupport.screenshot(driver, "import-report");

        driver.findElement(By.cssSelector("[data-testid=import-apply]")).click();
        waitFor(By.cssSelector("[data-testid=import-applied]"));
        WebElement done = driver.findElement(By.cssSelector("[data-testid=import-applied]"));
        assertTrue(done.getText().startsWith("取り込みました"), done.getText());
        BrowserSupport.screenshot(driver, "import-applied");
        done.findElement(By.linkText("ダイヤモンドシティ・プロジェクト第3期")).click();

        waitFor(By.cssSelector("[data-testid=persona-card]"));
        assertEquals("ダイヤモンドシティ・プロジェクト第3期", driver.findElement(By.tagName("h1")).getText());
        assertEquals(7, driver.findElements(By.cssSelector("[data-testid=persona-card]")).size());
        assertFalse(driver.findElement(By.cssSelector("main")).getText().contains("Hさん"));
    }

    @Test
    void aHostileZipIsRefusedOnTheFormInTheUsersLanguage() throws IOException {
        Path evil = zip("evil.zip", Map.of("journeys/omitama/../../../../tmp/evil.json", "{}"));
        driver.get(origin + "/import?lang=en");
        driver.findElement(By.cssSelector("input[type=file]")).sendKeys(evil.toString());
        driver.findElement(By.cssSelector("[data-testid=import-check]")).click();
        waitFor(By.cssSelector("[data-testid=import-error]"));
        String error = driver.findElement(By.cssSelector("[data-testid=import-error]")).getText();
        assertTrue(error.startsWith("“journeys/omitama/../../../../tmp/evil.json” points outside the target folder"), error);
        assertTrue(error.endsWith("The import was stopped; nothing was written."), error);
        assertTrue(driver.findElement(By.cssSelector("input[type=file]")).isDisplayed(), "the form is there to try again");
        BrowserSupport.screenshot(driver, "import-refused");
    }
}
