package kusari.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import kusari.FreshAppTest;
import kusari.web.Links;
import org.junit.jupiter.api.Test;

/** A workshop's cards are found by the workspace's search from the moment they are posted, and no longer once gone. */
class WorkshopCardsFoundTest extends FreshAppTest {

    private List<JsonNode> cardsFound(String query) {
        JsonNode answer = api.get(Links.apiSearch("omitama", query)).body();
        List<JsonNode> cards = new ArrayList<>();
        answer.get("results").forEach(r -> {
            if (r.get("kind").asText().equals("card")) {
                cards.add(r);
            }
        });
        return cards;
    }

    @Test
    void aPostedCardIsFoundAndLinksToItsPlaceOnTheRecord() throws Exception {
        RoomSession room = new RoomSession(app.port(), api, "ニャン泊を考える会", null);
        String phone = room.join();
        assertEquals(List.of(), cardsFound("猫カフェ割引"));
        long card = room.card(phone, 2, "IDEA", "猫カフェ割引の券を配る", null).get("id").asLong();

        List<JsonNode> found = cardsFound("猫カフェ割引");
        assertEquals(1, found.size(), found.toString());
        assertEquals("/w/omitama/workshops/" + room.id() + "#card-" + card, found.get(0).get("href").asText());
        assertTrue(found.get(0).get("place").asText().startsWith("ニャン泊を考える会 · "), found.toString());
        assertTrue(cardsFound("カフェ").size() == 1, "two-character words too");
        assertTrue(api.get(Links.search("omitama", "猫カフェ割引", 0)).text().contains("ワークショップのカード"),
                "the search page names the group");

        // edited by its author: found by the new words only
        assertEquals(200, room.raw("PATCH", "/api/v1/join/" + room.code() + "/cards/" + card, phone,
                "{\"text\": \"犬の散歩道を地図にする\"}").statusCode());
        assertEquals(List.of(), cardsFound("猫カフェ割引"));
        assertEquals(1, cardsFound("散歩道").size());

        // hidden by the facilitator, or withdrawn by its author: not found
        room.hide(card);
        assertEquals(List.of(), cardsFound("散歩道"));
        long other = room.card(phone, 1, "JOY", "図書館の返却ポストが便利", null).get("id").asLong();
        assertEquals(1, cardsFound("返却ポスト").size());
        assertEquals(200, room.raw("DELETE", "/api/v1/join/" + room.code() + "/cards/" + other, phone, null)
                .statusCode());
        assertEquals(List.of(), cardsFound("返却ポスト"));
    }

    @Test
    void aRefusedCardLeavesNothingToFind() throws Exception {
        RoomSession room = new RoomSession(app.port(), api, "会", null);
        String phone = room.join();
        var res = room.raw("POST", "/api/v1/join/" + room.code() + "/cards", phone,
                "{\"step\": 99, \"kind\": \"IDEA\", \"text\": \"存在しない場面の提案\"}");
        assertTrue(res.statusCode() >= 400 && res.statusCode() < 500, res.statusCode() + " " + res.body());
        assertEquals(List.of(), cardsFound("存在しない場面"));
    }
}
