package kusari.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import kusari.TestApp;
import kusari.db.Database;
import kusari.db.Migrations;
import kusari.db.Sql;
import kusari.files.WorkspaceFiles.LoadedWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export writes exactly the file format, and files → database → files changes not one byte. */
class ExportRoundTripTest {

    /** Every .json file under personas/ and journeys/ of {@code root}, by relative path. */
    static Map<String, String> dataFiles(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (String top : List.of("personas", "journeys")) {
            Path dir = root.resolve(top);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    files.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }

    @Test
    void exportingTheFreshlyLoadedSampleReproducesTheShippedFilesByteForByte(@TempDir Path out) throws IOException {
        Database db = TestApp.sampleDatabase();
        LoadedWorkspace ws = new WorkspaceExporter(db).find("omitama").orElseThrow();
        WorkspaceExporter.writeTo(out, ws);

        Map<String, String> shipped = dataFiles(TestApp.PROJECT_DIR);
        Map<String, String> exported = dataFiles(out);
        assertEquals(shipped.keySet(), exported.keySet());
        assertEquals(20, exported.size(), "8 personas, 8 journeys and the 4 workspace files");
        for (String path : shipped.keySet()) {
            assertEquals(shipped.get(path), exported.get(path), path + " differs from the shipped file");
        }
    }

    @Test
    void sampleToDatabaseToFilesToEmptyDatabaseToFilesIsByteIdentical(@TempDir Path tmp) throws IOException {
        Path first = tmp.resolve("first");
        WorkspaceExporter.writeTo(first, new WorkspaceExporter(TestApp.sampleDatabase()).find("omitama").orElseThrow());

        Database empty = Database.open(tmp.resolve("empty.db"));
        Migrations.apply(empty);
        ImportService service = new ImportService(empty);
        ImportReport report = service.dryRun(first);
        assertTrue(report.ok(), report.problems().toString());
        assertTrue(report.workspaces().get(0).isNew());
        assertTrue(service.apply(first, report.fingerprint()).applied());

        Path second = tmp.resolve("second");
        WorkspaceExporter.writeTo(second, new WorkspaceExporter(empty).find("omitama").orElseThrow());
        assertEquals(dataFiles(first), dataFiles(second));
        assertEquals(dataFiles(TestApp.PROJECT_DIR), dataFiles(second));
    }

    @Test
    void whatTheSampleLacksRoundTripsToo(@TempDir Path tmp) throws IOException {
        // The mini workspace has budgets; add roles (役割分担), a step acted on by several actors, readings
        // everywhere and a challenge→project link with a note, then go files → database → files.
        Path dir = tmp.resolve("in");
        MiniWorkspace.write(dir);
        WorkspaceLoader loader = new WorkspaceLoader(dir);
        LoadedWorkspace mini = loader.load("mini");
        var field = mini.framework().nodes().get(0);
        var measure = field.children().get(0);
        var p = measure.projects().get(0);
        var project = new WorkspaceFiles.ProjectEntry(p.code(), p.name(), p.description(), p.experienceChain(),
                List.of("健康増進課", "市民組織"), p.indicators(),
                List.of(new WorkspaceFiles.BudgetEntry(2020, 1200), new WorkspaceFiles.BudgetEntry(2021, 0)),
                List.of(new WorkspaceFiles.RoleEntry("石岡市", "会場の提供"), new WorkspaceFiles.RoleEntry("小美玉市", "広報")),
                List.of("lead actors inferred"));
        var framework = new WorkspaceFiles.FrameworkFile(List.of(new WorkspaceFiles.NodeEntry(field.code(), field.title(),
                field.description(), field.indicators(), List.of(new WorkspaceFiles.NodeEntry(measure.code(), measure.title(),
                        measure.description(), measure.indicators(), List.of(), List.of(project))), List.of())));
        MiniWorkspace.put(dir, "journeys/mini/framework.json", DataJson.canonical(framework));
        // the roles name the strategy's municipalities, which a joint strategy lists
        MiniWorkspace.edit(dir, "journeys/mini/workspace.json", "\"municipality\": \"テスト市\",\n",
                "\"municipality\": \"テスト市\",\n  \"municipalities\": [\n    \"石岡市\",\n    \"小美玉市\"\n  ],\n");
        var ch = mini.challenges().challenges().get(0);
        MiniWorkspace.put(dir, "journeys/mini/challenges.json", DataJson.canonical(new WorkspaceFiles.ChallengesFile(List.of(
                new WorkspaceFiles.ChallengeEntry(ch.number(), ch.title(), ch.evidence(), List.of("手法1", "手法2"),
                        List.of("行動指標1", "行動指標2"),
                        List.of(new WorkspaceFiles.ProjectLink("1-01-1", "READING", "the document only implies it")),
                        List.of("reading 1"))))));
        var j = mini.journeys().get(0);
        var s = j.steps().get(0);
        var several = new WorkspaceFiles.StepEntry(s.title(), "うれしい", 2, s.painPoint(), s.challenges(),
                List.of(new WorkspaceFiles.ActionEntry(List.of("市民組織", "健康増進課"), "一緒に声をかける"),
                        new WorkspaceFiles.ActionEntry(List.of("健康増進課"), "")));
        var second = new WorkspaceFiles.StepEntry("二番目", "", -2, "", List.of(), List.of());
        MiniWorkspace.put(dir, "journeys/mini/b.json", DataJson.canonical(new WorkspaceFiles.JourneyFile(j.slug(), j.persona(),
                j.title(), List.of(several, second), List.of("scores are a reading"))));
        var persona = mini.personas().get(0);
        MiniWorkspace.put(dir, "personas/mini/b.json", DataJson.canonical(new WorkspaceFiles.PersonaFile(persona.slug(),
                persona.label(), persona.order(), persona.tagline(), persona.profile(), List.of("属性1", "属性2"),
                List.of("第一段落", "第二段落"), persona.policyField(), List.of("profile is a summary"))));
        Database db = Database.open(tmp.resolve("mini.db"));
        Migrations.apply(db);
        LoadedWorkspace loaded = new WorkspaceLoader(dir).load("mini");
        db.inTransaction(c -> WorkspaceImporter.insert(c, loaded));

        assertEquals(2L, db.<Long>read(c -> Sql.queryLong(c, "SELECT count(*) FROM project_role")));
        Path out = tmp.resolve("out");
        WorkspaceExporter.writeTo(out, new WorkspaceExporter(db).find("mini").orElseThrow());
        Map<String, String> before = dataFiles(dir);
        Map<String, String> after = dataFiles(out);
        assertEquals(before.keySet(), after.keySet());
        for (String path : before.keySet()) {
            assertEquals(before.get(path), after.get(path), path);
        }
        assertTrue(after.get("journeys/mini/framework.json").contains("\"municipality\": \"石岡市\""));
        assertTrue(after.get("journeys/mini/framework.json").contains("\"thousandYen\": 0"));
        assertTrue(after.get("journeys/mini/challenges.json").contains("the document only implies it"));
        assertTrue(after.get("journeys/mini/b.json").contains("一緒に声をかける"));
    }

    @Test
    void aRenamedActorsNameHistoryRoundTrips(@TempDir Path tmp) throws IOException {
        Database db = TestApp.freshSampleDatabase(tmp);
        var ws = new kusari.core.WorkspaceRepository(db).findBySlug("omitama").orElseThrow();
        long actor = db.<Long>read(c -> kusari.db.Sql.queryLong(c, "SELECT id FROM actor WHERE name = '健康増進課'"));
        new kusari.actor.ActorService(db, new kusari.actor.ActorRepository(db), new kusari.indicator.IndicatorRepository(db))
                .rename(ws, actor, new kusari.actor.ActorService.Rename("健康づくり推進課", "令和5年度", "1"));
        Path first = tmp.resolve("first");
        WorkspaceExporter.writeTo(first, new WorkspaceExporter(db).find("omitama").orElseThrow());
        String actors = Files.readString(first.resolve("journeys/omitama/actors.json"));
        assertTrue(actors.contains("\"fromFiscalYear\": 2023"), actors);
        assertTrue(actors.contains("\"name\": \"健康増進課\""), "the old name is kept in the file");

        Database empty = Database.open(tmp.resolve("empty.db"));
        Migrations.apply(empty);
        ImportService service = new ImportService(empty);
        assertTrue(service.apply(first, service.dryRun(first).fingerprint()).applied());
        Path second = tmp.resolve("second");
        WorkspaceExporter.writeTo(second, new WorkspaceExporter(empty).find("omitama").orElseThrow());
        assertEquals(dataFiles(first), dataFiles(second));
    }

    @Test
    void aPersonaWithoutAPolicyFieldRoundTrips(@TempDir Path tmp) throws IOException {
        Database db = TestApp.freshSampleDatabase(tmp);
        db.inTransaction(c -> kusari.db.Sql.update(c, "UPDATE persona SET policy_field_id = NULL WHERE slug = 'b'"));
        Path first = tmp.resolve("first");
        WorkspaceExporter.writeTo(first, new WorkspaceExporter(db).find("omitama").orElseThrow());
        assertTrue(Files.readString(first.resolve("personas/omitama/b.json")).contains("\"policyField\": \"\""));
        Database empty = intoEmptyDatabase(first, tmp);
        Path second = tmp.resolve("second");
        WorkspaceExporter.writeTo(second, new WorkspaceExporter(empty).find("omitama").orElseThrow());
        assertEquals(dataFiles(first), dataFiles(second));
    }

    /** Imports the files of {@code folder} into a new empty database (checked first, as the import page does). */
    static Database intoEmptyDatabase(Path folder, Path tmp) {
        Database empty = Database.open(tmp.resolve("empty.db"));
        Migrations.apply(empty);
        ImportService service = new ImportService(empty);
        ImportReport report = service.dryRun(folder);
        assertTrue(report.ok(), report.problems().toString());
        assertTrue(service.apply(folder, report.fingerprint()).applied());
        return empty;
    }

    /** A named workshop on Bさん's journey as a session leaves it: names, cards of every state, votes, a promotion. */
    static void holdWorkshop(Database db) {
        db.inTransaction(c -> {
            long ws = Sql.queryLong(c, "SELECT id FROM workspace WHERE slug = 'omitama'");
            long journey = Sql.queryLong(c, "SELECT id FROM journey WHERE slug = 'b'");
            long w = Sql.insert(c, """
                    INSERT INTO workshop (workspace_id, journey_id, code, title, held_on, named, votes_each, cards_shared,
                                          status, phase, focus_step, spotlight_card, created_at)
                    VALUES (?, ?, 'ACDEFH', 'Bさんの体験を聞く会', '2026-11-20', 1, 2, 0, 'OPEN', 'DECIDE', 3, 1,
                            '2026-11-20T01:00:00Z')""", ws, journey);
            long hanako = Sql.insert(c, "INSERT INTO workshop_participant (workshop_id, token_hash, name, joined_at)"
                    + " VALUES (?, 'secret-hash-1', '<b>花子</b>', '2026-11-20T01:01:00Z')", w);
            long taro = Sql.insert(c, "INSERT INTO workshop_participant (workshop_id, token_hash, name, joined_at)"
                    + " VALUES (?, 'secret-hash-2', '太郎', '2026-11-20T01:02:00Z')", w);
            String card = "INSERT INTO workshop_card (workshop_id, participant_id, step_position, kind, text, emotion,"
                    + " hidden, withdrawn, became, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
            long one = Sql.insert(c, card, w, taro, 2, "TROUBLE", "窓口で\n3回説明した", -2, 0, 0, "painPoint:41",
                    "2026-11-20T01:05:00Z");
            long two = Sql.insert(c, card, w, hanako, 1, "JOY", "=1+1 \"引用\"", null, 0, 0, null, "2026-11-20T01:06:00Z");
            Sql.insert(c, card, w, hanako, 3, "IDEA", "隠された話", 1, 1, 0, null, "2026-11-20T01:07:00Z");
            Sql.insert(c, card, w, null, 3, "IDEA", "取り下げた話", 0, 0, 1, null, "2026-11-20T01:08:00Z");
            for (long[] vote : new long[][] {{one, taro}, {one, hanako}, {two, taro}}) {
                Sql.update(c, "INSERT INTO workshop_vote (card_id, participant_id) VALUES (?, ?)", vote[0], vote[1]);
            }
            Sql.update(c, "INSERT INTO workshop_event (workshop_id, type, data, created_at) VALUES (?, 'opened', '{}', 'x')", w);
            return null;
        });
    }

    /** Holds {@link #holdWorkshop} in {@code db} and exports the workspace to {@code folder}. */
    static Path heldAndExported(Database db, Path folder) throws IOException {
        holdWorkshop(db);
        WorkspaceExporter.writeTo(folder, new WorkspaceExporter(db).find("omitama").orElseThrow());
        return folder;
    }

    @Test
    void aWorkshopWithItsCardsAndVotesRoundTripsByteForByteAndArrivesClosed(@TempDir Path tmp) throws IOException {
        Database db = TestApp.freshSampleDatabase(tmp);
        Path first = heldAndExported(db, tmp.resolve("first"));
        String b = Files.readString(first.resolve("journeys/omitama/b.json"));
        assertTrue(b.contains("\"workshops\": ["), b);
        assertTrue(b.contains("\"participants\": [\n        \"<b>花子</b>\",\n        \"太郎\"\n      ]"), b);
        assertTrue(b.contains("\"became\": \"painPoint\""), "the kind it became, without this database's change id");
        assertTrue(b.contains("\"votes\": [\n            1,\n            2\n          ]"), b);
        assertTrue(!b.contains("ACDEFH") && !b.contains("secret-hash"), "no join code, no cookie hash in the files");
        assertTrue(!Files.readString(first.resolve("journeys/omitama/c.json")).contains("workshops"),
                "a journey without workshops is written as before");

        Database empty = intoEmptyDatabase(first, tmp);
        Path second = tmp.resolve("second");
        WorkspaceExporter.writeTo(second, new WorkspaceExporter(empty).find("omitama").orElseThrow());
        assertEquals(dataFiles(first), dataFiles(second));

        String[] imported = empty.read(c -> Sql.queryOne(c, "SELECT status, code FROM workshop",
                rs -> new String[] {rs.getString(1), rs.getString(2)})).orElseThrow();
        assertEquals("CLOSED", imported[0], "a workshop from the files is a record, not a room");
        assertTrue(!imported[1].matches("[A-Z0-9]{6}"), "under a code no phone can type: " + imported[1]);
        assertEquals(3L, empty.<Long>read(c -> Sql.queryLong(c, "SELECT count(*) FROM workshop_vote")));
        assertEquals(0L, empty.<Long>read(c -> Sql.queryLong(c,
                "SELECT count(*) FROM workshop_participant WHERE token_hash LIKE 'secret%'")));
    }

    @Test
    void importingOverAnOpenWorkshopSaysItWillCloseAndKeepsItsCards(@TempDir Path tmp) throws IOException {
        Database db = TestApp.freshSampleDatabase(tmp);
        Path files = heldAndExported(db, tmp.resolve("files"));
        ImportService service = new ImportService(db);
        assertEquals(0, service.dryRun(files).workspaces().get(0).openWorkshops(), "unchanged files replace nothing");
        Path a = files.resolve("personas/omitama/a.json");
        Files.writeString(a, Files.readString(a).replace("\"label\": \"Aさん\"", "\"label\": \"Aさん（改）\""));
        ImportReport report = service.dryRun(files);
        assertEquals(1, report.workspaces().get(0).openWorkshops(), "the report warns of the open workshop");
        assertTrue(service.apply(files, report.fingerprint()).applied());
        assertEquals("CLOSED", db.read(c -> Sql.queryOne(c, "SELECT status FROM workshop", rs -> rs.getString(1)))
                .orElseThrow());
        assertEquals(4L, db.<Long>read(c -> Sql.queryLong(c, "SELECT count(*) FROM workshop_card")));
    }

    @Test
    void aWorkshopCardOnAStepTheJourneyLacksIsRefusedWithItsPlace(@TempDir Path tmp) throws IOException {
        Database db = TestApp.freshSampleDatabase(tmp);
        Path first = heldAndExported(db, tmp.resolve("first"));
        Path b = first.resolve("journeys/omitama/b.json");
        Files.writeString(b, Files.readString(b).replace("\"step\": 2,", "\"step\": 99,")
                .replace("\"kind\": \"JOY\"", "\"kind\": \"HAPPY\""));
        Database empty = Database.open(tmp.resolve("empty.db"));
        Migrations.apply(empty);
        ImportReport report = new ImportService(empty).dryRun(first);
        assertTrue(!report.ok());
        String problems = report.problems().toString();
        assertTrue(problems.contains("$.workshops[0].cards[0].step"), problems);
        assertTrue(problems.contains("$.workshops[0].cards[1].kind"), problems);
    }

    @Test
    void theZipHoldsTheSameFilesAtItsRoot() throws IOException {
        LoadedWorkspace ws = new WorkspaceExporter(TestApp.sampleDatabase()).find("omitama").orElseThrow();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WorkspaceExporter.writeZip(List.of(ws), bytes);
        Map<String, String> inZip = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()), StandardCharsets.UTF_8)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                inZip.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(dataFiles(TestApp.PROJECT_DIR), inZip);
    }
}
