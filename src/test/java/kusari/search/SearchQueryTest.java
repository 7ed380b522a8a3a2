package kusari.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a query is read: which index, and the FTS5 query it becomes. */
class SearchQueryTest {

    @Test
    void wordsOfThreeCharactersAndMoreGoToTheTrigramIndexQuoted() {
        SearchQuery q = SearchQuery.parse("子育て 　\"KPI\"");
        assertFalse(q.grams());
        assertEquals("\"子育て\" \"\"\"kpi\"\"\"", q.match(), "full-width space splits, quotes are doubled, case folds");
    }

    @Test
    void aShortWordSendsTheQueryToThePairIndex() {
        SearchQuery q = SearchQuery.parse("課 子育て");
        assertTrue(q.grams());
        assertEquals("\"課\"* \"子育 育て\"", q.match());
        assertEquals(List.of("課", "子育て"), q.terms());
        assertEquals("\"民泊\"", SearchQuery.parse("民泊").match());
    }

    @Test
    void punctuationAloneIsNothingToLookForAndOddCharactersNeverBreakTheQuery() {
        assertNull(SearchQuery.parse("・"));
        assertNull(SearchQuery.parse("  "));
        assertNull(SearchQuery.parse(null));
        assertEquals("\"a\"* \"b\"*", SearchQuery.parse("a b").match());
        for (String odd : new String[] {"★", "①", "𐄇𐄈", "\"", "*", "NEAR(", "a\"b", "ー"}) {
            SearchQuery q = SearchQuery.parse(odd);
            assertTrue(q == null || !q.match().contains("\"\"*"), odd + " → " + (q == null ? null : q.match()));
        }
    }
}
