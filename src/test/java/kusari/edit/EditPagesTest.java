package kusari.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kusari.FreshAppTest;
import kusari.ApiClient.Answer;
import kusari.Http;
import kusari.db.Sql;
import org.junit.jupiter.api.Test;

/** The HTML forms, as a browser without JavaScript uses them, on a fresh copy of the sample. */
class EditPagesTest extends FreshAppTest {

    long id(String sql, Object... params) {
        return db.<Long>read(c -> Sql.queryLong(c, sql, params));
    }

    @Test
    void theChallengeFormShowsItsValuesAndSavesWithAnUndoOffer() {
        long ch = id("SELECT id FROM challenge WHERE number = 2");
        String form = page("/w/omitama/edit/challenges/" + ch);
        assertTrue(form.contains("子育てアプリが知られていない"));
        assertTrue(form.contains("name=\"evidence\""));
        Answer saved = api.postForm("/w/omitama/edit/challenges/" + ch, "_all", "1", "version", "1", "number", "2",
                "title", "子育てアプリが知られていない（改）", "evidence", "アンケートで認知度12%\n窓口での聞き取り", "approaches", "");
        assertEquals(303, saved.status());
        assertTrue(saved.location().startsWith("/w/omitama/challenges/2?done="), saved.location());
        String shown = page(saved.location());
        assertTrue(shown.contains("子育てアプリが知られていない（改）"));
        assertTrue(shown.contains("data-testid=\"done\""), "the next page offers to undo the change");
        assertEquals(2L, id("SELECT COUNT(*) FROM challenge_evidence WHERE challenge_id = ?", ch));
    }

    @Test
    void aBadValueComesBackNextToItsFieldInJapaneseAndChangesNothing() {
        long step = id("SELECT s.id FROM step s JOIN journey j ON j.id = s.journey_id WHERE j.slug = 'b' AND s.position = 1");
        Answer answer = api.postForm("/w/omitama/edit/steps/" + step, "_all", "1", "version", "1", "title", "",
                "emotionText", "窓口で聞いた気持ち", "emotionScore", "9", "painPoint", "");
        assertEquals(400, answer.status());
        String html = answer.text();
        int titleField = html.indexOf("data-field=\"title\"");
        int required = html.indexOf("入力してください。", titleField);
        assertTrue(titleField > 0 && required > titleField && required < html.indexOf("data-field=\"emotionText\""),
                "the message stands inside the title field");
        assertTrue(html.contains("-2から2までの整数で入力してください。"));
        assertTrue(html.contains(">窓口で聞いた気持ち</textarea>"), "what the person typed is kept");
        assertTrue(html.contains("<select id=\"field-emotionScore\""), "the score is chosen from its five values");
        assertEquals("妊娠母子手帳", db.read(c -> Sql.queryOne(c, "SELECT title FROM step WHERE id = ?", rs -> rs.getString(1), step)).orElseThrow());
    }

    @Test
    void aStaleFormShowsTheConflictWithBothValuesAndCanReapply() {
        long step = id("SELECT s.id FROM step s JOIN journey j ON j.id = s.journey_id WHERE j.slug = 'b' AND s.position = 2");
        assertEquals(303, api.postForm("/w/omitama/edit/steps/" + step, "version", "1", "title", "両親学級").status());
        Answer stale = api.postForm("/w/omitama/edit/steps/" + step, "_all", "1", "version", "1", "title", "プレママ教室",
                "emotionText", "アプリのチラシに気づかない、メリットを感じない", "emotionScore", "-1", "painPoint", "市の子育て情報が身近に感じない");
        assertEquals(409, stale.status());
        String html = stale.text();
        assertTrue(html.contains("data-testid=\"conflict\""));
        assertTrue(html.contains("value=\"プレママ教室\""), "the person's own value stays in the box");
        int current = html.indexOf("data-testid=\"conflict-current-title\"");
        assertTrue(current > 0 && html.indexOf("両親学級", current) > current, "the current value is shown beside it");
        assertTrue(html.contains("name=\"version\" value=\"2\""), "saving again is based on the current version");
        assertEquals(303, api.postForm("/w/omitama/edit/steps/" + step, "version", "2", "title", "プレママ教室").status());
        assertEquals("プレママ教室", db.read(c -> Sql.queryOne(c, "SELECT title FROM step WHERE id = ?", rs -> rs.getString(1), step)).orElseThrow());
    }

    @Test
    void deletingAnActorSaysWhatItUnlinksAndTheTrashRestoresIt() {
        long actor = id("SELECT id FROM actor WHERE name = '健康増進課'");
        long places = id("SELECT COUNT(*) FROM action_actor WHERE actor_id = ?", actor);
        String confirm = page("/w/omitama/edit/actors/" + actor + "/delete");
        assertTrue(Http.text(confirm).contains(places + "件の取組での担当"), Http.text(confirm));
        Answer deleted = api.postForm("/w/omitama/edit/actors/" + actor + "/delete", "version", "1");
        assertEquals(303, deleted.status());
        assertTrue(deleted.location().startsWith("/w/omitama/actors?done="));
        String trash = page("/w/omitama/trash");
        assertTrue(trash.contains("健康増進課"));
        long change = id("SELECT MAX(id) FROM change_log WHERE operation = 'DELETE'");
        Answer restored = api.postForm("/w/omitama/history/" + change + "/revert", "return", "/w/omitama/trash");
        assertEquals(303, restored.status());
        assertEquals(places, id("SELECT COUNT(*) FROM action_actor WHERE actor_id = ?", actor));
        assertFalse(page("/w/omitama/trash").contains("健康増進課"));
    }

    @Test
    void aFrameworkItemWithProjectsCannotBeDeletedAndSaysWhy() {
        long node = id("SELECT node_id FROM project WHERE code = '1-03-4'");
        String confirm = page("/w/omitama/edit/framework-nodes/" + node + "/delete");
        assertTrue(confirm.contains("data-testid=\"delete-blocked\""));
        assertFalse(confirm.contains("name=\"version\""), "no delete button is offered");
    }

    @Test
    void theTimelineAndAStepsHistoryShowBeforeAndAfterWithUndo() {
        long step = id("SELECT s.id FROM step s JOIN journey j ON j.id = s.journey_id WHERE j.slug = 'c' AND s.position = 1");
        api.postForm("/w/omitama/edit/steps/" + step, "version", "1", "painPoint", "駐車場が見つからない");
        String timeline = Http.text(page("/w/omitama/history"));
        assertTrue(timeline.contains("駐車場が見つからない"), timeline);
        String history = page("/w/omitama/history/steps/" + step);
        assertTrue(history.contains("困りごと（ペインポイント）"));
        assertTrue(history.contains("class=\"after\">駐車場が見つからない"));
        assertTrue(history.contains("元に戻す"));
    }

    @Test
    void linksAreMadeAndBrokenFromTheForms() {
        long ch = id("SELECT id FROM challenge WHERE number = 5");
        long project = id("SELECT id FROM project WHERE code = '1-03-4'");
        Answer linked = api.postForm("/w/omitama/links/challenge-projects", "op", "link", "left", String.valueOf(ch),
                "right", String.valueOf(project), "basis", "DOCUMENT", "note", "会議で確認", "return", "/w/omitama/edit/challenges/" + ch);
        assertEquals(303, linked.status());
        assertEquals("DOCUMENT", db.read(c -> Sql.queryOne(c, "SELECT basis FROM challenge_project WHERE challenge_id = ? AND project_id = ?",
                rs -> rs.getString(1), ch, project)).orElseThrow());
        assertTrue(page("/w/omitama/edit/challenges/" + ch).contains("会議で確認"));
        assertEquals(303, api.postForm("/w/omitama/links/challenge-projects", "op", "unlink", "left", String.valueOf(ch),
                "right", String.valueOf(project)).status());
        assertEquals(0L, id("SELECT COUNT(*) FROM challenge_project WHERE challenge_id = ? AND project_id = ?", ch, project));
    }

    @Test
    void aNewEmptyWorkspaceAndACopyOfTheSample() {
        Answer created = api.postForm("/workspaces/new", "_all", "1", "slug", "hokota", "name", "第2期総合戦略",
                "municipality", "茨城県鉾田市", "planFrom", "令和7年度", "planTo", "R11", "levels", "基本目標\n戦略\n事業");
        assertEquals(303, created.status(), created.text());
        assertEquals(2025L, id("SELECT plan_from FROM workspace WHERE slug = 'hokota'"));
        assertEquals(3L, id("SELECT COUNT(*) FROM framework_level WHERE workspace_id = (SELECT id FROM workspace WHERE slug = 'hokota')"));
        Answer bad = api.postForm("/workspaces/new", "_all", "1", "slug", "Bad Slug", "name", "x", "municipality", "x",
                "planFrom", "2025", "planTo", "2020", "levels", "one");
        assertEquals(400, bad.status());
        assertTrue(bad.text().contains("計画期間の終わりは"));
        Answer copy = api.postForm("/w/omitama/copy", "slug", "omitama-3", "name", "第3期 小美玉市総合戦略");
        assertEquals(303, copy.status());
        assertTrue(page("/w/omitama-3/personas/b").contains("Bさん"));
    }

    @Test
    void aDeletedWorkspaceIsListedAndRestoredFromTheWorkspaceTrash() {
        long ws = id("SELECT id FROM workspace WHERE slug = 'omitama'");
        assertTrue(page("/w/omitama/edit/workspaces/" + ws + "/delete").contains("件のペルソナ"));
        Answer deleted = api.postForm("/w/omitama/edit/workspaces/" + ws + "/delete", "version", "1");
        assertEquals(303, deleted.status());
        assertEquals(404, api.get("/w/omitama").status());
        String trash = page("/workspaces/trash");
        assertTrue(trash.contains("ダイヤモンドシティ・プロジェクト"), trash);
        long change = id("SELECT MAX(id) FROM change_log WHERE entity = 'workspace' AND operation = 'DELETE'");
        Answer restored = api.postForm("/workspaces/trash/" + change + "/restore");
        assertEquals(303, restored.status());
        assertTrue(page("/w/omitama/personas/b").contains("Bさん"));
    }
}
