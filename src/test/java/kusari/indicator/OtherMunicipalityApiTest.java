package kusari.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.nio.file.Path;
import kusari.ApiClient;
import kusari.ApiClient.Answer;
import kusari.core.AppConfig;
import kusari.Http;
import kusari.TestApp;
import kusari.db.Database;
import kusari.Kusari;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another municipality's strategy, built through the JSON API, and its pages. */
class OtherMunicipalityApiTest {

    static final String WS = OtherMunicipality.WS;

    @TempDir
    Path dir;
    Database db;
    Javalin app;
    ApiClient api;
    OtherMunicipality k;

    @BeforeEach
    void start() {
        db = TestApp.freshSampleDatabase(dir);
        app = Kusari.create(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false), db).start(0);
        api = ApiClient.signedIn(app.port(), db);
        k = OtherMunicipality.build(api);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private String page(String path) {
        Answer a = api.get(path);
        assertEquals(200, a.status(), path);
        return Http.text(a.text());
    }

    @Test
    void theFrameworkUsesTheWorkspacesOwnLevelsAndCodePatterns() {
        String framework = page("/w/kitaura/framework");
        assertTrue(framework.contains("基本目標 1 稼ぐ力を高め"), framework);
        assertTrue(framework.contains("戦略 1-1 地域産業の担い手を育てる"), framework);
        assertTrue(!framework.contains("政策分野"), "no Omitama labels");
        Answer badCode = api.post(WS + "/framework-nodes", """
                {"parent": %d, "code": "1-A", "title": "x"}""".formatted(k.goal));
        assertEquals(400, badCode.status());
        assertTrue(badCode.text().contains("9-9"), badCode.text());
        Answer badProject = api.post(WS + "/projects", """
                {"node": %d, "code": "1-1-1", "name": "x"}""".formatted(k.strategy));
        assertEquals(400, badProject.status());
        Answer tooDeep = api.post(WS + "/framework-nodes", """
                {"parent": %d, "code": "1-1", "title": "x"}""".formatted(k.strategy));
        assertEquals(400, tooDeep.status());
    }

    @Test
    void aProjectShowsItsBudgetBySourceWithTotalsAndItsRoadmap() {
        String project = page("/w/kitaura/projects/1-1-01");
        assertTrue(project.contains("財源別の事業費（千円）"), project);
        assertTrue(project.contains("国庫支出金 6,000"), project);
        assertTrue(project.contains("一般財源 6,000 10,000 16,000"), project);
        assertTrue(project.contains("合計 12,000 15,000 0 0 0 27,000"), project);
        assertTrue(!project.contains("一致しません"), "the split adds up to the estimate");
        // The workspace chose to show fiscal years western first (its review settings): so do all its pages.
        assertTrue(project.contains("2021年度（令和3年度） 12,000"), project);
        assertTrue(project.contains("研修農場の整備と募集開始"), project);
        assertTrue(project.contains("第1期研修生5名の受入れ"), project);
        assertTrue(project.contains("この事業は1つの市町村で行います"), project);
        Answer twice = api.post(WS + "/budget-sources", """
                {"project": %d, "fiscalYear": "2021", "source": "NATIONAL", "thousandYen": 1}""".formatted(k.project));
        assertEquals(400, twice.status());
        Answer outside = api.post(WS + "/roadmap-entries", """
                {"project": %d, "fiscalYear": "R9", "text": "x"}""".formatted(k.project));
        assertEquals(400, outside.status());
        assertTrue(outside.text().contains("計画期間内"), outside.text());
    }

    @Test
    void aJointProjectShowsEachMunicipalitysRoleAndShare() {
        String joint = page("/w/kitaura/projects/1-1-02");
        assertTrue(joint.contains("参加市町村と役割分担"), joint);
        assertTrue(joint.contains("北浦市 事務局・企業との調整 60%"), joint);
        assertTrue(joint.contains("南浦町 会場の提供と町内企業への周知 40%"), joint);
        assertTrue(joint.contains("合計 100%"), joint);
        Answer over = api.post(WS + "/project-roles", """
                {"project": %d, "municipality": "東浦村", "role": "広報", "sharePercent": 10}""".formatted(k.joint));
        assertEquals(400, over.status());
        assertTrue(over.text().contains("100%"), over.text());
    }

    @Test
    void theIndicatorTableGradesByTheWorkspacesScaleAndShowsYearsInItsStyle() {
        Answer saved = api.post(WS + "/reviews/R3/values", """
                {"cells": [{"indicator": %d, "value": "9"}, {"indicator": %d, "value": "82"}]}"""
                .formatted(k.goalIndicator, k.kpi));
        assertEquals(200, saved.status(), saved.text());
        assertEquals(2, saved.body().get("added").intValue());
        String table = page("/w/kitaura/indicators");
        assertTrue(table.contains("基本目標 1 稼ぐ力を高め、安心して働けるまちをつくる"), table);
        assertTrue(table.contains("S:120, A:100, B:70, C"), table);
        // 4 → 24, actual 9: progress 25% → C on this scale (by progress); the KPI kept at 80 → met, progress 100 → A.
        assertTrue(table.contains("新規就農者数（累計）"), table);
        Answer json = api.get(WS + "/indicator-table");
        var rows = json.body().get("groups").get(0).get("rows");
        var goalYear = rows.get(0).get("years").get(0);
        assertEquals(25.0, goalYear.get("progress").doubleValue());
        assertEquals("C", goalYear.get("grade").asText());
        assertEquals("2021年度（令和3年度）", goalYear.get("label").asText());
        var kpiYear = rows.get(1).get("years").get(0);
        assertEquals("A", kpiYear.get("grade").asText());
        assertTrue(kpiYear.get("met").booleanValue());
        assertEquals("事業", rows.get(1).get("ownerLevel").asText());
        assertTrue(table.contains("2021年度（令和3年度）"), table);
    }

    @Test
    void badCellsThroughTheApiAnswer400WithTheCellsAndSaveNothing() {
        Answer bad = api.post(WS + "/reviews/2021/values", """
                {"cells": [{"indicator": %d, "value": "9"}, {"indicator": %d, "value": "八十"}]}"""
                .formatted(k.goalIndicator, k.kpi));
        assertEquals(400, bad.status());
        assertEquals("cells[1].value", bad.body().get("fields").get(0).get("field").asText());
        assertEquals(0, api.get(WS + "/indicator-table").body().get("groups").get(0).get("rows").get(0)
                .get("years").size());
        Answer stale = api.post(WS + "/reviews/2021/values", """
                {"cells": [{"indicator": %d, "value": "9"}]}""".formatted(k.goalIndicator));
        assertEquals(200, stale.status());
        Answer conflict = api.post(WS + "/reviews/2021/values", """
                {"cells": [{"indicator": %d, "value": "10", "version": 0}]}""".formatted(k.goalIndicator));
        assertEquals(409, conflict.status());
        assertTrue(conflict.body().get("current").isArray());
    }

    @Test
    void theStrategyLeavesAsFilesAndComesBackByteForByte() throws Exception {
        api.post(WS + "/reviews/R3/values", """
                {"cells": [{"indicator": %d, "value": "9", "source": "農業委員会"}]}""".formatted(k.goalIndicator));
        Path first = dir.resolve("first");
        kusari.files.WorkspaceExporter.writeTo(first, new kusari.files.WorkspaceExporter(db).find("kitaura").orElseThrow());
        String workspace = java.nio.file.Files.readString(first.resolve("journeys/kitaura/workspace.json"));
        String framework = java.nio.file.Files.readString(first.resolve("journeys/kitaura/framework.json"));
        assertTrue(workspace.contains("\"codePatterns\": [\n    \"9\",\n    \"9-9\",\n    \"9-9-99\"\n  ]"), workspace);
        assertTrue(framework.contains("\"budgetSources\": ["), framework);
        assertTrue(framework.contains("\"source\": \"PREFECTURE\""), framework);
        assertTrue(framework.contains("\"text\": \"研修農場の整備と募集開始\""), framework);
        assertTrue(framework.contains("\"sharePercent\": 60"), framework);
        assertTrue(framework.contains("\"actuals\": ["), framework);

        Database empty = Database.open(dir.resolve("empty.db"));
        kusari.db.Migrations.apply(empty);
        kusari.files.ImportService service = new kusari.files.ImportService(empty);
        kusari.files.ImportReport report = service.dryRun(first);
        assertTrue(report.ok(), report.problems().toString());
        assertTrue(service.apply(first, report.fingerprint()).applied());
        Path second = dir.resolve("second");
        kusari.files.WorkspaceExporter.writeTo(second, new kusari.files.WorkspaceExporter(empty).find("kitaura").orElseThrow());
        for (String f : new String[] {"workspace.json", "framework.json", "actors.json", "challenges.json"}) {
            assertEquals(java.nio.file.Files.readString(first.resolve("journeys/kitaura/" + f)),
                    java.nio.file.Files.readString(second.resolve("journeys/kitaura/" + f)), f);
        }
    }
}
