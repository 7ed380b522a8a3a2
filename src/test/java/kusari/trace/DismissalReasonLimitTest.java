package kusari.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kusari.ApiClient.Answer;
import kusari.FreshAppTest;
import kusari.Http;
import kusari.db.Sql;
import org.junit.jupiter.api.Test;

/**
 * The reason for letting a break stand is never cut by the browser: the form says its limit beside the box, and a
 * reason over it comes back whole with the validator's message, dismissing nothing.
 */
class DismissalReasonLimitTest extends FreshAppTest {

    @Test
    void aReasonOverTheLimitComesBackWholeWithItsMessage() {
        String page = api.get("/w/omitama/chain-check").text();
        String key = Http.all(page, "data-testid=\"break\" data-kind=\"[A-Z_]+\" data-key=\"([^\"]+)\"").get(0);
        String form = api.get("/w/omitama/chain-check?dismiss=" + java.net.URLEncoder.encode(key,
                java.nio.charset.StandardCharsets.UTF_8)).text();
        String box = form.substring(form.indexOf("data-testid=\"dismiss-form\""));
        box = box.substring(0, box.indexOf("</form>"));
        assertFalse(box.contains("maxlength="), "the browser is told no limit that would cut a paste: " + box);
        assertTrue(box.contains(ChainCheck.MAX_REASON + "文字まで"), "the limit stands beside the box: " + box);

        long before = db.read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM chain_dismissal"));
        String reason = "地域の事情で".repeat(100);  // 600 characters
        Answer refused = api.postForm("/w/omitama/chain-check/dismissals", "key", key, "reason", reason);
        assertEquals(422, refused.status());
        assertTrue(refused.text().contains("理由は" + ChainCheck.MAX_REASON + "文字以内で書いてください。"), refused.text());
        assertTrue(refused.text().contains(">" + reason + "</textarea>"), "what was typed comes back whole");
        assertEquals(before, (long) db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM chain_dismissal")),
                "nothing was dismissed");
    }
}
