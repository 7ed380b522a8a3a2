package kusari.actor;

import kusari.core.Paging;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kusari.actor.Acting.ActorRow;

/**
 * Actors × personas: at how many steps of each persona's journeys each actor acts. Rows can be limited to
 * government or partners, columns to one policy field's personas; names are those of the chosen fiscal year.
 * A large workspace has more actors and personas than one page can hold: the page shows one page of actors
 * ({@code page}) and one page of persona columns ({@code columnPage}), and says so; heat, totals and sorting are
 * those of the whole (filtered) matrix, so a page reads the same as that part of the whole.
 */
public record ResponsibilityMatrix(List<Column> columns, List<Row> rows, int max, Filter filter, Paging actorPaging,
                                   Paging personaPaging, List<Integer> columnTotals) {

    /** Actor rows on one page: a department reads its own line among a hundred. */
    public static final int ACTORS_PER_PAGE = 100;
    /** Persona columns on one page: about what a wide screen or an A3 print shows side by side. */
    public static final int PERSONAS_PER_PAGE = 40;

    /** A persona column. */
    public record Column(String personaSlug, String personaLabel, String policyFieldCode) {
    }

    /** An actor's row: step counts per column, in column order, and their total. */
    public record Row(Actor actor, int position, List<Integer> counts, int total) {
    }

    /**
     * @param kind  GOVERNMENT, PARTNER or null for both
     * @param field a policy field code, or null for all
     * @param sort  {@code name} (the directory's order), {@code total}, or {@code persona:<slug>} (most steps first)
     */
    public record Filter(ActorKind kind, String field, Integer fiscalYear, String sort) {
        public static final String SORT_NAME = "name";
        public static final String SORT_TOTAL = "total";
        public static final String SORT_PERSONA = "persona:";

        public String sortOrDefault() {
            return sort == null || sort.isBlank() ? SORT_NAME : sort;
        }
    }

    /** An actor's line of the whole matrix: its step counts by persona slug and their total over the columns. */
    public record Line(Actor actor, int position, Map<String, Integer> bySlug, int total) {
        public int count(String slug) {
            return bySlug.getOrDefault(slug, 0);
        }
    }

    /** The whole matrix of a filter, before paging: what the exports write and the pages are cut from. */
    public record Whole(List<Column> columns, List<Line> lines, int max, Filter filter) {

        /** One page of actors and one page of persona columns; a page beyond the last is refused. */
        public ResponsibilityMatrix page(int actorPage, int personaPage) {
            Paging actorPaging = Paging.of("page", actorPage, ACTORS_PER_PAGE, lines.size());
            Paging personaPaging = Paging.of("columnPage", personaPage, PERSONAS_PER_PAGE, columns.size());
            List<Column> shown = List.copyOf(personaPaging.slice(columns));
            List<Row> rows = new ArrayList<>();
            for (Line l : actorPaging.slice(lines)) {
                rows.add(new Row(l.actor(), l.position(), shown.stream().map(c -> l.count(c.personaSlug())).toList(),
                        l.total()));
            }
            List<Integer> totals = new ArrayList<>();
            for (Column c : shown) {
                totals.add(lines.stream().mapToInt(l -> l.count(c.personaSlug())).sum());
            }
            return new ResponsibilityMatrix(shown, List.copyOf(rows), max, filter, actorPaging, personaPaging,
                    List.copyOf(totals));
        }
    }

    /**
     * The whole matrix from what the repository counted: the workspace's actors and name history, its personas
     * that have steps (in persona order), and per actor the steps it acts at by persona slug.
     */
    public static Whole of(List<ActorRow> actors, ActorNames names, List<Column> personas,
                           Map<Long, Map<String, Integer>> stepsByActor, Filter filter) {
        List<Column> columns = personas.stream()
                .filter(c -> filter.field() == null || filter.field().equals(c.policyFieldCode())).toList();
        Set<String> slugs = new HashSet<>();
        columns.forEach(c -> slugs.add(c.personaSlug()));
        List<Line> lines = new ArrayList<>();
        int max = 0;
        for (ActorRow a : actors) {
            if (filter.kind() != null && filter.kind() != a.actor().kind()) {
                continue;
            }
            Map<String, Integer> bySlug = stepsByActor.getOrDefault(a.actor().id(), Map.of());
            int total = 0;
            for (Map.Entry<String, Integer> e : bySlug.entrySet()) {
                if (slugs.contains(e.getKey())) {
                    total += e.getValue();
                    max = Math.max(max, e.getValue());
                }
            }
            long id = a.actor().id();
            lines.add(new Line(new Actor(id, names.in(id, filter.fiscalYear(), a.actor().name()), a.actor().kind()),
                    a.position(), bySlug, total));
        }
        lines.sort(order(filter.sortOrDefault(), slugs));
        return new Whole(List.copyOf(columns), List.copyOf(lines), max, filter);
    }

    private static Comparator<Line> order(String sort, Set<String> slugs) {
        Comparator<Line> byDirectory = Comparator.comparing((Line r) -> r.actor().government() ? 0 : 1)
                .thenComparingInt(Line::position);
        if (Filter.SORT_TOTAL.equals(sort)) {
            return Comparator.comparingInt(Line::total).reversed().thenComparing(byDirectory);
        }
        if (sort.startsWith(Filter.SORT_PERSONA)) {
            String slug = sort.substring(Filter.SORT_PERSONA.length());
            if (slugs.contains(slug)) {
                return Comparator.comparingInt((Line r) -> r.count(slug)).reversed().thenComparing(byDirectory);
            }
        }
        return byDirectory;
    }

    /** Heat level 0–4 of a count: 0 only for none, 4 for the matrix's highest count (the number is always written too). */
    public int heat(int count) {
        if (count <= 0 || max <= 0) {
            return 0;
        }
        return Math.max(1, (int) Math.ceil(4.0 * count / max));
    }

    /** The column's total over every actor of the filter, not only this page's. */
    public int columnTotal(int column) {
        return columnTotals.get(column);
    }

    /** Shows only part of the matrix: the page tells which part and how to see the rest. */
    public boolean paged() {
        return actorPaging.paged() || personaPaging.paged();
    }
}
