package kusari.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The line patch a live map is sent: applied as the page applies it, it gives the new map exactly. */
class LinePatchTest {

    /** What static/js/app.js does with a patch. */
    static String apply(String before, JsonNode ops) {
        String[] a = before.split("\n", -1);
        List<String> out = new ArrayList<>();
        int i = 0;
        for (JsonNode op : ops) {
            switch (op.get(0).asText()) {
                case "=" -> {
                    for (int n = op.get(1).asInt(); n > 0; n--) {
                        out.add(a[i++]);
                    }
                }
                case "-" -> i += op.get(1).asInt();
                default -> out.addAll(List.of(op.get(1).asText().split("\n", -1)));
            }
        }
        return String.join("\n", out);
    }

    @Test
    void oneChangedLineIsSentAloneAndTheRestKept() {
        String before = "<a>\n<b>旧</b>\n<c>\n<d>";
        String after = "<a>\n<b>新</b>\n<c>\n<d>";
        JsonNode ops = LinePatch.between(before, after);
        assertEquals("[[\"=\",1],[\"-\",1],[\"+\",\"<b>新</b>\"],[\"=\",2]]", ops.toString());
        assertEquals(after, apply(before, ops));
    }

    @Test
    void changesFarApartAreEachSentAndTheLinesBetweenKept() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            lines.add("<td>" + i + "</td>");
        }
        String before = String.join("\n", lines);
        lines.set(10, "<td>十</td>");
        lines.remove(300);
        lines.add(400, "<td>new</td>");
        String after = String.join("\n", lines);
        JsonNode ops = LinePatch.between(before, after);
        assertEquals(after, apply(before, ops));
        assertTrue(ops.toString().length() < 200, ops.toString());
    }

    @Test
    void randomEditsAlwaysGiveTheNewTextBack() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            List<String> lines = new ArrayList<>();
            for (int i = random.nextInt(30); i > 0; i--) {
                lines.add("l" + random.nextInt(6));
            }
            String before = String.join("\n", lines);
            for (int e = random.nextInt(6); e > 0; e--) {
                int at = lines.isEmpty() ? 0 : random.nextInt(lines.size());
                switch (random.nextInt(3)) {
                    case 0 -> lines.add(at, "n" + random.nextInt(6));
                    case 1 -> {
                        if (!lines.isEmpty()) {
                            lines.remove(at);
                        }
                    }
                    default -> {
                        if (!lines.isEmpty()) {
                            lines.set(at, "c" + random.nextInt(6));
                        }
                    }
                }
            }
            String after = String.join("\n", lines);
            JsonNode ops = LinePatch.between(before, after);
            assertEquals(after, apply(before, ops), before + " → " + after + ": " + ops);
        }
    }

    @Test
    void aMapRewrittenThroughoutIsSentWhole() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < LinePatch.MAX_EDITS + 10; i++) {
            a.append("a").append(i).append('\n');
            b.append("b").append(i).append('\n');
        }
        assertNull(LinePatch.between(a.toString(), b.toString()));
    }
}
