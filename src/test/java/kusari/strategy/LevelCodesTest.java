package kusari.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kusari.ApiClient.Answer;
import kusari.FreshAppTest;
import kusari.Http;
import kusari.db.Database;
import kusari.db.Migrations;
import kusari.db.Sql;
import kusari.files.ImportReport;
import kusari.files.ImportService;
import kusari.files.WorkspaceExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Framework codes are unique within a level, not across levels: 北浦市 (made up) numbers 基本目標 1–3 and under them
 * 戦略 1–6, so the codes 1, 2 and 3 are on both levels; 五層町 (made up) has five levels with the code 1 on each of
 * its four node levels. Both are built through the JSON API, then read back from their pages, traces, API, search,
 * and exported and imported again.
 */
public class LevelCodesTest extends FreshAppTest {

    static final String WS = "/api/v1/workspaces/kitaura";
    final Map<String, Long> ids = new HashMap<>();

    /** 基本目標1–3, each with two 戦略 numbered 1–6 across the plan, a project under 戦略1 and 戦略3. */
    public static Map<String, Long> buildKitaura(kusari.ApiClient api) {
        Map<String, Long> ids = new HashMap<>();
        created(api.post("/api/v1/workspaces", """
                {"slug": "kitaura", "name": "北浦市総合戦略", "municipality": "架空県北浦市",
                 "planFrom": "R2", "planTo": "R6", "levels": ["基本目標", "戦略", "事業"]}"""));
        String[] goals = {"安定した雇用を創出する", "新しいひとの流れをつくる", "若い世代の希望をかなえる"};
        String[] strategies = {"地域産業を育てる", "創業を支える", "移住を促す", "関係人口を増やす", "出会いを応援する",
            "子育てを支える"};
        for (int g = 1; g <= 3; g++) {
            long goal = created(api.post(WS + "/framework-nodes",
                    "{\"code\": \"" + g + "\", \"title\": \"" + goals[g - 1] + "\"}"));
            ids.put("goal" + g, goal);
            for (int s = 2 * g - 1; s <= 2 * g; s++) {
                ids.put("strategy" + s, created(api.post(WS + "/framework-nodes", "{\"parent\": " + goal
                        + ", \"code\": \"" + s + "\", \"title\": \"" + strategies[s - 1] + "\"}")));
            }
        }
        ids.put("project1", created(api.post(WS + "/projects", """
                {"node": %d, "code": "1-01", "name": "地場産業振興事業", "budget": {"2021": 12000}}"""
                .formatted(ids.get("strategy1")))));
        ids.put("project3", created(api.post(WS + "/projects", """
                {"node": %d, "code": "3-01", "name": "移住相談窓口事業"}""".formatted(ids.get("strategy3")))));
        created(api.post(WS + "/indicators", """
                {"kind": "GOAL", "node": %d, "name": "市内就業者数", "unit": "人", "direction": "INCREASE",
                 "baselineValue": "50000", "baselineYear": "R1", "targetValue": "51000", "targetFiscalYear": "R6"}"""
                .formatted(ids.get("goal1"))));
        created(api.post(WS + "/indicators", """
                {"kind": "KPI", "node": %d, "name": "新規立地件数", "unit": "件", "direction": "INCREASE",
                 "targetValue": "10", "targetFiscalYear": "R6"}""".formatted(ids.get("strategy1"))));
        created(api.post(WS + "/personas", "{\"slug\": \"a\", \"label\": \"Aさん\", \"policyField\": "
                + ids.get("goal1") + "}"));
        return ids;
    }

    private void kitaura() {
        ids.putAll(buildKitaura(api));
    }

    @Test
    void theSameCodeOnTwoLevelsIsAcceptedAndTheFrameworkPageShowsBothWithTheirOwnLinks() {
        kitaura();
        String html = page("/w/kitaura/framework");
        assertTrue(html.contains("id=\"node-1@1\""), "基本目標1 has its own anchor");
        assertTrue(html.contains("id=\"node-1@2\""), "戦略1 has its own anchor");
        assertTrue(html.contains("id=\"node-6\""), "a code on one level keeps its plain anchor");
        assertEquals(9, html.split("data-testid=\"framework-node\"", -1).length - 1, "3 基本目標 and 6 戦略");
        // each item's trace link names its own node
        assertTrue(html.contains("href=\"/w/kitaura/trace/policy-field/1\""), html);
        assertTrue(html.contains("href=\"/w/kitaura/trace/measure/1?level=2\""), html);

        // ?node=1 alone could mean either: refused with both levels named; with the level, the page opens
        Answer ambiguous = api.get("/w/kitaura/framework?node=1");
        assertEquals(400, ambiguous.status(), ambiguous.text());
        assertTrue(Http.text(ambiguous.text()).contains("1 (基本目標), 2 (戦略)"), Http.text(ambiguous.text()));
        assertEquals(200, api.get("/w/kitaura/framework?node=1&level=2").status());
        assertEquals(200, api.get("/w/kitaura/framework?node=6").status(), "a code on one level needs no level");
        assertEquals(400, api.get("/w/kitaura/framework?node=1&level=x").status());
    }

    @Test
    void theTraceFromEachOneShowsItsOwnItem() {
        kitaura();
        String top = Http.text(page("/w/kitaura/trace/policy-field/1"));
        assertTrue(top.contains("安定した雇用を創出する"), top);
        String measure = Http.text(page("/w/kitaura/trace/measure/1"));
        assertTrue(measure.contains("地域産業を育てる"), measure);
        assertTrue(measure.contains("地場産業振興事業"), "the project under 戦略1: " + measure);
        assertFalse(measure.contains("移住相談窓口事業"), "not the project of 戦略3");

        Answer fromTop = api.get("/api/v1/workspaces/kitaura/trace/policy-field/1");
        assertEquals(200, fromTop.status(), fromTop.text());
        assertEquals("安定した雇用を創出する", fromTop.body().get("startTitle").asText());
        Answer fromMeasure = api.get("/api/v1/workspaces/kitaura/trace/measure/1?level=2");
        assertEquals(200, fromMeasure.status(), fromMeasure.text());
        assertEquals("地域産業を育てる", fromMeasure.body().get("startTitle").asText());
        assertEquals(404, api.get("/api/v1/workspaces/kitaura/trace/measure/1?level=1").status(),
                "a measure is below the top level");
    }

    @Test
    void projectPagesLinkTheNodesOfTheirPathByLevel() {
        kitaura();
        String html = page("/w/kitaura/projects/1-01");
        assertTrue(html.contains("/w/kitaura/framework?node=1&amp;level=1#node-1@1"), html);
        assertTrue(html.contains("/w/kitaura/framework?node=1&amp;level=2#node-1@2"), html);
        String persona = page("/w/kitaura/personas/a");
        assertTrue(persona.contains("/w/kitaura/framework?node=1&amp;level=1#node-1@1"), "the persona's policy field");
    }

    @Test
    void theApiNamesANodeByCodeAndLevelAndRefusesAnAmbiguousCodeNamingTheLevels() {
        kitaura();
        Answer ambiguous = api.get(WS + "/framework-nodes/1");
        assertEquals(400, ambiguous.status(), ambiguous.text());
        assertTrue(ambiguous.text().contains("1 (基本目標), 2 (戦略)"), ambiguous.text());
        assertTrue(ambiguous.text().contains("level"), ambiguous.text());
        Answer english = api.get(WS + "/framework-nodes/1?lang=en");
        assertEquals(400, english.status());
        assertTrue(english.text().contains("is on more than one level: 1 (基本目標), 2 (戦略)"), english.text());

        Answer strategy = api.get(WS + "/framework-nodes/1?level=2");
        assertEquals(200, strategy.status(), strategy.text());
        assertEquals("地域産業を育てる", strategy.body().get("title").asText());
        assertEquals(ids.get("strategy1"), strategy.body().get("id").longValue());
        assertEquals("安定した雇用を創出する", api.get(WS + "/framework-nodes/1?level=1").body().get("title").asText());
        assertEquals("子育てを支える", api.get(WS + "/framework-nodes/6").body().get("title").asText(),
                "a code on one level needs no level");
        assertEquals(404, api.get(WS + "/framework-nodes/6?level=1").status());
        assertEquals(400, api.get(WS + "/framework-nodes/1?level=0").status());

        Answer patched = api.patch(WS + "/framework-nodes/1?level=2",
                "{\"version\": 1, \"title\": \"地域産業を育てる（改）\"}");
        assertEquals(200, patched.status(), patched.text());
        assertEquals("安定した雇用を創出する", api.get(WS + "/framework-nodes/1?level=1").body().get("title").asText(),
                "the other 1 is untouched");
        assertEquals(400, api.patch(WS + "/framework-nodes/1", "{\"version\": 2, \"title\": \"x\"}").status());
        assertEquals(400, api.delete(WS + "/framework-nodes/2").status(), "a delete never guesses either");
        assertEquals(3L, db.<Long>read(c -> Sql.queryLong(c,
                "SELECT COUNT(*) FROM framework_node n JOIN workspace w ON w.id = n.workspace_id WHERE w.slug = 'kitaura'"
                + " AND n.code IN ('1', '2') AND n.title NOT LIKE '%（改）%'")), "nothing else changed or went");
    }

    @Test
    void aDuplicateCodeWithinOneLevelIsRefusedNamingTheLevel() {
        kitaura();
        Answer top = api.post(WS + "/framework-nodes", "{\"code\": \"2\", \"title\": \"もう一つの2\"}");
        assertEquals(400, top.status(), top.text());
        assertTrue(top.text().contains("第1階層（基本目標）"), top.text());
        Answer below = api.post(WS + "/framework-nodes?lang=en", "{\"parent\": " + ids.get("goal3")
                + ", \"code\": \"1\", \"title\": \"another 1\"}");
        assertEquals(400, below.status(), below.text());
        assertTrue(below.text().contains("already used on level 2 (戦略)"), below.text());
        // moving 戦略1 to the top would put a second 1 on the top level
        Answer moved = api.patch(WS + "/framework-nodes/1?level=2", "{\"version\": 1, \"parent\": null}");
        assertEquals(400, moved.status(), moved.text());
        assertTrue(moved.text().contains("第1階層（基本目標）"), moved.text());
        // and a new one in the web form: the same code on another level is fine, on the same level it is not
        Answer form = api.postForm("/w/kitaura/edit/framework-nodes/new", "parent", String.valueOf(ids.get("goal2")),
                "code", "4", "title", "重なる戦略");
        assertEquals(400, form.status());
        assertTrue(Http.text(form.text()).contains("コード「4」は第2階層（戦略）ですでに使われています"),
                Http.text(form.text()));
        Answer formOk = api.postForm("/w/kitaura/edit/framework-nodes/new", "parent", String.valueOf(ids.get("goal2")),
                "code", "2-x", "title", "新しい戦略");
        assertEquals(303, formOk.status(), formOk.text());
        assertEquals(10L, db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM framework_node n JOIN workspace w"
                + " ON w.id = n.workspace_id WHERE w.slug = 'kitaura'")));
    }

    @Test
    void searchResultsLinkTheRightItem() {
        kitaura();
        Answer found = api.get("/api/v1/workspaces/kitaura/search?q=" + java.net.URLEncoder.encode("地域産業を育てる",
                java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, found.status(), found.text());
        assertTrue(found.text().contains("/w/kitaura/framework?node=1&level=2#node-1@2"), found.text());
        Answer goal = api.get("/api/v1/workspaces/kitaura/search?q=" + java.net.URLEncoder.encode("安定した雇用",
                java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(goal.text().contains("/w/kitaura/framework?node=1&level=1#node-1@1"), goal.text());
    }

    @Test
    void itsDataFilesExportAndImportAgainUnchanged(@TempDir Path tmp) throws java.io.IOException {
        kitaura();
        var exported = new WorkspaceExporter(db).find("kitaura").orElseThrow();
        Map<String, String> files = WorkspaceExporter.fileMap(exported);
        String framework = files.entrySet().stream().filter(e -> e.getKey().endsWith("framework.json"))
                .findFirst().orElseThrow().getValue();
        assertTrue(framework.contains("地域産業を育てる"), framework);
        Path dir = tmp.resolve("out");
        WorkspaceExporter.writeTo(dir, exported);

        Database empty = Database.open(tmp.resolve("empty.db"));
        Migrations.apply(empty);
        ImportService service = new ImportService(empty);
        ImportReport report = service.dryRun(dir);
        assertTrue(report.ok(), report.problems().toString());
        // the plan lists both nodes called 1, each with its level, and every node once
        List<String> nodes = report.workspaces().get(0).items().stream().filter(i -> i.entity().equals("node"))
                .map(ImportReport.Item::key).toList();
        assertEquals(9, nodes.size(), nodes.toString());
        assertTrue(nodes.containsAll(List.of("1 (level 1)", "1 (level 2)", "6")), nodes.toString());
        assertTrue(service.apply(dir, report.fingerprint()).applied());
        assertEquals(files, WorkspaceExporter.fileMap(new WorkspaceExporter(empty).find("kitaura").orElseThrow()));
        // the persona's policy field is the top-level 1, not 戦略1
        assertEquals(List.of(1L, 2L), empty.read(c -> Sql.query(c,
                "SELECT depth FROM framework_node WHERE code = '1' ORDER BY depth", rs -> rs.getLong(1))));
        assertEquals(1L, empty.<Long>read(c -> Sql.queryLong(c,
                "SELECT n.depth FROM persona p JOIN framework_node n ON n.id = p.policy_field_id WHERE p.slug = 'a'")));
        // and the project of 戦略3 is still under 戦略3
        assertEquals("移住を促す", empty.read(c -> Sql.queryOne(c, "SELECT n.title FROM project p JOIN framework_node n"
                + " ON n.id = p.node_id WHERE p.code = '3-01'", rs -> rs.getString(1))).orElseThrow());
    }

    @Test
    void fiveLevelsWork() {
        String ws = "/api/v1/workspaces/goso";
        created(api.post("/api/v1/workspaces", """
                {"slug": "goso", "name": "五層町総合計画", "municipality": "架空県五層町",
                 "planFrom": "R2", "planTo": "R6", "levels": ["分野", "目標", "方向", "施策", "事業"]}"""));
        Long parent = null;
        String[] titles = {"暮らし", "安心して暮らせる", "見守りを広げる", "見守り隊を組む"};
        long[] nodes = new long[4];
        for (int depth = 1; depth <= 4; depth++) {
            nodes[depth - 1] = created(api.post(ws + "/framework-nodes", "{" + (parent == null ? "" : "\"parent\": "
                    + parent + ", ") + "\"code\": \"1\", \"title\": \"" + titles[depth - 1] + "\"}"));
            parent = nodes[depth - 1];
        }
        Answer tooDeep = api.post(ws + "/framework-nodes", "{\"parent\": " + parent + ", \"code\": \"1\", \"title\": \"x\"}");
        assertEquals(400, tooDeep.status(), "five levels, the fifth the projects': " + tooDeep.text());
        created(api.post(ws + "/projects", "{\"node\": " + parent + ", \"code\": \"1-1-1-1\", \"name\": \"見守り事業\"}"));
        assertEquals(List.of(1L, 2L, 3L, 4L), db.read(c -> Sql.query(c, "SELECT n.depth FROM framework_node n"
                + " JOIN workspace w ON w.id = n.workspace_id WHERE w.slug = 'goso' ORDER BY n.depth", rs -> rs.getLong(1))));

        String html = page("/w/goso/framework");
        for (int depth = 1; depth <= 4; depth++) {
            assertTrue(html.contains("id=\"node-1@" + depth + "\""), "level " + depth);
            assertTrue(html.contains(titles[depth - 1]));
        }
        assertTrue(html.contains("見守り事業"));
        // below the top, the code 1 is on three levels: a measure's trace must name one
        Answer ambiguous = api.get("/api/v1/workspaces/goso/trace/measure/1");
        assertEquals(400, ambiguous.status(), ambiguous.text());
        assertTrue(ambiguous.text().contains("2 (目標), 3 (方向), 4 (施策)"), ambiguous.text());
        Answer third = api.get("/api/v1/workspaces/goso/trace/measure/1?level=3");
        assertEquals(200, third.status(), third.text());
        assertEquals("見守りを広げる", third.body().get("startTitle").asText());
        String project = page("/w/goso/projects/1-1-1-1");
        for (int depth = 1; depth <= 4; depth++) {
            assertTrue(project.contains("node=1&amp;level=" + depth), project);
        }
    }

    @Test
    void aSubtreeMovesToAnotherLevelWithItsCodesCheckedThere() {
        String ws = "/api/v1/workspaces/goso";
        created(api.post("/api/v1/workspaces", """
                {"slug": "goso", "name": "五層町総合計画", "municipality": "架空県五層町",
                 "planFrom": "R2", "planTo": "R6", "levels": ["分野", "目標", "方向", "施策", "事業"]}"""));
        long nine = created(api.post(ws + "/framework-nodes", "{\"code\": \"9\", \"title\": \"分野9\"}"));
        long upper = created(api.post(ws + "/framework-nodes", "{\"parent\": " + nine + ", \"code\": \"5\", \"title\": \"目標5\"}"));
        long lower = created(api.post(ws + "/framework-nodes", "{\"parent\": " + upper + ", \"code\": \"5\", \"title\": \"方向5\"}"));
        // up one level: 目標5 becomes a top-level 5 and 方向5 a level-2 5, where 目標5 was a moment ago
        Answer up = api.patch(ws + "/framework-nodes/5?level=2", "{\"version\": 1, \"parent\": null}");
        assertEquals(200, up.status(), up.text());
        assertEquals(List.of("5:1", "5:2", "9:1"), db.read(c -> Sql.query(c, "SELECT n.code || ':' || n.depth"
                + " FROM framework_node n JOIN workspace w ON w.id = n.workspace_id WHERE w.slug = 'goso' ORDER BY 1",
                rs -> rs.getString(1))));
        assertEquals(lower, api.get(ws + "/framework-nodes/5?level=2").body().get("id").longValue());

        // a node below meeting its code on the new level: refused on parent, naming the level
        long other = created(api.post(ws + "/framework-nodes", "{\"parent\": " + nine + ", \"code\": \"7\", \"title\": \"目標7\"}"));
        created(api.post(ws + "/framework-nodes", "{\"parent\": " + other + ", \"code\": \"5\", \"title\": \"方向5（別）\"}"));
        // under 分野9 the moved 5 is a level-2 5 (free there) but its child a level-3 5 beside 方向5（別）
        Answer clash = api.patch(ws + "/framework-nodes/5?level=1", "{\"version\": 2, \"parent\": " + nine + "}");
        assertEquals(400, clash.status(), clash.text());
        assertTrue(clash.text().contains("\"field\" : \"parent\""), clash.text());
        assertTrue(clash.text().contains("第3階層（方向）"), clash.text());
    }
}
