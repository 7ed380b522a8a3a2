package kusari.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import kusari.FreshAppTest;
import kusari.ApiClient.Answer;
import kusari.EditKinds;
import kusari.change.Field;
import kusari.change.Kind;
import kusari.core.Ui;
import kusari.db.Sql;
import org.junit.jupiter.api.Test;

/**
 * Forms never cut what people type: every field shows the validator's own limit beside it, the browser is not
 * told a shorter one, and a value over the limit comes back with a message instead of being shortened.
 */
class FormLimitsTest extends FreshAppTest {

    @Test
    void everyFormFieldShowsTheLimitItsValidatorApplies() {
        long ws = db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM workspace WHERE slug = 'omitama'"));
        Ui ui = new Ui(Ui.Lang.JA, "/", "token");
        int checked = 0;
        for (Kind kind : EditKinds.all().all()) {
            List<FormField> fields = db.read(c -> EditForm.fields(c, ui, kind, ws, true, Map.of(), List.of(), null));
            for (Field field : kind.fields()) {
                FormField shown = fields.stream().filter(f -> f.name().equals(field.name())).findFirst().orElseThrow();
                long expected = switch (field.type()) {
                    // a name chosen from the workspace's list (a role's municipality) is a select: nothing to type
                    case TEXT -> field.refTable() != null ? 0 : field.maxLength();
                    case TEXTAREA, SLUG -> field.maxLength();
                    case LINES, BUDGET -> field.max();
                    default -> 0;
                };
                assertEquals(expected, shown.limit(), kind.name() + "." + field.name());
                if (expected > 0) {
                    assertTrue(shown.limitText().contains(String.format("%,d", expected)),
                            kind.name() + "." + field.name() + " says its limit: " + shown.limitText());
                    checked++;
                }
                if (field.type() == Field.Type.LINES) {
                    assertEquals(field.lineMaxLength(), shown.lineLimit());
                }
            }
        }
        assertTrue(checked > 40, "checked " + checked);
    }

    /** The limit beside a box of a page not made of a kind's fields: its number, in words, and no maxlength. */
    private static void saysLimit(String html, String id, int limit, String words) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertTrue(at > 0, "the limit " + id + " stands beside its box");
        String hint = html.substring(at, html.indexOf("</p>", at));
        assertTrue(hint.contains("data-limit=\"" + limit + "\""), hint);
        assertTrue(hint.contains(words), id + " says " + words + ": " + hint);
    }

    @Test
    void theRenameAndWorkshopFormsShowTheLimitTheirValidatorsApply() {
        long actor = db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM actor WHERE name = '健康増進課'"));
        String actorPage = api.get(kusari.web.Links.actor("omitama", actor)).text();
        int rename = actorPage.indexOf("class=\"rename-form");
        assertTrue(rename > 0, "the rename form is shown to an editor");
        String renameForm = actorPage.substring(rename, actorPage.indexOf("</form>", rename));
        saysLimit(renameForm, "rename-name-limit", kusari.actor.ActorService.MAX_NAME_LENGTH, "100文字まで");
        assertTrue(renameForm.contains("aria-describedby=\"rename-name-limit\""), renameForm);
        assertFalse(renameForm.contains("maxlength="), "the rename form cuts nothing");
        long version = db.<Long>read(c -> Sql.queryLong(c, "SELECT version FROM actor WHERE id = ?", actor));
        String tooLong = "課".repeat(kusari.actor.ActorService.MAX_NAME_LENGTH + 1);
        Answer refused = api.postForm(kusari.web.Links.actorRename("omitama", actor), "version", String.valueOf(version),
                "name", tooLong, "fromFiscalYear", "2022");
        assertEquals(422, refused.status(), refused.text());
        assertTrue(refused.text().contains("名称は100文字以内で入力してください。"), "the validator's own limit");
        assertTrue(refused.text().contains("value=\"" + tooLong + "\""), "what was typed comes back whole");

        String journey = api.get(kusari.web.Links.journey("omitama", "b")).text();
        String open = journey.substring(journey.indexOf("data-testid=\"open-workshop-form\""));
        open = open.substring(0, open.indexOf("</form>"));
        saysLimit(open, "workshop-title-limit", kusari.workshop.WorkshopService.MAX_TITLE, "200文字まで");
        saysLimit(open, "workshop-new-journey-limit", kusari.journey.JourneyKinds.MAX_TITLE, "200文字まで");
        assertFalse(open.contains("maxlength="), "the workshop form cuts nothing");
        Answer longTitle = api.postForm(kusari.web.Links.openWorkshop("omitama"), "journey", "b", "on", "this",
                "title", "会".repeat(kusari.workshop.WorkshopService.MAX_TITLE + 1), "votesPerParticipant", "3");
        assertEquals(400, longTitle.status(), longTitle.text());
        assertTrue(longTitle.text().contains("題名は1〜200文字で入力してください。"), longTitle.text());
        Answer longJourney = api.postForm(kusari.web.Links.openWorkshop("omitama"), "journey", "b", "on", "new",
                "newJourney", "旅".repeat(kusari.journey.JourneyKinds.MAX_TITLE + 1), "title", "市民ミーティング",
                "votesPerParticipant", "3");
        assertEquals(400, longJourney.status(), longJourney.text());
        assertTrue(longJourney.text().contains("200文字以内で入力してください。"), longJourney.text());
        assertEquals(0L, db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM workshop")), "nothing was opened");

        Answer opened = api.post("/api/v1/workspaces/omitama/workshops", "{\"journey\": \"b\", \"title\": \"限度の確認\"}");
        assertEquals(201, opened.status(), opened.text());
        String board = api.get("/w/omitama/workshops/" + opened.body().get("id").asLong() + "/board").text();
        saysLimit(board, "ws-actor-limit", kusari.workshop.WorkshopService.MAX_ACTOR_NAME, "100文字まで");
        saysLimit(board, "ws-action-text-limit", kusari.workshop.WorkshopService.MAX_ACTION_TEXT, "1,000文字まで");
        saysLimit(board, "ws-challenge-title-limit", kusari.workshop.WorkshopService.MAX_CHALLENGE_TITLE, "300文字まで");
        assertFalse(board.substring(board.indexOf("data-testid=\"decide\"")).contains("maxlength="),
                "the 決める panel cuts nothing");
        String english = api.get("/w/omitama/workshops/" + opened.body().get("id").asLong() + "/board?lang=en").text();
        saysLimit(english, "ws-action-text-limit", kusari.workshop.WorkshopService.MAX_ACTION_TEXT, "Up to 1,000 characters");
    }

    @Test
    void theFormsTellTheBrowserNoShorterLimitThanTheValidator() {
        long ch = db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM challenge WHERE number = 1"));
        for (String path : List.of("/workspaces/new", "/w/omitama/edit/challenges/" + ch)) {
            String html = api.get(path).text();
            assertFalse(html.contains("maxlength="), path + " cuts nothing in the browser");
            assertTrue(html.contains("data-limit="), path + " shows the limits");
        }
        String form = api.get("/w/omitama/edit/challenges/" + ch).text();
        assertTrue(form.contains("50行まで（1行2,000文字まで）"), "the evidence's limit stands beside it");
    }

    @Test
    void fourAndFiveLevelNamesAndALongEvidenceAreSavedWhole() {
        Answer four = api.postForm("/workspaces/new", "_all", "1", "slug", "yotsu", "name", "総合戦略",
                "municipality", "架空県四ツ谷町", "planFrom", "R2", "planTo", "R6", "levels", "政策分野\n基本的方向\n施策\n事業");
        assertEquals(303, four.status(), four.text());
        assertEquals("事業", db.read(c -> Sql.queryOne(c, "SELECT label FROM framework_level WHERE depth = 4 AND "
                + "workspace_id = (SELECT id FROM workspace WHERE slug = 'yotsu')", rs -> rs.getString(1))).orElseThrow());
        Answer five = api.postForm("/workspaces/new", "_all", "1", "slug", "itsutsu", "name", "総合戦略",
                "municipality", "架空県五木村", "planFrom", "R2", "planTo", "R6",
                "levels", "重点戦略\n戦略方針\n具体的施策\n具体的な取組\n事業");
        assertEquals(303, five.status(), five.text());
        Answer six = api.postForm("/workspaces/new", "_all", "1", "slug", "mutsu", "name", "総合戦略",
                "municipality", "架空県六町", "planFrom", "R2", "planTo", "R6", "levels", "一\n二\n三\n四\n五\n六");
        assertEquals(400, six.status());
        assertTrue(six.text().contains("5件までにしてください。"), "six levels are refused with a message");
        assertTrue(six.text().contains("一\n二\n三\n四\n五\n六"), "and what was typed stays in the box");

        long ch = db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM challenge WHERE number = 1"));
        long version = db.<Long>read(c -> Sql.queryLong(c, "SELECT version FROM challenge WHERE id = ?", ch));
        String evidence = "アンケート調査では、".repeat(32);
        Answer saved = api.postForm("/w/omitama/edit/challenges/" + ch, "_all", "1", "version",
                String.valueOf(version), "number", "1", "title", "出会いの場が少ない", "evidence", evidence,
                "approaches", "");
        assertEquals(303, saved.status(), saved.text());
        assertEquals(evidence, db.read(c -> Sql.queryOne(c, "SELECT text FROM challenge_evidence WHERE challenge_id = ?"
                + " AND position = 1", rs -> rs.getString(1), ch)).orElseThrow());
    }
}
