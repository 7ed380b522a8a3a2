package kusari.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of results, best first, and how many there are in all ({@code capped}: at least that many; see
 * {@link SearchService#CAP}).
 */
public record SearchResults(List<SearchHit> hits, int total, boolean capped, int offset, int limit) {

    static final SearchResults NONE = new SearchResults(List.of(), 0, false, 0, 0);

    /** The same results by kind, each group in rank order, the groups in the order of their best result. */
    public List<Group> groups() {
        Map<String, List<SearchHit>> byKind = new LinkedHashMap<>();
        hits.forEach(h -> byKind.computeIfAbsent(h.kind(), k -> new ArrayList<>()).add(h));
        return byKind.entrySet().stream().map(e -> new Group(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    public boolean more() {
        return offset + hits.size() < total;
    }

    /** The results of one kind. */
    public record Group(String kind, List<SearchHit> hits) {
    }
}
