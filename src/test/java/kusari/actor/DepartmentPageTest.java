package kusari.actor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kusari.FreshAppTest;
import kusari.Http;
import kusari.db.Sql;
import org.junit.jupiter.api.Test;

/**
 * A department's page answers "what are ours": its projects with ★ where it leads, and its indicators due in the
 * fiscal year (the target year, or the previous year's actual still to enter for the yearly review).
 */
class DepartmentPageTest extends FreshAppTest {

    private long actor(String name) {
        return db.read(c -> Sql.queryLong(c, "SELECT id FROM actor WHERE name = ?", name));
    }

    private long project(String code) {
        return db.read(c -> Sql.queryLong(c, "SELECT id FROM project WHERE code = ?", code));
    }

    private long kpi(String code, String name, int targetYear) {
        var created = api.post("/api/v1/workspaces/omitama/indicators", "{\"kind\": \"KPI\", \"project\": "
                + project(code) + ", \"name\": \"" + name + "\", \"unit\": \"件\", \"targetValue\": 10, "
                + "\"targetFiscalYear\": " + targetYear + "}");
        assertEquals(201, created.status(), created.text());
        return created.body().get("id").asLong();
    }

    @Test
    void itsProjectsAreListedOnceWithAStarWhereItLeads() {
        long id = actor("企画調整課");
        String before = api.get("/w/omitama/actors/" + id).text();
        List<String> fromSteps = Http.all(before, "data-testid=\"our-project\" data-code=\"([^\"]+)\"");
        assertFalse(fromSteps.isEmpty(), "its steps' challenges lead to projects");
        assertEquals(fromSteps.size(), fromSteps.stream().distinct().count(), "each project once");
        assertEquals(0, Http.count(before, "data-testid=\"our-lead\""), "the sample names no lead");

        String led = fromSteps.get(fromSteps.size() - 1);
        db.inTransaction(c -> Sql.update(c, "INSERT INTO project_lead_actor (project_id, actor_id, position) "
                + "VALUES (?, ?, 1)", project(led), id));
        // a project it leads that none of its steps leads to is listed too
        db.inTransaction(c -> Sql.update(c, "INSERT INTO project_lead_actor (project_id, actor_id, position) "
                + "VALUES (?, ?, 1)", project("4-05-2"), id));
        String after = api.get("/w/omitama/actors/" + id).text();
        List<String> codes = Http.all(after, "data-testid=\"our-project\" data-code=\"([^\"]+)\"");
        List<String> starred = Http.all(after,
                "data-testid=\"our-project\" data-code=\"([^\"]+)\"><a [^>]*>(?:(?!</li>).)*data-testid=\"our-lead\"");
        assertEquals(List.of("4-05-2", led).stream().sorted().toList(), starred.stream().sorted().toList());
        assertEquals(codes.subList(0, 2).stream().sorted().toList(), starred.stream().sorted().toList(),
                "the projects it leads come first");
        assertEquals(fromSteps.size() + (fromSteps.contains("4-05-2") ? 0 : 1), codes.size());
    }

    @Test
    void itsIndicatorsDueInTheYearAreThoseOfTheTargetYearOrWithoutLastYearsActual() {
        long id = actor("企画調整課");
        String before = api.get("/w/omitama/actors/" + id).text();
        String code = Http.all(before, "data-testid=\"our-project\" data-code=\"([^\"]+)\"").get(0);
        long dueNow = kpi(code, "窓口の相談件数", 2024);
        long reported = kpi(code, "出張相談の回数", 2023);
        db.inTransaction(c -> Sql.update(c, "INSERT INTO actual (indicator_id, fiscal_year, value) VALUES (?, 2023, 4)",
                reported));

        String fy2024 = api.get("/w/omitama/actors/" + id + "?fy=2024").text();
        String due = fy2024.substring(fy2024.indexOf("data-testid=\"due-indicators\""),
                fy2024.indexOf("<section id=\"steps\""));
        assertTrue(Http.text(due).contains("2024"), "the heading names the year");
        String row = Http.all(due, "(data-id=\"" + dueNow + "\">.*?)</li>").get(0);
        assertTrue(row.contains("窓口の相談件数"));
        assertTrue(row.contains("目標年度"), "its target year is 2024");
        assertTrue(row.contains("の実績値が未入力"), "and 2023's actual is not entered");
        assertFalse(due.contains("data-id=\"" + reported + "\""), "target 2023 with its 2023 actual is not due in 2024");

        // in 2024 the 2023 actual is what the review asks for: the second KPI was due then for its target
        String fy2023 = api.get("/w/omitama/actors/" + id + "?fy=2023").text();
        String due2023 = fy2023.substring(fy2023.indexOf("data-testid=\"due-indicators\""),
                fy2023.indexOf("<section id=\"steps\""));
        String second = Http.all(due2023, "(data-id=\"" + reported + "\">.*?)</li>").get(0);
        assertTrue(second.contains("目標年度"));
    }
}
