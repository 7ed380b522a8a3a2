package kusari.actor;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The name history of every actor of a workspace: which name an actor carries in a fiscal year, and which actors
 * a search text finds among all their names, old and new.
 */
public final class ActorNames {

    private final Map<Long, List<ActorName>> byActor;

    /** {@code byActor}: each actor's names, oldest first. */
    public ActorNames(Map<Long, List<ActorName>> byActor) {
        this.byActor = byActor;
    }

    public List<ActorName> of(long actorId) {
        return byActor.getOrDefault(actorId, List.of());
    }

    /**
     * The name in force in {@code fiscalYear}; the newest name when no year is chosen. A year before the first
     * entry gets the first name: the actor's history starts where the plan starts.
     */
    public String in(long actorId, Integer fiscalYear, String fallback) {
        List<ActorName> names = of(actorId);
        if (names.isEmpty()) {
            return fallback;
        }
        if (fiscalYear == null) {
            return names.get(names.size() - 1).name();
        }
        String found = names.get(0).name();
        for (ActorName n : names) {
            if (n.fromFiscalYear() <= fiscalYear) {
                found = n.name();
            }
        }
        return found;
    }

    /** Names other than {@code shown} that the actor has had or will have, oldest first. */
    public List<ActorName> others(long actorId, String shown) {
        List<ActorName> result = new ArrayList<>();
        for (ActorName n : of(actorId)) {
            if (!n.name().equals(shown)) {
                result.add(n);
            }
        }
        return result;
    }

    /** The names of an actor that contain the search text (width, case and spacing folded); empty when none do. */
    public List<ActorName> matching(long actorId, String query) {
        String q = fold(query);
        List<ActorName> result = new ArrayList<>();
        if (q.isEmpty()) {
            return result;
        }
        for (ActorName n : of(actorId)) {
            if (fold(n.name()).contains(q)) {
                result.add(n);
            }
        }
        return result;
    }

    /** Full-width and half-width letters, upper and lower case and spaces do not matter to a search. */
    static String fold(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", "");
    }

    /** Every fiscal year in which some actor's name took effect. */
    public java.util.Set<Integer> allYears() {
        java.util.Set<Integer> years = new java.util.TreeSet<>();
        byActor.values().forEach(list -> list.forEach(n -> years.add(n.fromFiscalYear())));
        return years;
    }

    /** The last fiscal year a name was in force (the year before the next name), or null for the newest name. */
    public Integer untilYear(long actorId, ActorName name) {
        for (ActorName n : of(actorId)) {
            if (n.fromFiscalYear() > name.fromFiscalYear()) {
                return n.fromFiscalYear() - 1;
            }
        }
        return null;
    }
}
