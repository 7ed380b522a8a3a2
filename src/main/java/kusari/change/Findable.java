package kusari.change;

import java.util.Objects;

/**
 * One kind of thing the search finds, declared once (see {@code kusari.search.SearchKinds}): the edit kind it
 * belongs to (whose key column and viewer give each result its key and its link), and one query giving, per row,
 * {@code id}, {@code workspace_id}, {@code title} and {@code body} (the other text it is found by, e.g. a step's
 * emotion and pain point). {@code placeSql}, when given, names where a found row sits (the persona and journey of
 * a step) from its id; it is read only for the results shown, so it is never stale.
 *
 * <p>The query must keep {@code id} and {@code workspace_id} as plain columns: the index filters it by either.
 */
public record Findable(String kind, String rowsSql, String placeSql, Kind.Viewer viewer) {

    public Findable {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rowsSql, "rowsSql of " + kind);
    }

    public Findable(String kind, String rowsSql, String placeSql) {
        this(kind, rowsSql, placeSql, null);
    }

    public static Findable of(String kind, String rowsSql) {
        return new Findable(kind, rowsSql, null);
    }

    /** The same, with a query of one string naming where the row with the given id sits. */
    public Findable place(String sql) {
        return new Findable(kind, rowsSql, sql, viewer);
    }

    /**
     * The same, shown by its own page: for a kind that is not edited through the edit declarations (a workshop's
     * card, written by the room), whose result is keyed by its id and links where {@code viewer} says.
     */
    public Findable shownAt(Kind.Viewer viewer) {
        return new Findable(kind, rowsSql, placeSql, viewer);
    }
}
