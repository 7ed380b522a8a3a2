package kusari.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kusari.ApiClient.Answer;
import kusari.FreshAppTest;
import kusari.Http;
import kusari.db.Sql;
import org.junit.jupiter.api.Test;

/**
 * A joint vision of two municipalities (二市町: the made-up 北川市 and 南山町) built through the JSON API as its
 * planners would: the workspace lists both, every project role names one of them, and the roles table reads like
 * the vision's own 役割分担表, a municipality a column.
 */
public class JointVisionTest extends FreshAppTest {

    public static final String SLUG = "kitagawa";
    static final String WS = "/api/v1/workspaces/" + SLUG;

    /** The ids of what {@link #build} made. */
    public record Built(long clinic, long bus, long plain) {
    }

    /** 北川市・南山町定住自立圏共生ビジョン: a clinic both run, a bus 南山町 runs alone, and a project without roles. */
    public static Built build(kusari.ApiClient api) {
        created(api.post("/api/v1/workspaces", """
                {"slug": "kitagawa", "name": "北川市・南山町定住自立圏共生ビジョン", "municipality": "北川市・南山町",
                 "municipalities": ["北川市", "南山町"], "planFrom": "R4", "planTo": "R8",
                 "levels": ["政策分野", "施策", "事業"]}"""));
        long field = created(api.post(WS + "/framework-nodes", "{\"code\": \"1\", \"title\": \"生活機能の強化\"}"));
        long measure = created(api.post(WS + "/framework-nodes",
                "{\"parent\": " + field + ", \"code\": \"1-1\", \"title\": \"医療と交通\"}"));
        long clinic = created(api.post(WS + "/projects", """
                {"node": %d, "code": "1-1-1", "name": "休日当番医事業"}""".formatted(measure)));
        long bus = created(api.post(WS + "/projects", """
                {"node": %d, "code": "1-1-2", "name": "圏域路線バス運行事業"}""".formatted(measure)));
        long plain = created(api.post(WS + "/projects", """
                {"node": %d, "code": "1-1-3", "name": "医師確保の調査研究"}""".formatted(measure)));
        // given in the other order than the list: the table still follows the workspace's order
        created(api.post(WS + "/project-roles", """
                {"project": %d, "municipality": "南山町", "role": "当番医への協力金の負担", "sharePercent": 35}""".formatted(clinic)));
        created(api.post(WS + "/project-roles", """
                {"project": %d, "municipality": "北川市", "role": "当番表の作成と医師会との調整", "sharePercent": 65}""".formatted(clinic)));
        created(api.post(WS + "/project-roles", """
                {"project": %d, "municipality": "南山町", "role": "路線の運行委託"}""".formatted(bus)));
        return new Built(clinic, bus, plain);
    }

    private List<String> municipalities() {
        return db.read(c -> Sql.query(c, """
                SELECT m.name FROM workspace_municipality m JOIN workspace w ON w.id = m.workspace_id
                WHERE w.slug = ? ORDER BY m.position""", rs -> rs.getString(1), SLUG));
    }

    @Test
    void theWorkspaceKeepsItsMunicipalitiesInOrderAndShowsThemInTheApi() {
        build(api);
        assertEquals(List.of("北川市", "南山町"), municipalities());
        Answer shown = api.get(WS);
        assertEquals(200, shown.status(), shown.text());
        assertEquals("北川市・南山町", shown.body().get("municipality").asText(), "the one name pages show stays as given");
        assertEquals("[\"北川市\",\"南山町\"]", shown.body().get("municipalities").toString());
    }

    @Test
    void aRoleOfAThirdMunicipalityIsRefusedNamingTheAllowedOnes() {
        Built b = build(api);
        Answer refused = api.post(WS + "/project-roles", """
                {"project": %d, "municipality": "東山村", "role": "広報"}""".formatted(b.bus()));
        assertEquals(400, refused.status(), refused.text());
        assertTrue(refused.body().toString().contains("municipality"), "the field is named: " + refused.text());
        assertTrue(refused.text().contains("「東山村」はこの戦略の構成市町村にありません。次のどれかにしてください: 北川市、南山町"),
                refused.text());
        Answer english = api.post(WS + "/project-roles?lang=en", """
                {"project": %d, "municipality": "東山村", "role": "広報"}""".formatted(b.bus()));
        assertEquals(400, english.status());
        assertTrue(english.text().contains("“東山村” is not one of this strategy's member municipalities. Choose one of: "
                + "北川市、南山町"), english.text());
        assertEquals(3L, db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM project_role")), "nothing written");
    }

    @Test
    void aMunicipalityWithRolesCannotLeaveTheListAndNoneIsListedTwice() {
        Built b = build(api);
        Answer dropped = api.patch(WS, "{\"version\": 1, \"municipalities\": [\"北川市\"]}");
        assertEquals(400, dropped.status(), dropped.text());
        assertTrue(dropped.text().contains("「南山町」を使っているため"), dropped.text());
        Answer twice = api.patch(WS, "{\"version\": 1, \"municipalities\": [\"北川市\", \"南山町\", \"北川市\"]}");
        assertEquals(400, twice.status(), twice.text());
        assertTrue(twice.text().contains("「北川市」が2回あります"), twice.text());
        Answer tooLong = api.patch(WS, "{\"version\": 1, \"municipalities\": [\"北川市\", \"南山町\", \""
                + "村".repeat(101) + "\"]}");
        assertEquals(400, tooLong.status(), tooLong.text());
        assertTrue(tooLong.text().contains("100文字以内"), tooLong.text());
        assertEquals(List.of("北川市", "南山町"), municipalities(), "refused edits change nothing");

        Answer grown = api.patch(WS, "{\"version\": 1, \"municipalities\": [\"北川市\", \"南山町\", \"東山村\"]}");
        assertEquals(200, grown.status(), grown.text());
        assertEquals(List.of("北川市", "南山町", "東山村"), municipalities());
        Answer now = api.post(WS + "/project-roles", """
                {"project": %d, "municipality": "東山村", "role": "広報"}""".formatted(b.plain()));
        assertEquals(201, now.status(), "once listed, the third municipality may take a role: " + now.text());
    }

    @Test
    void aWorkspaceCreatedWithOneMunicipalityListsJustThatOne() {
        created(api.post("/api/v1/workspaces", """
                {"slug": "hitori", "name": "ひとり町総合戦略", "municipality": "架空県ひとり町",
                 "planFrom": "R4", "planTo": "R8", "levels": ["基本目標", "事業"]}"""));
        assertEquals(List.of("架空県ひとり町"), db.read(c -> Sql.query(c, """
                SELECT m.name FROM workspace_municipality m JOIN workspace w ON w.id = m.workspace_id
                WHERE w.slug = 'hitori' ORDER BY m.position""", rs -> rs.getString(1))));
        String roles = Http.text(api.get("/w/hitori/roles").text());
        assertTrue(roles.contains("この戦略の市町村は架空県ひとり町ひとつです。"), roles);
        String english = Http.text(api.get("/w/hitori/roles?lang=en").text());
        assertTrue(english.contains("This strategy is 架空県ひとり町's alone."), english);
    }

    @Test
    void theRolesTableHasAColumnPerMunicipalityInTheWorkspacesOrderAndARowPerProjectWithRoles() {
        build(api);
        String html = api.get("/w/" + SLUG + "/roles").text();
        String table = html.substring(html.indexOf("data-testid=\"roles-table\""), html.indexOf("</table>"));
        String head = Http.text(table.substring(table.indexOf("<thead>"), table.indexOf("</thead>")));
        assertTrue(head.indexOf("事業") < head.indexOf("北川市") && head.indexOf("北川市") < head.indexOf("南山町"), head);
        String clinic = Http.text(table.substring(table.indexOf("data-project=\"1-1-1\""), table.indexOf("data-project=\"1-1-2\"")));
        assertTrue(clinic.indexOf("当番表の作成と医師会との調整") < clinic.indexOf("当番医への協力金の負担"),
                "北川市's cell first, as its column: " + clinic);
        assertTrue(clinic.contains("負担割合 65%") && clinic.contains("負担割合 35%"), clinic);
        String bus = Http.text(table.substring(table.indexOf("data-project=\"1-1-2\"")));
        assertTrue(bus.contains("–") && bus.contains("路線の運行委託"), "北川市 has no part in the bus: " + bus);
        assertFalse(table.contains("医師確保の調査研究"), "a project without roles is not a row");
        assertTrue(Http.text(html).contains("参加市町村: 北川市・南山町"), Http.text(html));

        String english = Http.text(api.get("/w/" + SLUG + "/roles?lang=en").text());
        assertTrue(english.contains("Partner municipalities: 北川市・南山町"), english);
        assertTrue(english.contains("Share 65%"), english);
    }

    @Test
    void exportAndImportKeepTheListAndTheRoles() throws java.io.IOException {
        build(api);
        java.nio.file.Path first = dir.resolve("first");
        kusari.files.WorkspaceExporter.writeTo(first, new kusari.files.WorkspaceExporter(db).find(SLUG).orElseThrow());
        String file = java.nio.file.Files.readString(first.resolve("journeys/" + SLUG + "/workspace.json"));
        assertTrue(file.contains("""
                  "municipality": "北川市・南山町",
                  "municipalities": [
                    "北川市",
                    "南山町"
                  ],
                """), "the list right after the name: " + file);

        kusari.db.Database empty = kusari.db.Database.open(dir.resolve("empty.db"));
        kusari.db.Migrations.apply(empty);
        assertEquals(List.of(SLUG), new kusari.files.WorkspaceImporter(empty).importMissing(new kusari.files.WorkspaceLoader(first)));
        assertEquals(List.of("北川市", "南山町"), empty.read(c -> Sql.query(c,
                "SELECT name FROM workspace_municipality ORDER BY position", rs -> rs.getString(1))));
        assertEquals(List.of("1-1-1 北川市 当番表の作成と医師会との調整 65.0", "1-1-1 南山町 当番医への協力金の負担 35.0",
                "1-1-2 南山町 路線の運行委託 null"), empty.read(c -> Sql.query(c, """
                SELECT p.code, r.municipality, r.role, r.share_percent FROM project_role r JOIN project p ON p.id = r.project_id
                ORDER BY p.code, r.municipality""", rs -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)
                + " " + rs.getObject(4))));

        java.nio.file.Path second = dir.resolve("second");
        kusari.files.WorkspaceExporter.writeTo(second, new kusari.files.WorkspaceExporter(empty).find(SLUG).orElseThrow());
        for (String name : List.of("workspace.json", "framework.json")) {
            assertEquals(java.nio.file.Files.readString(first.resolve("journeys/" + SLUG + "/" + name)),
                    java.nio.file.Files.readString(second.resolve("journeys/" + SLUG + "/" + name)), name);
        }
    }

    @Test
    void aCopyOfTheVisionKeepsItsMunicipalitiesAndRoles() {
        build(api);
        // made once accounts exist, the vision has an access row of its own (private); so does its copy
        assertEquals(1L, (long) db.read(c -> Sql.queryLong(c, """
                SELECT COUNT(*) FROM workspace_access a JOIN workspace w ON w.id = a.workspace_id WHERE w.slug = ?""", SLUG)));
        Answer copy = api.post(WS + "/copy", "{\"slug\": \"kitagawa-2\", \"name\": \"第2次共生ビジョン\"}");
        assertEquals(201, copy.status(), copy.text());
        assertEquals(List.of(0L), db.read(c -> Sql.query(c, """
                SELECT a.public_read FROM workspace_access a JOIN workspace w ON w.id = a.workspace_id
                WHERE w.slug = 'kitagawa-2'""", rs -> rs.getLong(1))), "the copy starts private, as a new workspace");
        assertEquals(List.of("北川市", "南山町"), db.read(c -> Sql.query(c, """
                SELECT m.name FROM workspace_municipality m JOIN workspace w ON w.id = m.workspace_id
                WHERE w.slug = 'kitagawa-2' ORDER BY m.position""", rs -> rs.getString(1))));
        String table = Http.text(api.get("/w/kitagawa-2/roles").text());
        assertTrue(table.contains("当番表の作成と医師会との調整") && table.contains("路線の運行委託"), table);
    }

    @Test
    void theRoleFormOffersTheListAndRefusesAnotherNameBesideTheField() {
        Built b = build(api);
        String form = api.get("/w/" + SLUG + "/edit/project-roles/new?project=" + b.bus()).text();
        int select = form.indexOf("<select id=\"field-municipality\"");
        assertTrue(select > 0, "the municipality is chosen from a select: " + form);
        String options = form.substring(select, form.indexOf("</select>", select));
        assertTrue(options.indexOf(">北川市</option>") > 0 && options.indexOf(">北川市</option>") < options.indexOf(">南山町</option>"),
                options);

        Answer refused = api.postForm("/w/" + SLUG + "/edit/project-roles/new", "_all", "1", "project",
                String.valueOf(b.plain()), "municipality", "東山村", "role", "広報", "sharePercent", "");
        assertEquals(400, refused.status(), refused.text());
        String html = refused.text();
        int field = html.indexOf("data-field=\"municipality\"");
        int message = html.indexOf("「東山村」はこの戦略の構成市町村にありません。", field);
        assertTrue(field > 0 && message > field && message < html.indexOf("data-field=\"role\""),
                "the message stands beside the municipality: " + html);
    }
}
