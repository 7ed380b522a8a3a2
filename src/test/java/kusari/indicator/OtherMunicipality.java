package kusari.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import kusari.ApiClient;
import kusari.ApiClient.Answer;

/**
 * A strategy not written like Omitama's, built through the JSON API only: 北浦市's 2nd strategy (R3–R7) with a
 * three-level framework 基本目標 / 戦略 / 事業 and code patterns, a project with budgets by funding source and a
 * roadmap, and a joint project (定住自立圏) of two municipalities with their roles and shares.
 */
final class OtherMunicipality {

    static final String WS = "/api/v1/workspaces/kitaura";

    final long goal;
    final long strategy;
    final long project;
    final long joint;
    final long goalIndicator;
    final long kpi;

    private OtherMunicipality(long goal, long strategy, long project, long joint, long goalIndicator, long kpi) {
        this.goal = goal;
        this.strategy = strategy;
        this.project = project;
        this.joint = joint;
        this.goalIndicator = goalIndicator;
        this.kpi = kpi;
    }

    static long created(Answer a) {
        assertEquals(201, a.status(), a.text());
        return a.body().get("id").longValue();
    }

    static OtherMunicipality build(ApiClient api) {
        created(api.post("/api/v1/workspaces", """
                {"slug": "kitaura", "name": "第2期 北浦市まち・ひと・しごと創生総合戦略", "municipality": "北浦市",
                 "municipalities": ["北浦市", "南浦町"], "planFrom": "R3", "planTo": "令和7年度", "levels": ["基本目標", "戦略", "事業"],
                 "codePatterns": ["9", "9-9", "9-9-99"]}"""));
        long goal = created(api.post(WS + "/framework-nodes", """
                {"code": "1", "title": "稼ぐ力を高め、安心して働けるまちをつくる"}"""));
        long strategy = created(api.post(WS + "/framework-nodes", """
                {"parent": %d, "code": "1-1", "title": "地域産業の担い手を育てる"}""".formatted(goal)));
        long project = created(api.post(WS + "/projects", """
                {"node": %d, "code": "1-1-01", "name": "農業後継者育成事業",
                 "budget": {"2021": 12000, "2022": 15000}}""".formatted(strategy)));
        for (String source : new String[] {
                "{\"fiscalYear\": \"R3\", \"source\": \"NATIONAL\", \"thousandYen\": 6000}",
                "{\"fiscalYear\": \"R3\", \"source\": \"GENERAL\", \"thousandYen\": 6000}",
                "{\"fiscalYear\": \"R4\", \"source\": \"PREFECTURE\", \"thousandYen\": 5000}",
                "{\"fiscalYear\": \"R4\", \"source\": \"GENERAL\", \"thousandYen\": 10000}"}) {
            created(api.post(WS + "/budget-sources", source.replace("{", "{\"project\": " + project + ", ")));
        }
        created(api.post(WS + "/roadmap-entries", """
                {"project": %d, "fiscalYear": "R3", "text": "研修農場の整備と募集開始"}""".formatted(project)));
        created(api.post(WS + "/roadmap-entries", """
                {"project": %d, "fiscalYear": "R4", "text": "第1期研修生5名の受入れ"}""".formatted(project)));
        long joint = created(api.post(WS + "/projects", """
                {"node": %d, "code": "1-1-02", "name": "定住自立圏 合同就職説明会"}""".formatted(strategy)));
        created(api.post(WS + "/project-roles", """
                {"project": %d, "municipality": "北浦市", "role": "事務局・企業との調整", "sharePercent": 60}""".formatted(joint)));
        created(api.post(WS + "/project-roles", """
                {"project": %d, "municipality": "南浦町", "role": "会場の提供と町内企業への周知", "sharePercent": 40}""".formatted(joint)));
        long goalIndicator = created(api.post(WS + "/indicators", """
                {"kind": "GOAL", "node": %d, "name": "新規就農者数（累計）", "unit": "人", "direction": "INCREASE",
                 "baselineValue": "4", "baselineYear": "R2", "baselineSource": "農業委員会", "targetValue": "24",
                 "targetFiscalYear": "R7"}""".formatted(goal)));
        long kpi = created(api.post(WS + "/indicators", """
                {"kind": "KPI", "project": %d, "name": "研修修了者の市内就農率", "unit": "%%", "direction": "MAINTAIN",
                 "baselineValue": "80", "targetValue": "80", "targetFiscalYear": "R7"}""".formatted(project)));
        created(api.post(WS + "/review-settings", """
                {"scale": "S:120, A:100, B:70, C", "basis": "PROGRESS", "yearStyle": "WESTERN_WAREKI"}"""));
        return new OtherMunicipality(goal, strategy, project, joint, goalIndicator, kpi);
    }
}
