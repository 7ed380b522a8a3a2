package kusari.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kusari.core.Ui;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and malformed archives are refused with a message, and nothing of them is left on disk. */
class ImportArchiveTest {

    @TempDir
    Path tmp;

    /** Writes a zip of name → content (null content: a directory entry). */
    private Path zip(Map<String, byte[]> entries) throws IOException {
        Path file = tmp.resolve("upload-" + System.nanoTime() + ".zip");
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
            for (var e : entries.entrySet()) {
                ZipArchiveEntry entry = new ZipArchiveEntry(e.getKey());
                zip.putArchiveEntry(entry);
                if (e.getValue() != null) {
                    zip.write(e.getValue());
                }
                zip.closeArchiveEntry();
            }
        }
        return file;
    }

    private static Map<String, byte[]> valid() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("journeys/mini/workspace.json", MiniWorkspace.WORKSPACE.getBytes(StandardCharsets.UTF_8));
        files.put("journeys/mini/actors.json", MiniWorkspace.ACTORS.getBytes(StandardCharsets.UTF_8));
        files.put("journeys/mini/framework.json", MiniWorkspace.FRAMEWORK.getBytes(StandardCharsets.UTF_8));
        files.put("journeys/mini/challenges.json", MiniWorkspace.CHALLENGES.getBytes(StandardCharsets.UTF_8));
        files.put("journeys/mini/b.json", MiniWorkspace.JOURNEY.getBytes(StandardCharsets.UTF_8));
        files.put("personas/mini/b.json", MiniWorkspace.PERSONA.getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private Path target() throws IOException {
        return Files.createDirectories(tmp.resolve("target-" + System.nanoTime()));
    }

    private static long filesUnder(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !p.equals(dir)).count();
        }
    }

    /** Unpacks and expects a refusal with {@code key}; checks the target is left empty and nothing escaped. */
    private ArchiveRefused refused(Path zip, ImportArchive.Limits limits, String key) throws IOException {
        Path target = target();
        ArchiveRefused e = assertThrows(ArchiveRefused.class, () -> ImportArchive.unzip(zip, target, limits));
        assertEquals(key, e.messageKey(), e.getMessage());
        assertEquals(0, filesUnder(target), "a refused archive leaves nothing behind");
        return e;
    }

    @Test
    void aValidArchiveIsUnpackedAndLoads() throws IOException {
        Path target = target();
        ImportArchive.unzip(zip(valid()), target, ImportArchive.Limits.DEFAULT);
        assertEquals("mini", new WorkspaceLoader(target).load("mini").slug());
    }

    @Test
    void aZipOfTheExportFolderItselfHasItsWrapperFolderDropped() throws IOException {
        Map<String, byte[]> wrapped = new LinkedHashMap<>();
        wrapped.put("kusari-export/", null);
        valid().forEach((name, bytes) -> wrapped.put("kusari-export/" + name, bytes));
        wrapped.put("__MACOSX/kusari-export/._workspace.json", new byte[] {1, 2});
        Path target = target();
        ImportArchive.unzip(zip(wrapped), target, ImportArchive.Limits.DEFAULT);
        assertTrue(Files.isRegularFile(target.resolve("journeys/mini/workspace.json")));
        assertFalse(Files.exists(target.resolve("__MACOSX")), "Finder's metadata is skipped");
    }

    @Test
    void pathTraversalIsRefused() throws IOException {
        for (String evil : List.of("journeys/mini/../../../evil.json", "../evil.json", "/etc/evil.json",
                "journeys\\..\\..\\evil.json", "C:/evil.json", "journeys/mini//evil.json", "journeys/./mini/x.json")) {
            Map<String, byte[]> files = valid();
            files.put(evil, "{}".getBytes(StandardCharsets.UTF_8));
            ArchiveRefused e = refused(zip(files), ImportArchive.Limits.DEFAULT, "files.refused.unsafePath");
            assertEquals(evil.replace('\\', '/'), e.args()[0], "zip names use / (a backslash is read as one)");
        }
        assertFalse(Files.exists(tmp.getParent().resolve("evil.json")));
        assertFalse(Files.exists(tmp.resolve("evil.json")));
    }

    @Test
    void symlinksAreRefused() throws IOException {
        Path file = tmp.resolve("link.zip");
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
            ZipArchiveEntry link = new ZipArchiveEntry("journeys/mini/actors.json");
            link.setUnixMode(0120777);
            zip.putArchiveEntry(link);
            zip.write("/etc/passwd".getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }
        ArchiveRefused e = refused(file, ImportArchive.Limits.DEFAULT, "files.refused.symlink");
        String message = new Ui(Ui.Lang.JA, "", "").t(e.messageKey(), e.args());
        assertEquals("「journeys/mini/actors.json」はシンボリックリンクです。リンクは受け付けません。", message);
    }

    @Test
    void tooManyEntriesAreRefusedBeforeAnythingIsUnpacked() throws IOException {
        Map<String, byte[]> files = valid();
        for (int i = 0; i < 20; i++) {
            files.put("journeys/mini/j" + i + ".json", "{}".getBytes(StandardCharsets.UTF_8));
        }
        ArchiveRefused e = refused(zip(files), new ImportArchive.Limits(10, 1 << 20, 10 << 20), "files.refused.tooManyEntries");
        assertEquals(26, e.args()[0]);
        assertEquals(10, e.args()[1]);
    }

    @Test
    void aZipBombIsStoppedByTheBytesActuallyInflated() throws IOException {
        Map<String, byte[]> files = valid();
        files.put("journeys/mini/bomb.json", new byte[2_000_000]);
        Path bomb = zip(files);
        assertTrue(Files.size(bomb) < 20_000, "two megabytes of zeros compress to a few kilobytes");
        refused(bomb, new ImportArchive.Limits(100, 1_000_000, 50_000_000), "files.refused.entryTooLarge");

        // Many medium entries: each under the per-entry limit, together over the total.
        Map<String, byte[]> many = valid();
        for (int i = 0; i < 8; i++) {
            many.put("journeys/mini/part" + i + ".json", new byte[600_000]);
        }
        refused(zip(many), new ImportArchive.Limits(100, 1_000_000, 3_000_000), "files.refused.tooLarge");
    }

    @Test
    void sizesInTheHeadersAreNotTrusted() throws IOException {
        Map<String, byte[]> files = valid();
        files.put("journeys/mini/bomb.json", new byte[2_000_000]);
        Path bomb = zip(files);
        // Claim the bomb inflates to 10 bytes, in the local header and in the central directory.
        byte[] bytes = Files.readAllBytes(bomb);
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int patched = 0;
        for (int i = 0; i + 46 < bytes.length; i++) {
            int signature = buf.getInt(i);
            if (signature == 0x04034b50 && buf.getInt(i + 22) == 2_000_000) {
                buf.putInt(i + 22, 10);
                patched++;
            } else if (signature == 0x02014b50 && buf.getInt(i + 24) == 2_000_000) {
                buf.putInt(i + 24, 10);
                patched++;
            }
        }
        assertEquals(2, patched, "both size fields found");
        Files.write(bomb, bytes);
        Path target = target();
        ArchiveRefused e = assertThrows(ArchiveRefused.class,
                () -> ImportArchive.unzip(bomb, target, new ImportArchive.Limits(100, 1_000_000, 50_000_000)));
        assertTrue(List.of("files.refused.entryTooLarge", "files.refused.notZip").contains(e.messageKey()), e.getMessage());
        assertEquals(0, filesUnder(target));
    }

    @Test
    void strayFilesAndFoldersAreRefused() throws IOException {
        Map<String, byte[]> readme = valid();
        readme.put("README.md", "hi".getBytes(StandardCharsets.UTF_8));
        refused(zip(readme), ImportArchive.Limits.DEFAULT, "files.refused.notJson");

        Map<String, byte[]> script = valid();
        script.put("journeys/mini/run.sh", "rm -rf /".getBytes(StandardCharsets.UTF_8));
        refused(zip(script), ImportArchive.Limits.DEFAULT, "files.refused.notJson");

        Map<String, byte[]> nested = valid();
        nested.put("journeys/mini/old/b.json", "{}".getBytes(StandardCharsets.UTF_8));
        refused(zip(nested), ImportArchive.Limits.DEFAULT, "files.refused.badFolder");

        Map<String, byte[]> other = valid();
        other.put("src/main.json", "{}".getBytes(StandardCharsets.UTF_8));
        refused(zip(other), ImportArchive.Limits.DEFAULT, "files.refused.badFolder");

        Map<String, byte[]> hidden = valid();
        hidden.put("journeys/mini/.hidden.json", "{}".getBytes(StandardCharsets.UTF_8));
        refused(zip(hidden), ImportArchive.Limits.DEFAULT, "files.refused.unsafePath");
    }

    @Test
    void somethingThatIsNotAZipIsRefused() throws IOException {
        Path notZip = tmp.resolve("workspace.json");
        Files.writeString(notZip, MiniWorkspace.WORKSPACE);
        refused(notZip, ImportArchive.Limits.DEFAULT, "files.refused.notZip");
    }

    @Test
    void aFolderWithASymlinkOrAStrayFileIsRefused() throws IOException {
        Path folder = tmp.resolve("folder");
        MiniWorkspace.write(folder);
        Files.createDirectories(folder.resolve("src"));
        Files.writeString(folder.resolve("pom.xml"), "<project/>");
        ImportArchive.checkFolder(folder, ImportArchive.Limits.DEFAULT); // other things beside personas/ and journeys/ are fine

        Path outside = Files.writeString(tmp.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(folder.resolve("journeys/mini/c.json"), outside);
        ArchiveRefused e = assertThrows(ArchiveRefused.class, () -> ImportArchive.checkFolder(folder, ImportArchive.Limits.DEFAULT));
        assertEquals("files.refused.symlink", e.messageKey());
        Files.delete(folder.resolve("journeys/mini/c.json"));

        try (OutputStream out = Files.newOutputStream(folder.resolve("personas/mini/notes.txt"))) {
            out.write("x".getBytes(StandardCharsets.UTF_8));
        }
        e = assertThrows(ArchiveRefused.class, () -> ImportArchive.checkFolder(folder, ImportArchive.Limits.DEFAULT));
        assertEquals("files.refused.notJson", e.messageKey());
    }
}
