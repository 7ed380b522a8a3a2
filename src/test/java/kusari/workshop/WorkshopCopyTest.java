package kusari.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kusari.ApiClient;
import kusari.FreshAppTest;
import kusari.db.Sql;
import kusari.web.Links;
import org.junit.jupiter.api.Test;

/** A workspace copy takes its workshops along as records: closed, with their cards and votes, opening no room. */
class WorkshopCopyTest extends FreshAppTest {

    private long count(String sql, Object... params) {
        return db.<Long>read(c -> Sql.queryLong(c, sql, params));
    }

    @Test
    void theCopysWorkshopsAreClosedRecordsOfTheSameCardsAndTheOriginalRoomGoesOn() throws Exception {
        RoomSession room = new RoomSession(app.port(), api, "コピー前の会", "\"named\": true");
        String phone = room.join();
        long card = room.card(phone, 2, "TROUBLE", "子育てアプリを知らなかった", -1).get("id").asLong();
        room.card(phone, 1, "JOY", "保健師さんが親切", 2);
        room.patch("\"phase\": \"VOTE\"");
        room.vote(phone, card);
        room.promote(card, "{\"to\": \"painPoint\"}");

        ApiClient.Answer copied = api.postForm(Links.copyWorkspace("omitama"), "slug", "omitama-3", "name", "第3期");
        assertEquals(303, copied.status(), copied.text());
        long copyWs = count("SELECT id FROM workspace WHERE slug = 'omitama-3'");
        List<Object[]> copies = db.read(c -> Sql.query(c, "SELECT id, code, status FROM workshop WHERE workspace_id = ?",
                rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}, copyWs));
        assertEquals(1, copies.size());
        long copy = (long) copies.get(0)[0];
        assertEquals("CLOSED", copies.get(0)[2]);
        assertNotEquals(room.code(), copies.get(0)[1]);
        assertTrue(!((String) copies.get(0)[1]).matches("[A-Z0-9]{6}"), "no phone can type the copy's code");
        assertEquals(2L, count("SELECT count(*) FROM workshop_card WHERE workshop_id = ?", copy));
        assertEquals(1L, count("SELECT count(*) FROM workshop_vote v JOIN workshop_card k ON k.id = v.card_id"
                + " WHERE k.workshop_id = ?", copy));
        assertEquals(0L, count("SELECT count(*) FROM workshop_event WHERE workshop_id = ?", copy),
                "the room's stream stays with the room");
        assertEquals(0L, count("SELECT count(*) FROM workshop_participant p WHERE p.workshop_id = ? AND p.token_hash IN"
                + " (SELECT token_hash FROM workshop_participant WHERE workshop_id = ?)", copy, room.id()),
                "the phones' cookies grant nothing in the copy");

        String record = api.get(Links.workshopRecord("omitama-3", copy)).text();
        assertTrue(record.contains("子育てアプリを知らなかった") && record.contains("場面の課題"), record);
        assertTrue(record.contains("1票"));
        String found = api.get(Links.apiSearch("omitama-3", "子育てアプリを知らな")).text();
        assertTrue(found.contains(Links.workshopRecord("omitama-3", copy) + "#card-"), "found in the copy: " + found);

        // the original room is untouched: still open, the phone still posts to it
        assertEquals("OPEN", api.get(RoomSession.BASE + "/" + room.id()).body().get("workshop").get("status").asText());
        room.card(phone, 3, "IDEA", "コピーの後のカード", null);
        assertEquals(3L, count("SELECT count(*) FROM workshop_card WHERE workshop_id = ?", room.id()));
        assertEquals(2L, count("SELECT count(*) FROM workshop_card WHERE workshop_id = ?", copy));
    }
}
