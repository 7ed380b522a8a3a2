package kusari;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kusari.ApiClient.Answer;
import org.junit.jupiter.api.Test;

/**
 * Made-up municipalities whose strategies are not shaped like Omitama's, built through the JSON API as a new user
 * would, and read back from their pages and exports: 東浦市 (基本目標 / 戦略 / 事業 with a KPI table of 60+
 * indicators reviewed every year, no personas yet) and the 西浦定住自立圏 (a joint vision of two municipalities
 * whose project sheets carry 事業費見込 per fiscal year in 千円 and each one's role).
 */
class MadeUpMunicipalitiesTest extends FreshAppTest {

    /** 東浦市: 基本目標 / 戦略 / 事業, KPIs at every project, 待機児童ゼロ among them, no personas. */
    private void buildHigashiura() {
        String ws = "/api/v1/workspaces/higashiura";
        created(api.post("/api/v1/workspaces", """
                {"slug": "higashiura", "name": "東浦市総合戦略", "municipality": "架空県東浦市",
                 "planFrom": "R2", "planTo": "R6", "levels": ["基本目標", "戦略", "事業"]}"""));
        long goal = created(api.post(ws + "/framework-nodes", "{\"code\": \"1\", \"title\": \"結婚・出産・子育ての希望をかなえる\"}"));
        long strategy = created(api.post(ws + "/framework-nodes",
                "{\"parent\": " + goal + ", \"code\": \"1-1\", \"title\": \"子育てと仕事の両立を支える\"}"));
        long project = created(api.post(ws + "/projects", """
                {"node": %d, "code": "1-1-01", "name": "保育所整備事業", "budget": {"2021": 279072}}""".formatted(strategy)));
        long waiting = created(api.post(ws + "/indicators", """
                {"kind": "KPI", "project": %d, "name": "待機児童数", "unit": "人", "direction": "DECREASE",
                 "baselineValue": "9", "baselineYear": "R1", "targetValue": "0", "targetFiscalYear": "R6"}""".formatted(project)));
        created(api.post(ws + "/indicators", """
                {"kind": "GOAL", "node": %d, "name": "人口", "unit": "人", "direction": "MAINTAIN",
                 "baselineValue": "358,232", "baselineYear": "H27", "targetValue": "350000", "targetFiscalYear": "R6"}""".formatted(goal)));
        created(api.post(ws + "/indicators", """
                {"kind": "GOAL", "node": %d, "name": "社会増減数", "unit": "人", "direction": "INCREASE",
                 "baselineValue": "-500", "targetValue": "-200", "targetFiscalYear": "R6"}""".formatted(goal)));
        for (int i = 1; i <= 60; i++) {
            created(api.post(ws + "/indicators", """
                    {"kind": "KPI", "project": %d, "name": "事業KPI %d", "unit": "件", "direction": "INCREASE",
                     "targetValue": "%d", "targetFiscalYear": "R6"}""".formatted(project, i, i * 10)));
        }
        Answer saved = api.post(ws + "/reviews/2021/values",
                "{\"cells\": [{\"indicator\": " + waiting + ", \"value\": \"4\"}]}");
        assertTrue(saved.status() < 300, saved.text());
    }

    @Test
    void aKpiTablePlanWithoutPersonasLeadsWithItsFrameworkAndGradesAZeroTargetByProgress() {
        buildHigashiura();
        String home = page("/w/higashiura");
        assertTrue(home.contains("data-testid=\"no-personas-yet\""), "says plainly there are no personas yet");
        assertFalse(home.contains("data-testid=\"count-personas\""), "no row of zeros");
        assertTrue(home.indexOf("data-testid=\"policy-field\"") < home.indexOf("data-testid=\"plan-counts\""),
                "the framework comes first");
        assertTrue(Http.text(home).contains("63"), "the indicators are counted: " + Http.text(home));
        assertTrue(Http.text(home).contains("358,232人"), "numbers with thousands separators");
        assertTrue(Http.text(home).contains("-500人"), "a negative baseline as entered");

        Answer chain = api.get("/api/v1/workspaces/higashiura/chain-check");
        assertEquals(200, chain.status(), chain.text());
        assertFalse(chain.text().contains("PROJECT_NO_CHALLENGE"), "no alarm that presumes personas: " + chain.text());
        assertTrue(chain.text().contains("INDICATOR_NO_BASELINE"), "the checks of indicators still run");
        created(api.post("/api/v1/workspaces/higashiura/personas", "{\"slug\": \"a\", \"label\": \"Aさん\"}"));
        assertTrue(api.get("/api/v1/workspaces/higashiura/chain-check").text().contains("PROJECT_NO_CHALLENGE"),
                "with the first persona, a project serving no challenge is a break again");

        String table = Http.text(page("/w/higashiura/indicators"));
        int row = table.indexOf("待機児童数");
        assertTrue(row >= 0, table);
        String waiting = table.substring(row, Math.min(table.length(), row + 300));
        assertTrue(waiting.contains("55.6%"), "progress 9 → 0, now 4: " + waiting);

        String review = Http.text(page("/w/higashiura/review/2021"));
        assertTrue(review.contains("事業KPI 60"), "every one of the 60+ indicators is in the grid");

        String budgets = page("/w/higashiura/budgets");
        assertTrue(Http.text(budgets).contains("279,072"), "千円 with separators");
        assertTrue(budgets.contains("data-testid=\"project-budget\""), "the project is listed");
    }

    @Test
    void aJointVisionListsEveryProjectWithItsEstimatesAndEachMunicipalitysRole() {
        String ws = "/api/v1/workspaces/nishiura";
        created(api.post("/api/v1/workspaces", """
                {"slug": "nishiura", "name": "西浦定住自立圏共生ビジョン", "municipality": "架空県西浦市・架空県北町",
                 "municipalities": ["西浦市", "北町"], "planFrom": "R3", "planTo": "R7", "levels": ["政策分野", "施策", "事業"]}"""));
        long field = created(api.post(ws + "/framework-nodes", "{\"code\": \"1\", \"title\": \"生活機能の強化\"}"));
        long measure = created(api.post(ws + "/framework-nodes",
                "{\"parent\": " + field + ", \"code\": \"1-1\", \"title\": \"医療\"}"));
        long clinic = created(api.post(ws + "/projects", """
                {"node": %d, "code": "1-1-1", "name": "休日夜間診療所運営事業",
                 "budget": {"2021": 12500, "2022": 12500, "2023": 13000}}""".formatted(measure)));
        created(api.post(ws + "/projects", """
                {"node": %d, "code": "1-1-2", "name": "救急医療体制の確保"}""".formatted(measure)));
        created(api.post(ws + "/project-roles", """
                {"project": %d, "municipality": "西浦市", "role": "診療所の運営", "sharePercent": 70}""".formatted(clinic)));
        created(api.post(ws + "/project-roles", """
                {"project": %d, "municipality": "北町", "role": "運営費の負担と町民への周知", "sharePercent": 30}""".formatted(clinic)));

        String budgets = page("/w/nishiura/budgets");
        String list = Http.text(budgets.substring(budgets.indexOf("data-testid=\"project-budgets\"")));
        assertTrue(list.contains("1-1-1") && list.contains("1-1-2"), "every project: " + list);
        assertTrue(list.contains("12,500") && list.contains("38,000"), "per year and total in 千円: " + list);
        assertTrue(list.contains("未入力"), "a project without estimates says so, not 0: " + list);

        String project = Http.text(page("/w/nishiura/projects/1-1-1"));
        assertTrue(project.contains("西浦市") && project.contains("診療所の運営"), project);
        assertTrue(project.contains("北町") && project.contains("運営費の負担と町民への周知"), project);

        String roles = page("/w/nishiura/roles");
        String table = Http.text(roles.substring(roles.indexOf("data-testid=\"roles-table\"")));
        assertTrue(Http.text(roles).contains("参加市町村: 西浦市・北町"), "the municipalities as a list");
        assertTrue(table.indexOf("西浦市") < table.indexOf("北町") && table.indexOf("北町") < table.indexOf("休日夜間診療所運営事業"),
                "municipalities across, projects down: " + table);
        assertTrue(table.contains("診療所の運営") && table.contains("負担割合 30%"), table);
        assertFalse(table.contains("救急医療体制の確保"), "a project without roles is not a row");
        assertTrue(page("/w/omitama/roles").contains("data-testid=\"roles-single\""), "a single town's strategy says so");
    }
}
