package kusari.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import kusari.FreshAppTest;
import org.junit.jupiter.api.Test;

/** Named workshops: a phone gives its display name; the cards, the board's events and the record carry it. */
class ParticipantNamesTest extends FreshAppTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpResponse<String> name(RoomSession room, String phone, String name) throws Exception {
        return room.raw("PUT", "/api/v1/join/" + room.code() + "/name", phone,
                JSON.createObjectNode().put("name", name).toString());
    }

    @Test
    void aNamedWorkshopShowsEachCardWithItsAuthorsName() throws Exception {
        RoomSession room = new RoomSession(app.port(), api, "名前ありの会", "\"named\": true");
        String hanako = room.join();
        String phonePage = room.raw("GET", "/j/" + room.code(), hanako, null).body();
        assertTrue(phonePage.contains("data-testid=\"name-form\""), "the phone asks for a name");
        assertTrue(phonePage.contains("maxlength=\"40\""));
        assertEquals("", JSON.readTree(room.raw("GET", "/api/v1/join/" + room.code() + "/name", hanako, null).body())
                .get("name").asText());

        HttpResponse<String> saved = name(room, hanako, "  <b>花子</b>  ");
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals("<b>花子</b>", JSON.readTree(saved.body()).get("name").asText(), "trimmed, markup kept as text");
        JsonNode card = room.card(hanako, 1, "JOY", "市報で知った", null);
        assertEquals("<b>花子</b>", card.get("author").asText());

        JsonNode shown = api.get(RoomSession.BASE + "/" + room.id()).body();
        assertEquals("<b>花子</b>", shown.get("cards").get(0).get("author").asText(), "the board reads it too");

        String record = api.get("/w/omitama/workshops/" + room.id()).text();
        assertTrue(record.contains("&lt;b&gt;花子&lt;/b&gt;"), "the record shows the name, escaped");
        assertFalse(record.contains("<b>花子</b>"));

        // a name changed later shows on the cards already posted
        assertEquals(200, name(room, hanako, "はなこ").statusCode());
        assertEquals("はなこ", api.get(RoomSession.BASE + "/" + room.id()).body().get("cards").get(0).get("author").asText());
    }

    @Test
    void aNameTooLongEmptyOrWithALineBreakIsRefusedInWords() throws Exception {
        RoomSession room = new RoomSession(app.port(), api, "名前ありの会", "\"named\": true");
        String phone = room.join();
        HttpResponse<String> tooLong = name(room, phone, "あ".repeat(41));
        assertEquals(400, tooLong.statusCode(), tooLong.body());
        assertTrue(tooLong.body().contains("名前は40文字まで"), tooLong.body());
        assertEquals(200, name(room, phone, "あ".repeat(40)).statusCode(), "forty is allowed");
        assertEquals(400, name(room, phone, "   ").statusCode());
        assertEquals(400, name(room, phone, "花\n子").statusCode());
        assertEquals(400, room.raw("PUT", "/api/v1/join/" + room.code() + "/name", phone, "not json").statusCode());
        HttpResponse<String> noCsrf = room.raw("PUT", "/api/v1/join/" + room.code() + "/name", null,
                "{\"name\": \"x\"}");
        assertEquals(403, noCsrf.statusCode(), "no participant cookie, no name");
    }

    @Test
    void anAnonymousWorkshopNeitherAsksNorShowsNames() throws Exception {
        RoomSession room = new RoomSession(app.port(), api, "匿名の会", null);
        String phone = room.join();
        assertFalse(room.raw("GET", "/j/" + room.code(), phone, null).body().contains("name-form"));
        HttpResponse<String> refused = name(room, phone, "花子");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("匿名"), refused.body());
        // even a name written into the table by hand stays unseen
        db.inTransaction(c -> kusari.db.Sql.update(c, "UPDATE workshop_participant SET name = '花子'"));
        JsonNode card = room.card(phone, 1, "JOY", "市報で知った", null);
        assertEquals("", card.get("author").asText());
        assertFalse(api.get("/w/omitama/workshops/" + room.id()).text().contains("花子"));
    }

    @Test
    void aClosedWorkshopTakesNoNames() throws Exception {
        RoomSession room = new RoomSession(app.port(), api, "名前ありの会", "\"named\": true");
        String phone = room.join();
        room.patch("\"status\": \"CLOSED\"");
        assertEquals(403, name(room, phone, "花子").statusCode());
    }
}
