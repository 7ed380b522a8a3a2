package kusari.search;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import kusari.change.Findable;
import kusari.change.Kind;
import kusari.change.Kinds;
import kusari.change.SearchIndex;
import kusari.core.Workspace;
import kusari.db.Database;
import kusari.db.Sql;

/**
 * Searches one workspace: ranks the index rows that hold every word (bm25, a title match weighing four times a
 * match in the other text), then for the page shown only reads each result's key, page and place.
 */
public final class SearchService {

    /** The most results one page or one API answer holds. */
    public static final int MAX_LIMIT = 100;

    /**
     * The most matches counted and ranked. A query matching more (「目」 in 100,000 steps) says so and is ranked
     * among the first this many; a person narrows it with another word.
     */
    public static final int CAP = 1000;

    private final Database database;
    private final Kinds kinds;

    public SearchService(Database database, Kinds kinds) {
        this.database = database;
        this.kinds = kinds;
    }

    /** Results {@code offset}… of {@code text} (at most {@code limit}); none for an empty query. */
    public SearchResults search(Workspace ws, String text, int offset, int limit) {
        SearchQuery query = SearchQuery.parse(text);
        if (query == null) {
            return SearchResults.NONE;
        }
        String index = query.grams() ? "search_gram" : "search_fts";
        return database.read(c -> {
            // One pass over the index: the matches in index order, at most CAP + 1, each with its bm25 rank. The
            // index streams them, so a vague query (one common character) costs no more than a precise one, and the
            // phrase matching (the costly part for a common word) is done once. Beyond CAP the ranking is among the
            // first CAP. A query of one word of three characters or more, or of one character, is ranked by the
            // same bm25 worked out here (Bm25.of), which spares FTS5's count of it over the whole index; others keep
            // FTS5's rank.
            record Row(long id, String kind, long ref, String title, String body) {
            }
            record Match(long id, double rank) {
            }
            Bm25 own = Bm25.of(c, query);
            List<Row> rows;
            int total;
            boolean capped;
            if (own != null) {
                // One phrase: the matches with their text (read with the workspace's check, so at no extra cost),
                // ranked here by bm25 without FTS5's count of the phrase over the whole index (see Bm25).
                List<Row> first = Sql.query(c, "SELECT f.rowid, d.kind, d.ref, d.title, d.body FROM " + index
                        + " f JOIN search_doc d ON d.id = f.rowid WHERE " + index + " MATCH ? AND d.workspace_id = ?"
                        + " LIMIT ?", rs -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5)), query.match(), ws.id(), CAP + 1);
                capped = first.size() > CAP;
                List<Row> kept = first.subList(0, Math.min(first.size(), CAP));
                double[] score = new double[kept.size()];
                Integer[] order = new Integer[kept.size()];
                for (int i = 0; i < kept.size(); i++) {
                    score[i] = own.score(kept.get(i).title(), kept.get(i).body());
                    order[i] = i;
                }
                java.util.Arrays.sort(order, (x, y) -> score[x] != score[y] ? Double.compare(score[y], score[x])
                        : Long.compare(kept.get(x).id(), kept.get(y).id()));
                total = kept.size();
                rows = new ArrayList<>();
                for (int i = Math.min(offset, total); i < Math.min(total, offset + limit); i++) {
                    rows.add(kept.get(order[i]));
                }
            } else {
                List<Match> first = Sql.query(c, "SELECT f.rowid, f.rank FROM " + index + " f JOIN search_doc d"
                        + " ON d.id = f.rowid WHERE " + index + " MATCH ? AND d.workspace_id = ? LIMIT ?",
                        rs -> new Match(rs.getLong(1), rs.getDouble(2)), query.match(), ws.id(), CAP + 1);
                capped = first.size() > CAP;
                List<Match> ranked = new ArrayList<>(first.subList(0, Math.min(first.size(), CAP)));
                ranked.sort(java.util.Comparator.comparingDouble(Match::rank).thenComparingLong(Match::id));
                // Only the page shown is read from the documents, by primary key.
                rows = new ArrayList<>();
                for (Match m : ranked.subList(Math.min(offset, ranked.size()),
                        Math.min(ranked.size(), offset + limit))) {
                    Sql.queryOne(c, "SELECT id, kind, ref, title, body FROM search_doc WHERE id = ?",
                            rs -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                                    rs.getString(5)), m.id()).ifPresent(rows::add);
                }
                total = ranked.size();
            }
            if (total == 0) {
                return new SearchResults(List.of(), 0, false, offset, limit);
            }
            List<SearchHit> hits = new ArrayList<>();
            for (Row r : rows) {
                Kind kind = kinds.byName(r.kind()).orElse(null);
                Findable findable = SearchIndex.declared().get(r.kind());
                if (kind == null && findable != null && findable.viewer() != null) {
                    // a kind with its own page (a workshop's card): keyed by its id
                    hits.add(new SearchHit(r.kind(), String.valueOf(r.ref()), Marked.of(r.title(), query.terms()),
                            Marked.snippet(r.body(), query.terms()), place(c, findable, r.ref()),
                            findable.viewer().url(c, ws.slug(), r.ref())));
                    continue;
                }
                if (kind == null) {
                    continue;
                }
                hits.add(new SearchHit(r.kind(), key(c, kind, r.ref()), Marked.of(r.title(), query.terms()),
                        Marked.snippet(r.body(), query.terms()), place(c, findable, r.ref()),
                        kind.viewer().url(c, ws.slug(), r.ref())));
            }
            return new SearchResults(hits, total, capped, offset, limit);
        });
    }

    private static String key(Connection c, Kind kind, long id) throws SQLException {
        return Sql.queryOne(c, "SELECT " + kind.keyColumn() + " FROM " + kind.table() + " WHERE id = ?",
                rs -> rs.getString(1), id).orElse(String.valueOf(id));
    }

    private static String place(Connection c, Findable f, long id) throws SQLException {
        if (f == null || f.placeSql() == null) {
            return null;
        }
        return Sql.queryOne(c, f.placeSql(), rs -> rs.getString(1), id).orElse(null);
    }
}
