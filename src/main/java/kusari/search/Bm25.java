package kusari.search;

import java.sql.Connection;
import java.sql.SQLException;
import kusari.change.SearchIndex;
import kusari.db.Sql;

/**
 * FTS5's bm25 for a query of one phrase, worked out from the text the search reads anyway. FTS5 ranks a phrase by
 * how often it occurs in each column (a title occurrence weighing {@link #TITLE} times one in the other text) against
 * the row's length in tokens, scaled by the phrase's rarity (its IDF); to know that rarity it counts every row of
 * the whole index holding the phrase, before the first rank. For 「困りごと17」 at 100,000 steps that count is
 * most of the search. With one phrase the rarity is the same factor for every result, so the order is the same
 * without it: this gives each result the rest of the formula, in the same arithmetic, from the text, and the rows
 * and tokens of the whole index from its own record of them.
 *
 * <p>Queries of several phrases keep FTS5's own rank, where the rarities weigh the phrases against each other.
 */
final class Bm25 {

    /** The column weights of the index's rank ({@code bm25(4.0, 1.0)} in V016__search_index.sql). */
    static final double TITLE = 4.0;
    static final double BODY = 1.0;
    private static final double K1 = 1.2;
    private static final double B = 0.75;

    private final SearchQuery.Phrase phrase;
    private final boolean grams;
    private final double averageLength;

    private Bm25(SearchQuery.Phrase phrase, boolean grams, double averageLength) {
        this.phrase = phrase;
        this.grams = grams;
        this.averageLength = averageLength;
    }

    /**
     * The ranking the search uses for the query: for one phrase of the trigram index, or one character of the pair
     * index (a prefix, which FTS5 counts over every pair it begins), where FTS5's count is the costly part; null
     * otherwise. A pair phrase (「担当」) is one token whose rows FTS5 counts cheaply: its rank was measured as
     * fast as this one, and stays FTS5's.
     */
    static Bm25 of(Connection c, SearchQuery query) throws SQLException {
        if (query.phrases().size() == 1 && query.grams() && !query.phrases().get(0).prefix()) {
            return null;
        }
        return forPhrase(c, query);
    }

    /** The ranking of the query's one phrase, with the index's average row length read now; null when not one. */
    static Bm25 forPhrase(Connection c, SearchQuery query) throws SQLException {
        if (query.phrases().size() != 1) {
            return null;
        }
        String table = (query.grams() ? "search_gram" : "search_fts") + "_data";
        // FTS5's "averages" record (row 1 of the index's data): the rows, then each column's tokens, as varints
        byte[] record = Sql.queryOne(c, "SELECT block FROM " + table + " WHERE id = 1", rs -> rs.getBytes(1))
                .orElse(null);
        if (record == null || record.length == 0) {
            return null;
        }
        int[] at = {0};
        long rows = varint(record, at);
        long tokens = 0;
        for (int col = 0; col < 2 && at[0] < record.length; col++) {
            tokens += varint(record, at);
        }
        if (rows <= 0) {
            return null;
        }
        return new Bm25(query.phrases().get(0), query.grams(), (double) tokens / (double) rows);
    }

    /**
     * The score of one row from its title and body as stored (folded here as they were when indexed); higher is
     * better. FTS5's rank is minus this times the phrase's IDF.
     */
    double score(String title, String body) {
        String t = SearchIndex.fold(title);
        String b = SearchIndex.fold(body);
        double freq = TITLE * instances(t) + BODY * instances(b);
        double d = size(t) + size(b);
        // as fts5Bm25Function writes it, so that equal rows score equal and the order is FTS5's
        return (freq * (K1 + 1.0)) / (freq + K1 * (1 - B + B * d / averageLength));
    }

    /**
     * The tokens the index made of one column: a trigram for each character but the last two; or a pair (or a
     * character alone) for each letter and digit ({@link SearchIndex#grams}).
     */
    private int size(String folded) {
        if (!grams) {
            return Math.max(0, folded.codePointCount(0, folded.length()) - 2);
        }
        int n = 0;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                n++;
            }
            i += Character.charCount(cp);
        }
        return n;
    }

    /**
     * How often the phrase occurs in one column, as FTS5 counts its instances (overlapping ones too): wherever its
     * text occurs. In the pair index too: a run of letters is found where its pairs follow one another, which is
     * where the run stands in the text; a single character is the prefix of the pair (or lone character) it begins.
     */
    private int instances(String folded) {
        String text = phrase.text();
        int n = 0;
        for (int i = folded.indexOf(text); i >= 0; i = folded.indexOf(text, i + 1)) {
            n++;
        }
        return n;
    }

    /** An SQLite varint: 7 bits a byte, high bit set while more follow; a ninth byte holds 8 bits. */
    private static long varint(byte[] b, int[] at) {
        long v = 0;
        for (int i = 0; i < 8 && at[0] < b.length; i++) {
            int x = b[at[0]++] & 0xff;
            v = (v << 7) | (x & 0x7f);
            if ((x & 0x80) == 0) {
                return v;
            }
        }
        return at[0] < b.length ? (v << 8) | (b[at[0]++] & 0xff) : v;
    }
}
