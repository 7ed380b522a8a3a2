package kusari.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import kusari.db.Sql;

/**
 * Workshops that arrive as a record of sessions held, from a workspace's data files or a workspace copy: closed,
 * under a code no phone can type (a join code is six capitals; this is twelve lower-case hex digits), with
 * participants whose cookies grant nothing (the stored hash is of no token ever handed out). So a copy or an import
 * never opens a second room for the phones of the first, and never collides with a live workshop's code.
 */
public final class ClosedWorkshops {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ClosedWorkshops() {
    }

    /** A code for a closed workshop, unused by any other workshop. */
    public static String code(Connection c) throws SQLException {
        String code;
        do {
            code = random(6);
        } while (Sql.queryLong(c, "SELECT COUNT(*) FROM workshop WHERE code = ?", code) > 0);
        return code;
    }

    /** A participant's stored token hash that no cookie matches (random, of the same form as a SHA-256). */
    public static String tokenHash() {
        return random(32);
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * A whole workspace's snapshot made ready to be inserted as a copy: its workshops closed under fresh codes, the
     * room's live state (focus, timer, spotlight) and event stream left behind, the participants' cookies voided,
     * and what each card became kept as its kind only, for the change that made it is in the source's history.
     */
    static void forCopy(Connection c, ObjectNode snapshot) throws SQLException {
        ObjectNode rows = (ObjectNode) snapshot.get("rows");
        for (JsonNode row : rows.path("workshop")) {
            ObjectNode w = (ObjectNode) row;
            w.put("code", code(c));
            w.put("status", "CLOSED");
            w.putNull("focus_step");
            w.putNull("timer_ends_at");
            w.putNull("spotlight_card");
        }
        for (JsonNode row : rows.path("workshop_participant")) {
            ((ObjectNode) row).put("token_hash", tokenHash());
        }
        for (JsonNode row : rows.path("workshop_card")) {
            JsonNode became = row.get("became");
            if (became != null && became.isTextual() && became.asText().contains(":")) {
                ((ObjectNode) row).put("became", became.asText().substring(0, became.asText().indexOf(':')));
            }
        }
        rows.remove("workshop_event");
    }
}
