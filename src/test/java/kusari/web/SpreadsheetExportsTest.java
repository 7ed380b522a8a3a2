package kusari.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import kusari.FreshAppTest;
import kusari.db.Sql;
import org.junit.jupiter.api.Test;

/**
 * The .xlsx and CSV exports as a planner opens and prints them: text cells as text without the CSV's apostrophe,
 * columns with widths, a frozen header repeated on every printed page, landscape fitted to the width, the name
 * first, fiscal years in the workspace's style; and codes in the CSV kept from turning into dates.
 */
class SpreadsheetExportsTest extends FreshAppTest {

    private byte[] bytes(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    /** Every part of the .xlsx (a zip) by name, read through the central directory as Excel does. */
    private Map<String, String> parts(String path) throws Exception {
        Path file = dir.resolve("export.xlsx");
        Files.write(file, bytes(path));
        Map<String, String> parts = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                parts.put(e.getName(), new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return parts;
    }

    private static String sheet(Map<String, String> parts) {
        return parts.entrySet().stream().filter(e -> e.getKey().startsWith("xl/worksheets/sheet")).findFirst()
                .orElseThrow().getValue();
    }

    /** The text of every string cell. */
    private static java.util.List<String> texts(Map<String, String> parts) {
        String shared = parts.getOrDefault("xl/sharedStrings.xml", "") + sheet(parts);
        java.util.List<String> texts = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("<t[^>]*>([^<]*)</t>").matcher(shared);
        while (m.find()) {
            texts.add(unescape(m.group(1)));
        }
        return texts;
    }

    /** XML's escapes, fastexcel writes characters outside ASCII as &#x...; references. */
    private static String unescape(String xml) {
        Matcher m = Pattern.compile("&#x([0-9a-fA-F]+);|&#(\\d+);").matcher(xml);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int cp = m.group(1) != null ? Integer.parseInt(m.group(1), 16) : Integer.parseInt(m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(new String(Character.toChars(cp))));
        }
        m.appendTail(out);
        return out.toString().replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static void assertLaidOutForPrinting(Map<String, String> parts) {
        String sheet = sheet(parts);
        assertTrue(sheet.contains("<cols>") && sheet.contains("customWidth=\"true\""), "columns have widths: " + sheet);
        assertTrue(Pattern.compile("<pane [^>]*ySplit=\"1\"[^>]*state=\"frozen\"").matcher(sheet).find()
                || Pattern.compile("<pane [^>]*state=\"frozen\"[^>]*ySplit=\"1\"").matcher(sheet).find(),
                "the header row is frozen");
        assertTrue(sheet.contains("orientation=\"landscape\""), "landscape");
        assertTrue(sheet.contains("<pageSetUpPr fitToPage=\"1\"") || sheet.contains("fitToPage=\"true\""),
                "fitted to the page");
        assertTrue(sheet.contains("fitToWidth=\"1\"") && sheet.contains("fitToHeight=\"0\""), "one page wide");
        assertTrue(parts.get("xl/workbook.xml").contains("_xlnm.Print_Titles"), "the header repeats on every page");
    }

    @Test
    void theIndicatorXlsxHasTextAsTextTheNameFirstYearsInTheWorkspaceStyleAndPrintSetup() throws Exception {
        long birthRate = db.read(c -> Sql.queryLong(c, "SELECT id FROM indicator WHERE name = '合計特殊出生率'"));
        assertEquals(201, api.post("/api/v1/workspaces/omitama/actuals", "{\"indicator\": " + birthRate
                + ", \"fiscalYear\": 2021, \"value\": 1.5, \"note\": \"=SUM(A1)\", \"dataDate\": \"2022-03\"}").status());
        Map<String, String> parts = parts("/w/omitama/indicators.xlsx");
        assertLaidOutForPrinting(parts);
        java.util.List<String> texts = texts(parts);
        assertEquals("指標名", texts.get(0), "the name column first");
        assertTrue(texts.contains("=SUM(A1)"), "a formula-looking note is a text cell, as typed: " + texts);
        assertTrue(texts.contains("2022-03"), "a date-looking text stays as typed");
        assertTrue(texts.stream().noneMatch(t -> t.startsWith("'")), "no CSV apostrophe in .xlsx: " + texts);
        assertTrue(texts.contains("令和3年度（2021）"), "the year in the workspace's style: " + texts);
        assertFalse(sheet(parts).contains("<f>"), "no formula anywhere");
    }

    @Test
    void theMatrixXlsxIsLaidOutTheSameWayWithTheActorFirst() throws Exception {
        Map<String, String> parts = parts("/api/v1/workspaces/omitama/matrix.xlsx");
        assertLaidOutForPrinting(parts);
        assertEquals("担当", texts(parts).get(0));
    }

    @Test
    void aYearStyleChosenByTheWorkspaceIsTheOneInTheExports() throws Exception {
        // A plan written before May 2019 says 平成31年度.
        kusari.ApiClient.Answer chosen = api.post("/api/v1/workspaces/omitama/review-settings",
                "{\"scale\": \"A:100, B:80, C:50, D\", \"basis\": \"TARGET\", \"yearStyle\": \"WAREKI_HEISEI31\"}");
        assertEquals(201, chosen.status(), chosen.text());
        long birthRate = db.read(c -> Sql.queryLong(c, "SELECT id FROM indicator WHERE name = '合計特殊出生率'"));
        assertEquals(201, api.post("/api/v1/workspaces/omitama/actuals", "{\"indicator\": " + birthRate
                + ", \"fiscalYear\": 2019, \"value\": 1.5}").status());
        String csv = new String(bytes("/w/omitama/indicators.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.contains(",2019,平成31年度,1.5,"), csv.lines().filter(l -> l.contains(",2019,")).toList().toString());
        assertTrue(texts(parts("/w/omitama/indicators.xlsx")).contains("平成31年度"));
    }

    @Test
    void codesThatASpreadsheetWouldReadAsDatesAreProtectedInTheCsvAndComeBackAsTyped() {
        for (String code : new String[] {"1-03-4", "1-1", "2020/3", "2021-03", "12/31/2020"}) {
            assertEquals("'" + code, CellText.neutralise(code), code);
            assertEquals(code, CellText.restore(CellText.neutralise(code)), code);
        }
        for (String text : new String[] {"1-03-4 子育て支援事業", "第1-2期", "=1+1", "-5%", "@x", "ふつうの文"}) {
            assertEquals(text, CellText.restore(CellText.neutralise(text)), text);
        }
        assertEquals("1-03-4 子育て支援事業", CellText.neutralise("1-03-4 子育て支援事業"), "not a date: left alone");
        assertEquals("'ふつう", CellText.restore("'ふつう"), "a person's own apostrophe stays");
    }
}
