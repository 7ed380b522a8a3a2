package kusari.web;

import kusari.Kusari;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import kusari.core.AppConfig;
import kusari.db.Database;
import kusari.db.Migrations;
import kusari.files.MiniWorkspace;
import kusari.files.WorkspaceImporter;
import kusari.files.WorkspaceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text from data files is escaped on every page: markup in a file never reaches the browser as markup. */
class EscapingTest {

    @TempDir
    Path data;

    @Test
    void markupInDataFilesIsShownAsText() {
        MiniWorkspace.write(data);
        MiniWorkspace.edit(data, "personas/mini/b.json", "子育てから一瞬でも解放されたい", "<script>alert(1)</script>");
        MiniWorkspace.edit(data, "journeys/mini/b.json", "発行時に一言添える", "<img src=x onerror=alert(2)>");
        Database db = Database.open(data.resolve("db/k.db"));
        Migrations.apply(db);
        new WorkspaceImporter(db).importMissing(new WorkspaceLoader(data));
        JavalinTest.test(Kusari.create(new AppConfig(0, db.file(), data, false), db), (server, client) -> {
            String html = client.get("/w/mini/personas/b").body().string();
            assertFalse(html.contains("<script>alert(1)</script>"));
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
            assertFalse(html.contains("<img src=x"));
            assertTrue(html.contains("&lt;img src=x onerror=alert(2)&gt;"));
        });
    }
}
