package kusari.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kusari.TestApp;
import kusari.change.SearchIndex;
import kusari.db.Database;
import kusari.db.Sql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search's own bm25 for one phrase is FTS5's: for every row a query matches in the sample, FTS5's rank divided
 * by the Java score is one and the same number (minus the phrase's IDF), so both order the results alike.
 */
class Bm25Test {

    @TempDir
    static Path dir;
    static Database db;

    @BeforeAll
    static void load() {
        db = TestApp.freshSampleDatabase(dir);
        SearchIndex.declare(SearchKinds.ALL);
        SearchIndex.ensureBuilt(db);
    }

    /** Queries of each shape: trigram words, a character (a prefix), pairs, kana, Latin letters, digits. */
    static final List<String> QUERIES = List.of("子育て", "子育てアプリ", "相談", "窓口", "子", "の", "支援", "kpi",
            "a", "20", "2", "市民", "移住", "ごみ", "バス", "こども");

    @Test
    void everyRowOfAOnePhraseQueryScoresInProportionToFts5sRank() {
        int compared = 0;
        for (String q : QUERIES) {
            SearchQuery query = SearchQuery.parse(q);
            String index = query.grams() ? "search_gram" : "search_fts";
            record Row(double rank, String title, String body) {
            }
            List<Row> rows = db.read(c -> Sql.query(c, "SELECT f.rank, d.title, d.body FROM " + index
                    + " f JOIN search_doc d ON d.id = f.rowid WHERE " + index + " MATCH ?",
                    rs -> new Row(rs.getDouble(1), rs.getString(2), rs.getString(3)), query.match()));
            Bm25 own = db.read(c -> Bm25.forPhrase(c, query));
            assertNotNull(own, q);
            Double factor = null;
            for (Row r : rows) {
                double score = own.score(r.title(), r.body());
                assertTrue(score > 0, q + ": every match scores above nothing: " + r);
                double f = r.rank() / score;
                if (factor == null) {
                    factor = f;
                }
                assertEquals(factor, f, Math.abs(factor) * 1e-9, q + ": " + r);
                compared++;
            }
        }
        assertTrue(compared > 200, "compared " + compared + " rows");
    }

    @Test
    void theSearchRanksTrigramWordsAndSingleCharactersItselfAndLeavesPairsToFts5() {
        assertNotNull(db.read(c -> Bm25.of(c, SearchQuery.parse("子育て"))));
        assertNotNull(db.read(c -> Bm25.of(c, SearchQuery.parse("子"))));
        assertNull(db.read(c -> Bm25.of(c, SearchQuery.parse("相談"))));
    }

    @Test
    void queriesOfSeveralPhrasesKeepFts5sRank() {
        List<Object> none = new ArrayList<>();
        for (String q : List.of("子育て 相談", "子 育", "a-b c")) {
            none.add(db.read(c -> Bm25.forPhrase(c, SearchQuery.parse(q))));
        }
        none.forEach(x -> assertNull(x));
    }
}
