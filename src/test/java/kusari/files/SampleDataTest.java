package kusari.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kusari.SampleFiles;
import kusari.TestApp;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.files.WorkspaceFiles.LoadedWorkspace;
import org.junit.jupiter.api.Test;

/** The sample workspace is complete (the counts of the source document) and kept in canonical form. */
class SampleDataTest {

    private static long count(Database db, String sql) {
        return db.<Long>read(c -> Sql.queryLong(c, sql));
    }

    @Test
    void theLoadedDatabaseHoldsTheWholeExperienceChainOfTheDocument() {
        Database db = TestApp.sampleDatabase();
        assertEquals(8L, count(db, "SELECT count(*) FROM persona"));
        assertEquals(8L, count(db, "SELECT count(*) FROM journey"));
        assertEquals(53L, count(db, "SELECT count(*) FROM step"));
        Map<String, Long> steps = new LinkedHashMap<>();
        db.read(c -> Sql.query(c, """
                SELECT p.slug, count(s.id) FROM persona p JOIN journey j ON j.persona_id = p.id
                JOIN step s ON s.journey_id = j.id GROUP BY p.slug ORDER BY p.slug""",
                rs -> steps.put(rs.getString(1), rs.getLong(2))));
        assertEquals(Map.of("a", 9L, "b", 7L, "c", 8L, "d", 5L, "e", 5L, "f", 7L, "g", 5L, "h", 7L), steps);
        assertEquals(13L, count(db, "SELECT count(*) FROM challenge"));
        assertEquals(4L, count(db, "SELECT count(*) FROM framework_node WHERE depth = 1"));
        assertEquals(16L, count(db, "SELECT count(*) FROM framework_node WHERE depth = 3"));
        assertEquals(36L, count(db, "SELECT count(*) FROM project"));
        assertEquals(0L, count(db, """
                SELECT count(*) FROM framework_node n WHERE n.depth = 1
                AND NOT EXISTS (SELECT 1 FROM indicator i WHERE i.node_id = n.id AND i.kind = 'GOAL')"""),
                "every policy field has goal indicators");
        assertEquals(0L, count(db, """
                SELECT count(*) FROM challenge ch WHERE NOT EXISTS (SELECT 1 FROM step_challenge sc WHERE sc.challenge_id = ch.id)"""),
                "every challenge spans at least one step");
        assertEquals(0L, count(db, """
                SELECT count(*) FROM challenge ch WHERE NOT EXISTS (SELECT 1 FROM challenge_evidence e WHERE e.challenge_id = ch.id)"""),
                "every challenge has its evidence");
        assertEquals(0L, count(db, """
                SELECT count(*) FROM challenge ch WHERE NOT EXISTS (SELECT 1 FROM indicator i WHERE i.challenge_id = ch.id)"""),
                "every challenge has action indicators");
        assertTrue(count(db, "SELECT count(*) FROM actor WHERE kind = 'GOVERNMENT'") > 0);
        assertTrue(count(db, "SELECT count(*) FROM actor WHERE kind = 'PARTNER'") > 0);
        assertEquals(1L, count(db, """
                SELECT count(*) FROM challenge_project cp JOIN challenge ch ON ch.id = cp.challenge_id
                JOIN project p ON p.id = cp.project_id WHERE ch.number = 2 AND p.code = '1-03-4'"""));
    }

    /**
     * Only what the document says: it names no 担当課 for any project and ties no challenge to a project, so the
     * sample has no lead actors and only the challenge → project links a reading supports with a quotation,
     * each marked 「推定」; the whole strategy (slogan, 理念, 視点, 国の基本目標, surveys) has its place too.
     */
    @Test
    void theSampleHoldsOnlyWhatTheDocumentSaysAndTheWholeStrategy() {
        Database db = TestApp.sampleDatabase();
        assertEquals(0L, count(db, "SELECT count(*) FROM project_lead_actor"), "the document names no lead department");
        assertEquals(23L, count(db, "SELECT count(*) FROM challenge_project"));
        assertEquals(23L, count(db, "SELECT count(*) FROM challenge_project WHERE basis = 'READING' AND note LIKE '推定%'"));
        for (String weak : List.of("5:1-01-1", "5:4-03-1", "8:4-05-2", "11:1-02-1")) {
            String[] parts = weak.split(":");
            assertEquals(0L, count(db, """
                    SELECT count(*) FROM challenge_project cp JOIN challenge ch ON ch.id = cp.challenge_id
                    JOIN project p ON p.id = cp.project_id WHERE ch.number = %s AND p.code = '%s'"""
                    .formatted(parts[0], parts[1])), "weak reading link " + weak + " is dropped");
        }
        assertEquals("MAINTAIN", db.read(c -> Sql.queryOne(c,
                "SELECT direction FROM indicator WHERE name LIKE '平日滞在人口率%'", rs -> rs.getString(1)).orElseThrow()),
                "its target equals its baseline (0.99)");
        assertEquals(1L, count(db, "SELECT count(*) FROM strategy_about WHERE slogan = '見つける。みがく。光をあてる。'"));
        assertEquals(3L, count(db, "SELECT count(*) FROM strategy_statement WHERE kind = 'PRINCIPLE'"));
        assertEquals(3L, count(db, "SELECT count(*) FROM strategy_statement WHERE kind = 'VIEWPOINT'"));
        assertEquals(4L, count(db, "SELECT count(*) FROM national_goal"));
        assertEquals(1L, count(db, """
                SELECT count(*) FROM survey_row WHERE label = '結婚を希望する' AND cell_values = '80.7' || char(10) || '85.1'"""));
        for (String subject : List.of("WORKSPACE", "ACTOR", "FRAMEWORK_NODE", "INDICATOR", "PERSONA", "JOURNEY",
                "CHALLENGE", "PROJECT")) {
            assertTrue(count(db, "SELECT count(*) FROM reading WHERE subject_type = '" + subject + "'") > 0,
                    "readings on " + subject);
        }
    }

    /** City staff read the readings: every one is written in Japanese, not in English with Japanese quotations. */
    @Test
    void everyReadingIsWrittenInJapanese() {
        List<String> readings = TestApp.sampleDatabase().read(c -> Sql.query(c, "SELECT text FROM reading",
                rs -> rs.getString(1)));
        assertTrue(readings.size() > 200, "readings: " + readings.size());
        for (String reading : readings) {
            String outsideQuotes = reading.replaceAll("「[^」]*」", "");
            long latinWords = java.util.Arrays.stream(outsideQuotes.split("[^A-Za-z]+"))
                    .filter(w -> w.length() > 3).count();
            assertTrue(latinWords <= 2, "written in English: " + reading);
            assertTrue(outsideQuotes.codePoints().anyMatch(cp -> cp >= 0x3040 && cp <= 0x30ff),
                    "no kana outside quotations: " + reading);
        }
    }

    @Test
    void projectCodesRunFromOneZeroOneOneToFourZeroFiveTwo() {
        List<String> codes = TestApp.sampleDatabase().read(c -> Sql.query(c,
                "SELECT code FROM project ORDER BY code", rs -> rs.getString(1)));
        assertEquals("1-01-1", codes.get(0));
        assertEquals("4-05-2", codes.get(codes.size() - 1));
        assertTrue(codes.stream().allMatch(code -> code.matches("[1-4]-0[1-5]-\\d")), codes.toString());
    }

    @Test
    void theTextHasNoKnownPdfExtractionErrors() {
        LoadedWorkspace ws = SampleFiles.omitama();
        String all = DataJson.canonical(ws.workspace()) + DataJson.canonical(ws.framework())
                + DataJson.canonical(ws.challenges()) + ws.personas().stream().map(DataJson::canonical).reduce("", String::concat)
                + ws.journeys().stream().map(DataJson::canonical).reduce("", String::concat);
        assertFalse(all.contains("キャン泊"), "「キャン泊」 is 「ニャン泊」");
        assertFalse(all.contains("スーツと"), "「スーツと」 is 「スーッと」");
        assertTrue(all.contains("ニャン泊"));
    }

    @Test
    void everyDataFileIsInCanonicalForm() throws IOException {
        LoadedWorkspace ws = SampleFiles.omitama();
        for (Canonicalize.FileAndContent f : Canonicalize.files(TestApp.PROJECT_DIR, ws)) {
            String onDisk = Files.readString(f.path(), StandardCharsets.UTF_8);
            assertEquals(DataJson.canonical(f.content()), onDisk,
                    f.path() + " is not in canonical form: run mvn -q compile exec:java -Dexec.mainClass=kusari.files.Canonicalize");
        }
    }
}
