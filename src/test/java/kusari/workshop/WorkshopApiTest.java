package kusari.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kusari.ApiClient;
import kusari.Kusari;
import kusari.TestApp;
import kusari.core.AppConfig;
import kusari.db.Database;
import kusari.db.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workshop's JSON contract, the participant's grant and every refusal. */
class WorkshopApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSRF = ApiClient.CSRF;
    private static final String BASE = "/api/v1/workspaces/omitama/workshops";

    @TempDir
    Path dir;
    Database db;
    Javalin app;
    String admin;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() {
        db = TestApp.freshSampleDatabase(dir);
        admin = TestApp.adminCookie(db);
        app = Kusari.create(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false, false, java.util.Set.of(),
                Duration.ofMinutes(30), null, "http://192.168.10.5:7070/"), db).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    HttpResponse<String> send(String method, String path, String cookie, String body, boolean csrf) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        b.header("Cookie", "kusari_csrf=" + CSRF + (cookie == null ? "" : "; " + cookie));
        if (csrf) {
            b.header("X-CSRF-Token", CSRF);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    JsonNode open() throws Exception {
        HttpResponse<String> res = send("POST", BASE, admin, "{\"journey\": \"b\", \"title\": \"Bさんの体験を聞く会\"}", true);
        assertEquals(201, res.statusCode(), res.body());
        return JSON.readTree(res.body());
    }

    /** Joins as a new phone: its participant cookie. */
    String join(String code) throws Exception {
        HttpResponse<String> res = send("GET", "/j/" + code, null, null, false);
        assertEquals(200, res.statusCode(), res.body());
        String set = res.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("kusari_workshop_"))
                .findFirst().orElseThrow();
        assertTrue(set.contains("HttpOnly"), set);
        assertTrue(set.contains("SameSite=Lax"), set);
        return set.substring(0, set.indexOf(';'));
    }

    HttpResponse<String> card(String code, String cookie, String text) throws Exception {
        return send("POST", "/api/v1/join/" + code + "/cards", cookie,
                JSON.createObjectNode().put("step", 2).put("kind", "TROUBLE").put("text", text).toString(), true);
    }

    @Test
    void aWorkshopIsOpenedJoinedPostedToAndClosed() throws Exception {
        JsonNode w = open();
        String code = w.get("code").asText();
        assertTrue(code.matches("[" + JoinCode.ALPHABET + "]{6}"), code);
        assertEquals("http://192.168.10.5:7070/j/" + code, w.get("joinUrl").asText());
        assertEquals("OPEN", w.get("status").asText());
        assertEquals(1, w.get("version").asInt());

        String phone = join(code);
        HttpResponse<String> posted = card(code, phone, "窓口で<b>3回</b>説明した");
        assertEquals(201, posted.statusCode(), posted.body());
        JsonNode card = JSON.readTree(posted.body());
        assertTrue(card.get("id").asLong() > 0);
        assertEquals("窓口で<b>3回</b>説明した", card.get("text").asText());

        JsonNode shown = JSON.readTree(send("GET", BASE + "/" + w.get("id").asLong(), admin, null, false).body());
        assertEquals(1, shown.get("cards").size());
        assertEquals("b", shown.get("journey").asText());

        HttpResponse<String> closed = send("PATCH", BASE + "/" + w.get("id").asLong(), admin,
                "{\"status\": \"CLOSED\", \"version\": 1}", true);
        assertEquals(200, closed.statusCode(), closed.body());
        assertEquals("CLOSED", JSON.readTree(closed.body()).get("status").asText());

        HttpResponse<String> late = card(code, phone, "終わってから");
        assertEquals(403, late.statusCode());
        assertTrue(late.body().contains("このワークショップは終了しました"), late.body());
        assertEquals(403, send("GET", "/j/" + code, null, null, false).statusCode());
    }

    @Test
    void aStaleVersionIsAConflict() throws Exception {
        JsonNode w = open();
        String path = BASE + "/" + w.get("id").asLong();
        assertEquals(200, send("PATCH", path, admin, "{\"phase\": \"VOTE\", \"version\": 1}", true).statusCode());
        assertEquals(409, send("PATCH", path, admin, "{\"status\": \"CLOSED\", \"version\": 1}", true).statusCode());
        assertEquals(400, send("PATCH", path, admin, "{\"status\": \"CLOSED\"}", true).statusCode());
    }

    @Test
    void cardsAreRefusedInWordsWhenTooLongWrongOrWithoutCsrf() throws Exception {
        String code = open().get("code").asText();
        String phone = join(code);
        HttpResponse<String> tooLong = card(code, phone, "あ".repeat(WorkshopService.MAX_TEXT + 1));
        assertEquals(400, tooLong.statusCode());
        assertTrue(tooLong.body().contains("カードは200文字までです"), tooLong.body());
        HttpResponse<String> empty = card(code, phone, "  ");
        assertEquals(400, empty.statusCode());
        HttpResponse<String> badStep = send("POST", "/api/v1/join/" + code + "/cards", phone,
                "{\"step\": 99, \"kind\": \"JOY\", \"text\": \"x\"}", true);
        assertEquals(400, badStep.statusCode());
        HttpResponse<String> badKind = send("POST", "/api/v1/join/" + code + "/cards", phone,
                "{\"step\": 1, \"kind\": \"ANGRY\", \"text\": \"x\"}", true);
        assertEquals(400, badKind.statusCode());
        HttpResponse<String> noCsrf = send("POST", "/api/v1/join/" + code + "/cards", phone,
                "{\"step\": 1, \"kind\": \"JOY\", \"text\": \"x\"}", false);
        assertEquals(403, noCsrf.statusCode());
        HttpResponse<String> notJoined = card(code, null, "参加せずに");
        assertEquals(403, notJoined.statusCode());
        assertTrue(notJoined.body().contains("参加していません"), notJoined.body());
        assertEquals(0L, (long) db.read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM workshop_card")));
    }

    @Test
    void aPhoneMayPostTenCardsAMinute() throws Exception {
        String code = open().get("code").asText();
        String phone = join(code);
        for (int i = 0; i < WorkshopService.CARDS_PER_MINUTE; i++) {
            assertEquals(201, card(code, phone, "カード" + i).statusCode());
        }
        HttpResponse<String> eleventh = card(code, phone, "11枚目");
        assertEquals(429, eleventh.statusCode());
        assertTrue(eleventh.body().contains("1分間に10枚まで"), eleventh.body());
        // another phone in the room is not slowed down by the first
        assertEquals(201, card(code, join(code), "別の人").statusCode());
    }

    @Test
    void wrongCodesAreRefusedAndGuessingIsThrottled() throws Exception {
        open();
        HttpResponse<String> wrong = send("GET", "/j/AAAAAA", null, null, false);
        assertEquals(404, wrong.statusCode());
        assertTrue(wrong.body().contains("参加コード"), wrong.body());
        int refused = 0;
        for (int i = 0; i < WorkshopService.WRONG_CODES + 2; i++) {
            refused = send("GET", "/api/v1/join/CCCCC" + JoinCode.ALPHABET.charAt(i % 21), null, null, false)
                    .statusCode();
        }
        assertEquals(429, refused);
    }

    @Test
    void aParticipantReadsNothingElseEvenInAPrivateWorkspace() throws Exception {
        db.inTransaction(c -> Sql.update(c, "INSERT OR REPLACE INTO workspace_access (workspace_id, public_read)"
                + " SELECT id, 0 FROM workspace WHERE slug = 'omitama'"));
        JsonNode w = open();
        String code = w.get("code").asText();
        String phone = join(code);
        assertEquals(201, card(code, phone, "非公開でも参加できる").statusCode());
        JsonNode view = JSON.readTree(send("GET", "/api/v1/join/" + code, phone, null, false).body());
        assertFalse(view.get("steps").isEmpty());
        int personas = send("GET", "/api/v1/workspaces/omitama/personas", phone, null, false).statusCode();
        assertTrue(personas == 401 || personas == 403, "personas: " + personas);
        int board = send("GET", "/w/omitama/workshops/" + w.get("id").asLong() + "/board", phone, null, false).statusCode();
        assertTrue(board == 302 || board == 303 || board == 401 || board == 403, "board: " + board);
        int workshop = send("GET", BASE + "/" + w.get("id").asLong(), phone, null, false).statusCode();
        assertTrue(workshop == 401 || workshop == 403, "workshop: " + workshop);
        int edit = send("PATCH", BASE + "/" + w.get("id").asLong(), phone, "{\"status\": \"CLOSED\", \"version\": 1}", true)
                .statusCode();
        assertTrue(edit == 401 || edit == 403, "edit: " + edit);
        // the cookie of one workshop does not join another
        String other = open().get("code").asText();
        assertEquals(403, card(other, phone.replace(code, other), "よその会").statusCode());
    }

    @Test
    void votesOnlyWhileVotingAndNoMoreThanAllowed() throws Exception {
        JsonNode w = open();
        String code = w.get("code").asText();
        String phone = join(code);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(JSON.readTree(card(code, phone, "案" + i).body()).get("id").asLong());
        }
        String vote = "/api/v1/join/" + code + "/cards/";
        assertEquals(400, send("POST", vote + ids.get(0) + "/vote", phone, null, true).statusCode());
        send("PATCH", BASE + "/" + w.get("id").asLong(), admin, "{\"phase\": \"VOTE\", \"version\": 1}", true);
        HttpResponse<String> first = send("POST", vote + ids.get(0) + "/vote", phone, null, true);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals(1, JSON.readTree(first.body()).get("votes").asInt());
        assertEquals(400, send("POST", vote + ids.get(0) + "/vote", phone, null, true).statusCode());
        assertEquals(200, send("POST", vote + ids.get(1) + "/vote", phone, null, true).statusCode());
        assertEquals(200, send("POST", vote + ids.get(2) + "/vote", phone, null, true).statusCode());
        HttpResponse<String> fourth = send("POST", vote + ids.get(3) + "/vote", phone, null, true);
        assertEquals(400, fourth.statusCode());
        assertTrue(fourth.body().contains("票を使い切りました"), fourth.body());
    }

    @Test
    void theEventStreamCarriesEachCardAndResumesAfterTheLastEventId() throws Exception {
        String code = open().get("code").asText();
        String phone = join(code);
        card(code, phone, "一枚目");
        List<String[]> events = readEvents(code, phone, null, 2);
        assertEquals("card", events.get(1)[1]);
        assertTrue(events.get(1)[2].contains("一枚目"), events.get(1)[2]);
        String lastId = events.get(1)[0];
        card(code, phone, "二枚目");
        List<String[]> resumed = readEvents(code, phone, lastId, 1);
        assertTrue(resumed.get(0)[2].contains("二枚目"), resumed.get(0)[2]);
        assertTrue(Long.parseLong(resumed.get(0)[0]) > Long.parseLong(lastId));
    }

    /** The first {@code count} events of the phone's stream: id, name, data. */
    List<String[]> readEvents(String code, String cookie, String lastEventId, int count) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                + "/api/v1/join/" + code + "/events")).header("Cookie", cookie).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10));
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> res = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, res.statusCode());
        assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"),
                res.headers().map().toString());
        List<String[]> events = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            String line;
            while (events.size() < count && (line = in.readLine()) != null) {
                if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    events.add(new String[] {id, name, line.substring(6)});
                }
            }
        }
        return events;
    }

    @Test
    void theBoardShowsTheJoinCornerWithAQrCodeThatDecodesToTheJoinUrl() throws Exception {
        JsonNode w = open();
        HttpResponse<String> board = send("GET", "/w/omitama/workshops/" + w.get("id").asLong() + "/board", admin, null, false);
        assertEquals(200, board.statusCode());
        assertTrue(board.body().contains(w.get("code").asText()));
        assertEquals(w.get("joinUrl").asText(), QrDecode.fromSvg(board.body()));
    }

    @Test
    void aCardBecomesAPainPointNamedInTheHistoryAndIsUndone() throws Exception {
        JsonNode w = open();
        String code = w.get("code").asText();
        long card = JSON.readTree(card(code, join(code), "教室の日程が平日だけで行けない").body()).get("id").asLong();
        String promote = BASE + "/" + w.get("id").asLong() + "/cards/" + card + "/promote";
        long stepId = db.read(c -> Sql.queryLong(c, "SELECT s.id FROM step s JOIN journey j ON j.id = s.journey_id"
                + " WHERE j.slug = 'b' AND s.position = 2"));
        String before = db.read(c -> Sql.queryOne(c, "SELECT pain_point FROM step WHERE id = ?", rs -> rs.getString(1),
                stepId)).orElseThrow();

        assertEquals(400, send("POST", promote, admin, "{\"to\": \"somewhere\"}", true).statusCode());
        assertEquals(400, send("POST", promote, admin, "{\"to\": \"step\"}", true).statusCode(),
                "a new step asks before or after, it does not default");
        HttpResponse<String> res = send("POST", promote, admin, "{\"to\": \"painPoint\"}", true);
        assertEquals(200, res.statusCode(), res.body());
        long change = JSON.readTree(res.body()).get("changeId").asLong();
        String after = db.read(c -> Sql.queryOne(c, "SELECT pain_point FROM step WHERE id = ?", rs -> rs.getString(1),
                stepId)).orElseThrow();
        assertTrue(after.endsWith("教室の日程が平日だけで行けない"), after);
        String summary = db.read(c -> Sql.queryOne(c, "SELECT summary FROM change_log WHERE id = ?",
                rs -> rs.getString(1), change)).orElseThrow();
        assertTrue(summary.contains("カード #" + card), summary);
        assertEquals("painPoint:" + change, db.read(c -> Sql.queryOne(c, "SELECT became FROM workshop_card WHERE id = ?",
                rs -> rs.getString(1), card)).orElseThrow());
        // a participant cannot promote
        int byPhone = send("POST", promote, join(code), "{\"to\": \"painPoint\"}", true).statusCode();
        assertTrue(byPhone == 401 || byPhone == 403, "a phone promoted: " + byPhone);

        HttpResponse<String> undone = send("POST", "/api/v1/workspaces/omitama/history/" + change + "/revert", admin, null, true);
        assertTrue(undone.statusCode() < 300, undone.body());
        assertEquals(before, db.read(c -> Sql.queryOne(c, "SELECT pain_point FROM step WHERE id = ?",
                rs -> rs.getString(1), stepId)).orElseThrow());
        kusari.core.Voices.Voice voice = new WorkshopVoices(db).ofJourney(
                db.read(c -> Sql.queryLong(c, "SELECT journey_id FROM step WHERE id = ?", stepId))).get(2).get(0);
        assertEquals(null, voice.became(), "an undone promotion no longer shows as what the card became");
    }

    @Test
    void aCardBecomesANewStepAfterItsOwn() throws Exception {
        JsonNode w = open();
        String code = w.get("code").asText();
        long card = JSON.readTree(card(code, join(code), "託児の予約").body()).get("id").asLong();
        HttpResponse<String> res = send("POST", BASE + "/" + w.get("id").asLong() + "/cards/" + card + "/promote", admin,
                "{\"to\": \"step\", \"where\": \"after\"}", true);
        assertEquals(200, res.statusCode(), res.body());
        assertEquals(3L, (long) db.read(c -> Sql.queryLong(c, "SELECT s.position FROM step s JOIN journey j"
                + " ON j.id = s.journey_id WHERE j.slug = 'b' AND s.title = '託児の予約'")));
    }

    String promotePath(JsonNode w, long card) {
        return BASE + "/" + w.get("id").asLong() + "/cards/" + card + "/promote";
    }

    String summaryOf(long change) {
        return db.read(c -> Sql.queryOne(c, "SELECT summary FROM change_log WHERE id = ?", rs -> rs.getString(1),
                change)).orElseThrow();
    }

    @Test
    void aCardBecomesAnActionOfANewPartnerOnlyWhenTheKindIsChosen() throws Exception {
        JsonNode w = open();
        String code = w.get("code").asText();
        long card = JSON.readTree(card(code, join(code), "子ども食堂で教室を案内してほしい").body()).get("id").asLong();
        String promote = promotePath(w, card);
        long actionsBefore = db.read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM action"));

        HttpResponse<String> noKind = send("POST", promote, admin,
                "{\"to\": \"action\", \"actor\": \"こども食堂ネット\", \"text\": \"教室のちらしを置く\"}", true);
        assertEquals(400, noKind.statusCode());
        assertTrue(noKind.body().contains("行政か行政以外かを選んでください"), noKind.body());
        HttpResponse<String> noText = send("POST", promote, admin,
                "{\"to\": \"action\", \"actor\": \"こども食堂ネット\", \"kind\": \"PARTNER\"}", true);
        assertEquals(400, noText.statusCode());
        assertEquals(400, send("POST", promote, admin, "{\"to\": \"action\", \"kind\": \"PARTNER\", \"text\": \"x\"}",
                true).statusCode(), "an action names its actor");
        assertEquals(actionsBefore, (long) db.read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM action")));
        assertEquals(0L, (long) db.read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM actor WHERE name = 'こども食堂ネット'")),
                "a refused promotion leaves no new actor behind");

        HttpResponse<String> res = send("POST", promote, admin, "{\"to\": \"action\", \"actor\": \"こども食堂ネット\","
                + " \"kind\": \"PARTNER\", \"text\": \"教室のちらしを置く\"}", true);
        assertEquals(200, res.statusCode(), res.body());
        long change = JSON.readTree(res.body()).get("changeId").asLong();
        assertEquals("PARTNER", db.read(c -> Sql.queryOne(c, "SELECT kind FROM actor WHERE name = 'こども食堂ネット'",
                rs -> rs.getString(1))).orElseThrow());
        long step = db.read(c -> Sql.queryLong(c, "SELECT a.step_id FROM action a JOIN action_actor aa"
                + " ON aa.action_id = a.id JOIN actor r ON r.id = aa.actor_id WHERE r.name = 'こども食堂ネット'"
                + " AND a.text = '教室のちらしを置く'"));
        assertEquals(2L, (long) db.read(c -> Sql.queryLong(c, "SELECT position FROM step WHERE id = ?", step)));
        assertTrue(summaryOf(change).contains("カード #" + card), summaryOf(change));
        assertEquals("action:" + change, db.read(c -> Sql.queryOne(c, "SELECT became FROM workshop_card WHERE id = ?",
                rs -> rs.getString(1), card)).orElseThrow());

        // the journey map shows the card among the voices of its step, and what it became
        String map = send("GET", "/w/omitama/journeys/b", admin, null, false).body();
        assertTrue(map.contains("data-testid=\"voices-row\"") && map.contains("子ども食堂で教室を案内してほしい")
                && map.contains("→ 取組"), "voices on the map");

        HttpResponse<String> undone = send("POST", "/api/v1/workspaces/omitama/history/" + change + "/revert", admin, null, true);
        assertTrue(undone.statusCode() < 300, undone.body());
        assertEquals(actionsBefore, (long) db.read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM action")));
    }

    @Test
    void anExistingActorIsTakenByIdAndItsKindMustAgree() throws Exception {
        JsonNode w = open();
        String code = w.get("code").asText();
        long card = JSON.readTree(card(code, join(code), "窓口で声をかけてほしい").body()).get("id").asLong();
        long[] actor = db.read(c -> Sql.queryOne(c, "SELECT id, kind = 'GOVERNMENT' FROM actor WHERE workspace_id ="
                + " (SELECT id FROM workspace WHERE slug = 'omitama') ORDER BY id LIMIT 1",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)})).orElseThrow();
        String own = actor[1] == 1 ? "GOVERNMENT" : "PARTNER";
        String other = actor[1] == 1 ? "PARTNER" : "GOVERNMENT";
        HttpResponse<String> differs = send("POST", promotePath(w, card), admin, "{\"to\": \"action\", \"actor\": "
                + actor[0] + ", \"kind\": \"" + other + "\", \"text\": \"声をかける\"}", true);
        assertEquals(400, differs.statusCode());
        assertTrue(differs.body().contains("として登録されています"), differs.body());
        HttpResponse<String> res = send("POST", promotePath(w, card), admin, "{\"to\": \"action\", \"actor\": "
                + actor[0] + ", \"kind\": \"" + own + "\", \"text\": \"声をかける\"}", true);
        assertEquals(200, res.statusCode(), res.body());
        assertEquals(1L, (long) db.read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM action a JOIN action_actor aa"
                + " ON aa.action_id = a.id WHERE aa.actor_id = ? AND a.text = '声をかける'", actor[0])));
    }

    @Test
    void cardsAreGroupedIntoANewChallengeWithTheirStepsAndUndone() throws Exception {
        JsonNode w = open();
        String code = w.get("code").asText();
        String phone = join(code);
        long first = JSON.readTree(card(code, phone, "アプリがあると知らなかった").body()).get("id").asLong();
        long second = JSON.readTree(send("POST", "/api/v1/join/" + code + "/cards", phone,
                "{\"step\": 3, \"kind\": \"TROUBLE\", \"text\": \"どこで聞けばいいか分からない\"}", true).body())
                .get("id").asLong();
        int highest = (int) (long) db.read(c -> Sql.queryLong(c, "SELECT MAX(number) FROM challenge"));
        String promote = promotePath(w, first);

        assertEquals(400, send("POST", promote, admin, "{\"to\": \"challenge\", \"cards\": [" + second + "]}", true)
                .statusCode(), "a new title or an existing number is asked for");
        assertEquals(400, send("POST", promote, admin, "{\"to\": \"challenge\", \"cards\": [999999],"
                + " \"title\": \"x\"}", true).statusCode());

        HttpResponse<String> res = send("POST", promote, admin, "{\"to\": \"challenge\", \"cards\": [" + second
                + "], \"title\": \"相談先が知られていない\"}", true);
        assertEquals(200, res.statusCode(), res.body());
        long change = JSON.readTree(res.body()).get("changeId").asLong();
        long challenge = db.read(c -> Sql.queryLong(c, "SELECT id FROM challenge WHERE number = ?", highest + 1));
        assertEquals("相談先が知られていない", db.read(c -> Sql.queryOne(c, "SELECT title FROM challenge WHERE id = ?",
                rs -> rs.getString(1), challenge)).orElseThrow());
        assertEquals(List.of("アプリがあると知らなかった", "どこで聞けばいいか分からない"), db.read(c -> Sql.query(c,
                "SELECT text FROM challenge_evidence WHERE challenge_id = ? ORDER BY position", rs -> rs.getString(1),
                challenge)));
        assertEquals(List.of(2, 3), db.read(c -> Sql.query(c, "SELECT s.position FROM step_challenge sc JOIN step s"
                + " ON s.id = sc.step_id WHERE sc.challenge_id = ? ORDER BY s.position", rs -> rs.getInt(1), challenge)));
        assertEquals(2L, (long) db.read(c -> Sql.queryLong(c,
                "SELECT COUNT(*) FROM workshop_card_challenge WHERE challenge_id = ?", challenge)));
        assertTrue(summaryOf(change).contains("#" + first + ", #" + second), summaryOf(change));

        // the challenge page shows the voices behind it
        HttpResponse<String> page = send("GET", "/w/omitama/challenges/" + (highest + 1), admin, null, false);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("どこで聞けばいいか分からない") && page.body().contains("Bさんの体験を聞く会"),
                page.body());

        // the step links are entries of their own, each naming the cards
        List<String> links = db.read(c -> Sql.query(c, "SELECT summary FROM change_log WHERE id > ?"
                + " AND entity = 'step_challenge' ORDER BY id", rs -> rs.getString(1), change));
        assertEquals(2, links.size(), links.toString());
        assertTrue(links.stream().allMatch(l -> l.contains("#" + first + ", #" + second)), links.toString());

        // undoing the creation takes the challenge, its step links and its voices back out of the chain
        HttpResponse<String> undone = send("POST", "/api/v1/workspaces/omitama/history/" + change + "/revert", admin, null, true);
        assertTrue(undone.statusCode() < 300, undone.body());
        assertEquals(0L, (long) db.read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM challenge WHERE id = ?", challenge)));
        assertEquals(0L, (long) db.read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM step_challenge WHERE challenge_id = ?",
                challenge)));
        assertEquals(0L, (long) db.read(c -> Sql.queryLong(c,
                "SELECT COUNT(*) FROM workshop_card_challenge WHERE challenge_id = ?", challenge)));
    }

    @Test
    void cardsJoinAnExistingChallengeAsMoreEvidence() throws Exception {
        JsonNode w = open();
        String code = w.get("code").asText();
        long card = JSON.readTree(card(code, join(code), "平日の昼しか開いていない").body()).get("id").asLong();
        long evidence = db.read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM challenge_evidence e JOIN challenge ch"
                + " ON ch.id = e.challenge_id WHERE ch.number = 2"));
        HttpResponse<String> res = send("POST", promotePath(w, card), admin, "{\"to\": \"challenge\", \"challenge\": 2}",
                true);
        assertEquals(200, res.statusCode(), res.body());
        assertEquals(evidence + 1, (long) db.read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM challenge_evidence e"
                + " JOIN challenge ch ON ch.id = e.challenge_id WHERE ch.number = 2")));
        HttpResponse<String> again = send("POST", promotePath(w, card), admin, "{\"to\": \"challenge\", \"challenge\": 2}",
                true);
        assertEquals(400, again.statusCode(), "the same card is not evidence twice");
        assertTrue(again.body().contains("すでにこの課題の根拠です"), again.body());
        // undoing the added evidence takes the card out of the challenge's voices
        long change = JSON.readTree(res.body()).get("changeId").asLong();
        assertTrue(send("GET", "/w/omitama/challenges/2", admin, null, false).body().contains("平日の昼しか開いていない"));
        assertTrue(send("POST", "/api/v1/workspaces/omitama/history/" + change + "/revert", admin, null, true)
                .statusCode() < 300);
        assertFalse(send("GET", "/w/omitama/challenges/2", admin, null, false).body().contains("平日の昼しか開いていない"));
        HttpResponse<String> unknown = send("POST", promotePath(w, card), admin,
                "{\"to\": \"challenge\", \"challenge\": 9999}", true);
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("課題9999は見つかりません"), unknown.body());
    }

    @Test
    void openingAndClosingAreInTheHistoryInTheReadersLanguage() throws Exception {
        JsonNode w = open();
        send("PATCH", BASE + "/" + w.get("id").asLong(), admin, "{\"status\": \"CLOSED\", \"version\": 1}", true);
        List<String> ops = db.read(c -> Sql.query(c, "SELECT operation FROM change_log WHERE entity = 'workshop'"
                + " AND entity_id = ? ORDER BY id", rs -> rs.getString(1), w.get("id").asLong()));
        assertEquals(List.of("CREATE", "UPDATE"), ops);
        String ja = send("GET", "/w/omitama/history", admin, null, false).body();
        assertTrue(ja.contains("ワークショップ") && ja.contains("Bさんの体験を聞く会") && ja.contains("終了"), ja);
        long closing = db.read(c -> Sql.queryLong(c, "SELECT MAX(id) FROM change_log WHERE entity = 'workshop'"));
        int at = ja.indexOf("data-change=\"" + closing + "\"");
        String entry = ja.substring(at, ja.indexOf("</li>", at));
        assertFalse(entry.contains("/revert"), "no undo is offered for what the history cannot undo: " + entry);
        HttpRequest en = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/w/omitama/history?lang=en"))
                .header("Cookie", "kusari_csrf=" + CSRF + "; " + admin).build();
        String english = http.send(en, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        assertTrue(english.contains("Workshop") && english.contains("closed"), english);
    }

    HttpResponse<String> form(String path, String fields) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("Cookie", "kusari_csrf=" + CSRF + "; " + admin)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + CSRF + "&" + fields)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void theJourneyPageOpensAWorkshopAndGoesToItsBoard() throws Exception {
        String page = send("GET", "/w/omitama/journeys/b", admin, null, false).body();
        assertTrue(page.contains("data-testid=\"open-workshop-form\""), "a planner sees the form");
        HttpResponse<String> opened = form("/w/omitama/workshops", "journey=b&on=this&title=" + enc("子育て座談会")
                + "&date=2026-12-05&named=named&votesPerParticipant=5&cardsShared=own");
        assertEquals(303, opened.statusCode(), opened.body());
        String board = opened.headers().firstValue("Location").orElseThrow();
        assertTrue(board.matches("/w/omitama/workshops/\\d+/board"), board);
        JsonNode w = JSON.readTree(send("GET", BASE + "/" + board.replaceAll("\\D+", " ").trim().split(" ")[0], admin,
                null, false).body()).get("workshop");
        assertEquals("子育て座談会", w.get("title").asText());
        assertEquals("2026-12-05", w.get("date").asText());
        assertTrue(w.get("named").asBoolean());
        assertEquals(5, w.get("votesPerParticipant").asInt());
        assertFalse(w.get("cardsShared").asBoolean());
        assertEquals(200, send("GET", board, admin, null, false).statusCode());
        // the journey page leads the facilitator back to the board
        String again = send("GET", "/w/omitama/journeys/b", admin, null, false).body();
        assertTrue(again.contains("href=\"" + board + "\"") && again.contains("子育て座談会"), "the board is linked");
    }

    @Test
    void aWorkshopOnANewEmptyJourneyAndRefusalsThatLeaveNothing() throws Exception {
        long journeys = db.read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM journey"));
        HttpResponse<String> noTitle = form("/w/omitama/workshops", "journey=b&on=new&newJourney=" + enc("夜間の相談")
                + "&title=&votesPerParticipant=3");
        assertEquals(400, noTitle.statusCode());
        assertTrue(noTitle.body().contains("題名は1〜200文字"), noTitle.body());
        assertEquals(400, form("/w/omitama/workshops", "journey=b&on=new&newJourney=&title=x").statusCode());
        assertEquals(400, form("/w/omitama/workshops", "journey=b&on=this&title=x&votesPerParticipant=abc").statusCode());
        assertEquals(journeys, (long) db.read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM journey")));
        assertEquals(0L, (long) db.read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM workshop")));

        HttpResponse<String> opened = form("/w/omitama/workshops", "journey=b&on=new&newJourney=" + enc("夜間の相談")
                + "&title=" + enc("夜の会") + "&votesPerParticipant=3");
        assertEquals(303, opened.statusCode(), opened.body());
        assertEquals(0L, (long) db.read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM step s JOIN journey j"
                + " ON j.id = s.journey_id JOIN workshop w ON w.journey_id = j.id WHERE w.title = '夜の会'")));
        assertEquals("夜間の相談", db.read(c -> Sql.queryOne(c, "SELECT j.title FROM journey j JOIN workshop w"
                + " ON w.journey_id = j.id WHERE w.title = '夜の会'", rs -> rs.getString(1))).orElseThrow());
        // without the CSRF field nothing is opened
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                        + "/w/omitama/workshops")).header("Cookie", "kusari_csrf=" + CSRF + "; " + admin)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("journey=b&on=this&title=x")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(403, forged.statusCode());
    }

    @Test
    void aCardStaysWithItsStepWhenAStepIsInsertedBeforeIt() throws Exception {
        JsonNode w = open();
        String code = w.get("code").asText();
        String phone = join(code);
        long late = JSON.readTree(send("POST", "/api/v1/join/" + code + "/cards", phone,
                "{\"step\": 3, \"kind\": \"TROUBLE\", \"text\": \"出生届の窓口が混んでいた\"}", true).body()).get("id").asLong();
        long early = JSON.readTree(card(code, phone, "教室の前に見学したい").body()).get("id").asLong();
        long stepId = db.read(c -> Sql.queryLong(c, "SELECT s.id FROM step s JOIN journey j ON j.id = s.journey_id"
                + " WHERE j.slug = 'b' AND s.position = 3"));
        assertEquals(200, send("POST", promotePath(w, early), admin, "{\"to\": \"step\", \"where\": \"before\"}", true)
                .statusCode());
        assertEquals(4L, (long) db.read(c -> Sql.queryLong(c, "SELECT position FROM step WHERE id = ?", stepId)),
                "the card's step moved one place on");
        HttpResponse<String> res = send("POST", promotePath(w, late), admin, "{\"to\": \"painPoint\"}", true);
        assertEquals(200, res.statusCode(), res.body());
        assertTrue(db.read(c -> Sql.queryOne(c, "SELECT pain_point FROM step WHERE id = ?", rs -> rs.getString(1), stepId))
                .orElseThrow().endsWith("出生届の窓口が混んでいた"), "the pain point went to the card's own step");
        java.util.Map<Integer, List<kusari.core.Voices.Voice>> voices = new WorkshopVoices(db).ofJourney(
                db.read(c -> Sql.queryLong(c, "SELECT journey_id FROM step WHERE id = ?", stepId)));
        assertEquals("出生届の窓口が混んでいた", voices.get(4).get(0).text());
        assertEquals("painPoint", voices.get(4).get(0).became());
    }

    @Test
    void deletingAStepWithCardsGoesToTheTrashAndComesBackWithThem() throws Exception {
        JsonNode w = open();
        String code = w.get("code").asText();
        long card = JSON.readTree(card(code, join(code), "消えても戻る").body()).get("id").asLong();
        long stepId = db.read(c -> Sql.queryLong(c, "SELECT step_id FROM workshop_card WHERE id = ?", card));
        HttpResponse<String> deleted = send("DELETE", "/api/v1/workspaces/omitama/steps/" + stepId, admin, null, true);
        assertTrue(deleted.statusCode() < 300, deleted.body());
        assertEquals(0L, (long) db.read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM workshop_card WHERE id = ?"
                + " AND step_id IS NOT NULL", card)));
        long change = db.read(c -> Sql.queryLong(c, "SELECT MAX(id) FROM change_log"));
        HttpResponse<String> back = send("POST", "/api/v1/workspaces/omitama/history/" + change + "/revert", admin, null, true);
        assertTrue(back.statusCode() < 300, back.body());
        assertEquals(stepId, (long) db.read(c -> Sql.queryLong(c, "SELECT step_id FROM workshop_card WHERE id = ?", card)));
    }
}
