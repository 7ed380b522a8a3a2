package kusari.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportUploadsTest {

    @TempDir
    Path root;

    @Test
    void tokensAreRandomAndOnlyWellFormedTokensNameAFolder() throws IOException {
        ImportUploads uploads = new ImportUploads(root.resolve("uploads"));
        String a = uploads.create();
        String b = uploads.create();
        assertTrue(a.matches("[A-Za-z0-9_-]{32}"), a);
        assertFalse(a.equals(b));
        assertTrue(uploads.exists(a));
        assertTrue(Files.isDirectory(uploads.files(a)));
        for (String bad : List.of("..", "../uploads", "a/b", "", "x".repeat(31), a + "x")) {
            assertFalse(uploads.exists(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> uploads.files("../../etc"));
    }

    @Test
    void appliedUploadsRememberWhatTheyImportedAndDropTheirFiles() throws IOException {
        ImportUploads uploads = new ImportUploads(root);
        String token = uploads.create();
        Files.writeString(uploads.files(token).resolve("x.json"), "{}");
        assertTrue(uploads.applied(token).isEmpty());
        uploads.markApplied(token, List.of(new ImportUploads.Applied("omitama", "ダイヤモンドシティ・プロジェクト")));
        assertEquals(List.of(new ImportUploads.Applied("omitama", "ダイヤモンドシティ・プロジェクト")), uploads.applied(token).orElseThrow());
        assertFalse(Files.exists(uploads.files(token).resolve("x.json")));
    }

    @Test
    void uploadsOlderThanTheirLifetimeAreRemovedWhenTheNextOneArrives() throws IOException {
        ImportUploads uploads = new ImportUploads(root);
        String old = uploads.create();
        Files.setLastModifiedTime(root.resolve(old),
                FileTime.from(Instant.now().minus(ImportUploads.LIFETIME).minusSeconds(60)));
        String recent = uploads.create();
        assertFalse(uploads.exists(old));
        assertTrue(uploads.exists(recent));
    }
}
