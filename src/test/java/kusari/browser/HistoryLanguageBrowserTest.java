package kusari.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import kusari.TestApp;
import kusari.change.Change;
import kusari.change.ChangeLog;
import kusari.change.Operation;
import kusari.change.Summaries;
import kusari.db.Sql;
import kusari.files.ImportReport;
import kusari.files.ImportService;
import kusari.files.MiniWorkspace;
import kusari.files.WorkspaceExporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A person reading the history in English sees what happened in English; in Japanese, as it was stored. */
@Tag("browser")
class HistoryLanguageBrowserTest extends FreshBrowserTest {

    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}「」（）・]");

    @BeforeEach
    void signIn() {
        BrowserSupport.signIn(driver, origin, TestApp.adminCookie(db));
    }

    private List<String> summaries(String lang) {
        driver.get(origin + "/w/omitama/history?lang=" + lang);
        return driver.findElements(By.cssSelector("[data-testid=changes] .change-summary")).stream()
                .map(WebElement::getText).toList();
    }

    @Test
    void anImportAndAWorkshopCardsChangeReadInTheReadersLanguage() throws java.io.IOException {
        Path export = dir.resolve("export");
        WorkspaceExporter.writeTo(export, new WorkspaceExporter(db).find("omitama").orElseThrow());
        MiniWorkspace.edit(export, "journeys/omitama/actors.json", "  \"actors\": [\n",
                "  \"actors\": [\n    {\n      \"name\": \"Night bus co-op\",\n      \"kind\": \"PARTNER\"\n    },\n");
        ImportService imports = new ImportService(db);
        ImportReport report = imports.dryRun(export);
        assertTrue(imports.apply(export, report.fingerprint()).applied());
        // a change a workshop card made, with its note, as the write path stores it
        String note = Summaries.JAPANESE.t("workshop.history.fromCards", "Evening talk", "#7");
        db.inTransaction(c -> ChangeLog.noting(note, () -> {
            try {
                long ws = Sql.queryLong(c, "SELECT id FROM workspace WHERE slug = 'omitama'");
                return ChangeLog.record(c, "planner", new Change(ws, "actor", 1L, Operation.UPDATE, "Late bus", null, null));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }));

        List<String> english = summaries("en");
        assertEquals("Late bus (from card #7 of the workshop “Evening talk”)", english.get(0), english.toString());
        assertTrue(english.get(1).matches("Imported from files: \\d+ added, \\d+ changed, \\d+ removed"), english.get(1));
        for (String s : english) {
            assertFalse(JAPANESE.matcher(s).find(), "a Japanese summary on the English page: " + s);
        }
        assertEquals("History", driver.findElement(By.tagName("h1")).getText());

        List<String> japanese = summaries("ja");
        assertEquals("Late bus（ワークショップ「Evening talk」のカード #7 から）", japanese.get(0));
        assertTrue(japanese.get(1).matches("ファイルから取り込み: 追加 \\d+・変更 \\d+・削除 \\d+"), japanese.get(1));
    }
}
