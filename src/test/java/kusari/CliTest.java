package kusari;

import kusari.core.AppConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.files.WorkspaceExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process against temporary databases. */
class CliTest {

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private Run run(Path db, String... args) {
        return run(db, Map.of(), args);
    }

    private Run run(Path db, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AppConfig config = new AppConfig(0, db, TestApp.PROJECT_DIR, false);
        int code = new Cli(config, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Map<String, String> dataFiles(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (String top : List.of("personas", "journeys")) {
            try (Stream<Path> walk = Files.walk(root.resolve(top))) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    files.put(root.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }

    @Test
    void exportWritesEveryWorkspaceAsTheShippedFiles() throws IOException {
        Database sample = TestApp.freshSampleDatabase(tmp.resolve("sample"));
        Path out = tmp.resolve("out");
        Run run = run(sample.file(), "export", "--to", out.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("exported omitama: 20 file(s)"), run.out());
        assertEquals(dataFiles(TestApp.PROJECT_DIR), dataFiles(out));
    }

    @Test
    void exportRemovesFilesOfThingsTheWorkspaceNoLongerHas() throws IOException {
        Database sample = TestApp.freshSampleDatabase(tmp.resolve("sample"));
        Path out = tmp.resolve("out");
        Files.createDirectories(out.resolve("journeys/omitama"));
        Files.writeString(out.resolve("journeys/omitama/deleted-journey.json"), "{}");
        Files.writeString(out.resolve("journeys/omitama/notes.txt"), "kept");
        Run run = run(sample.file(), "export", "--to", out.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("removed journeys/omitama/deleted-journey.json"), run.out());
        assertFalse(Files.exists(out.resolve("journeys/omitama/deleted-journey.json")));
        assertTrue(Files.exists(out.resolve("journeys/omitama/notes.txt")), "only .json files are the export's to remove");
    }

    @Test
    void importFromAFolderIsADryRunUntilApplied() throws IOException {
        Path db = tmp.resolve("empty.db");
        Run dry = run(db, "import", TestApp.PROJECT_DIR.toString());
        assertEquals(0, dry.code(), dry.err());
        assertTrue(dry.out().contains("new workspace omitama (ダイヤモンドシティ・プロジェクト)"), dry.out());
        assertTrue(dry.out().contains("  + persona Bさん (b)"), dry.out());
        assertTrue(dry.out().contains("  + 53 steps"), dry.out());
        assertTrue(dry.out().contains("This was a dry run. Run again with --apply to import."), dry.out());
        Database database = Database.open(db);
        assertEquals(0L, database.<Long>read(c -> Sql.queryLong(c, "SELECT count(*) FROM workspace")));

        Run applied = run(db, "import", TestApp.PROJECT_DIR.toString(), "--apply");
        assertEquals(0, applied.code(), applied.err());
        assertTrue(applied.out().endsWith("Imported.\n"), applied.out());
        assertEquals(53L, database.<Long>read(c -> Sql.queryLong(c, "SELECT count(*) FROM step")));

        Run again = run(db, "import", TestApp.PROJECT_DIR.toString(), "--apply");
        assertTrue(again.out().contains("workspace omitama: no changes"), again.out());
        assertTrue(again.out().contains("Nothing to import"), again.out());
    }

    @Test
    void aZipRoundTripsThroughAnEmptyDatabaseByteForByte() throws IOException {
        Database sample = TestApp.freshSampleDatabase(tmp.resolve("sample"));
        Path zip = tmp.resolve("omitama.zip");
        try (OutputStream out = Files.newOutputStream(zip)) {
            WorkspaceExporter.writeZip(List.of(new WorkspaceExporter(sample).find("omitama").orElseThrow()), out);
        }
        Path db = tmp.resolve("empty.db");
        Run imported = run(db, "import", zip.toString(), "--apply");
        assertEquals(0, imported.code(), imported.err());
        Path out = tmp.resolve("out");
        assertEquals(0, run(db, "export", "--to", out.toString()).code());
        assertEquals(dataFiles(TestApp.PROJECT_DIR), dataFiles(out));
    }

    @Test
    void problemsAndHostileArchivesFailWithExitCodeOneAndWriteNothing() throws IOException {
        Path folder = tmp.resolve("bad");
        Files.createDirectories(folder.resolve("journeys/x"));
        Files.writeString(folder.resolve("journeys/x/workspace.json"), "{ not json");
        Path db = tmp.resolve("empty.db");
        Run bad = run(db, "import", folder.toString(), "--apply");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("journeys/x/workspace.json: $: is not valid JSON"), bad.err());
        assertTrue(bad.err().contains("Nothing was imported"), bad.err());

        Path zip = tmp.resolve("evil.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("journeys/x/../../../evil.json"));
            out.write("{}".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Run evil = run(db, Map.of("LANG", "ja_JP.UTF-8"), "import", zip.toString());
        assertEquals(1, evil.code());
        assertTrue(evil.err().contains("「journeys/x/../../../evil.json」は展開先の外を指すか"), evil.err());
        assertTrue(evil.err().contains("何も書き込んでいません"), evil.err());
        Run english = run(db, Map.of("LANG", "C.UTF-8"), "import", zip.toString());
        assertTrue(english.err().contains("points outside the target folder"), english.err());
        assertEquals(0L, Database.open(db).<Long>read(c -> Sql.queryLong(c, "SELECT count(*) FROM workspace")));
    }

    @Test
    void unknownCommandsAndMissingArgumentsPrintTheUsageWithExitCodeTwo() {
        Path db = tmp.resolve("x.db");
        Run unknown = run(db, "frobnicate");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("kusari: unknown command \"frobnicate\"\nUsage: java -jar kusari.jar"), unknown.err());
        Run noTarget = run(db, "export");
        assertEquals(2, noTarget.code());
        assertTrue(noTarget.err().contains("export needs --to <folder>"), noTarget.err());
        Run extra = run(db, "import", "a", "b");
        assertEquals(2, extra.code());
        assertTrue(extra.err().contains("unexpected argument \"b\""), extra.err());
        Run missingDb = run(tmp.resolve("typo.db"), "export", "--to", tmp.resolve("out").toString());
        assertEquals(1, missingDb.code());
        assertTrue(missingDb.err().contains("there is no database at"), missingDb.err());
        assertFalse(Files.exists(tmp.resolve("typo.db")), "a mistyped KUSARI_DB is not created");
        Run help = run(db, "help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("export --to <folder>"));
    }
}
