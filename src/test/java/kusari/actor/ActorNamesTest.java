package kusari.actor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActorNamesTest {

    private final ActorNames names = new ActorNames(Map.of(1L, List.of(new ActorName(2020, "健康増進課"),
            new ActorName(2023, "健康づくり課"))));

    @Test
    void theNameInForceInAFiscalYear() {
        assertEquals("健康増進課", names.in(1, 2020, "?"));
        assertEquals("健康増進課", names.in(1, 2022, "?"));
        assertEquals("健康づくり課", names.in(1, 2023, "?"));
        assertEquals("健康づくり課", names.in(1, null, "?"), "no year chosen: the newest name");
        assertEquals("健康増進課", names.in(1, 2010, "?"), "before the history starts: its first name");
        assertEquals("?", names.in(2, 2020, "?"));
    }

    @Test
    void searchingFoldsWidthCaseAndSpaces() {
        assertEquals("健康増進課", names.matching(1, " 増進 ").get(0).name());
        assertTrue(names.matching(1, "観光").isEmpty());
        ActorNames cp = new ActorNames(Map.of(3L, List.of(new ActorName(2020, "ＣＰ関連市民"))));
        assertEquals(1, cp.matching(3, "cp関連").size());
    }
}
