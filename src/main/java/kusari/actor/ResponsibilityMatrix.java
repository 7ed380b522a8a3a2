package kusari.actor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kusari.actor.Acting.ActorRow;
import kusari.actor.Acting.StepRow;

/**
 * Actors × personas: at how many steps of each persona's journeys each actor acts. Rows can be limited to
 * government or partners, columns to one policy field's personas; names are those of the chosen fiscal year.
 */
public record ResponsibilityMatrix(List<Column> columns, List<Row> rows, int max, Filter filter) {

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

    public static ResponsibilityMatrix of(Acting acting, Filter filter) {
        List<Column> columns = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (StepRow s : acting.steps()) {
            if ((filter.field() == null || filter.field().equals(s.policyFieldCode())) && seen.add(s.personaSlug())) {
                columns.add(new Column(s.personaSlug(), s.personaLabel(), s.policyFieldCode()));
            }
        }
        List<Row> rows = new ArrayList<>();
        int max = 0;
        for (ActorRow a : acting.actors()) {
            if (filter.kind() != null && filter.kind() != a.actor().kind()) {
                continue;
            }
            java.util.Map<String, Integer> byPersona = new java.util.HashMap<>();
            for (StepRow s : acting.stepsOf(a.actor().id())) {
                byPersona.merge(s.personaSlug(), 1, Integer::sum);
            }
            List<Integer> counts = new ArrayList<>();
            int total = 0;
            for (Column col : columns) {
                int n = byPersona.getOrDefault(col.personaSlug(), 0);
                counts.add(n);
                total += n;
                max = Math.max(max, n);
            }
            rows.add(new Row(acting.actorIn(a.actor().id(), filter.fiscalYear()), a.position(), List.copyOf(counts), total));
        }
        rows.sort(order(filter.sortOrDefault(), columns));
        return new ResponsibilityMatrix(List.copyOf(columns), List.copyOf(rows), max, filter);
    }

    private static Comparator<Row> order(String sort, List<Column> columns) {
        Comparator<Row> byDirectory = Comparator.comparing((Row r) -> r.actor().government() ? 0 : 1)
                .thenComparingInt(Row::position);
        if (Filter.SORT_TOTAL.equals(sort)) {
            return Comparator.comparingInt(Row::total).reversed().thenComparing(byDirectory);
        }
        if (sort.startsWith(Filter.SORT_PERSONA)) {
            String slug = sort.substring(Filter.SORT_PERSONA.length());
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).personaSlug().equals(slug)) {
                    int at = i;
                    return Comparator.comparingInt((Row r) -> r.counts().get(at)).reversed().thenComparing(byDirectory);
                }
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

    public int columnTotal(int column) {
        return rows.stream().mapToInt(r -> r.counts().get(column)).sum();
    }
}
