package kusari.change;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every kind of entity and link that people edit, by name and by API collection. */
public final class Kinds {

    private final Map<String, Kind> byName = new LinkedHashMap<>();
    private final Map<String, LinkKind> links = new LinkedHashMap<>();

    public Kinds(List<Kind> kinds, List<LinkKind> linkKinds) {
        kinds.forEach(k -> byName.put(k.name(), k));
        linkKinds.forEach(l -> links.put(l.name(), l));
    }

    public Optional<Kind> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Optional<Kind> byCollection(String collection) {
        return byName.values().stream().filter(k -> k.collection().equals(collection)).findFirst();
    }

    public Optional<LinkKind> link(String name) {
        return Optional.ofNullable(links.get(name));
    }

    public Optional<LinkKind> linkByCollection(String collection) {
        return links.values().stream().filter(l -> l.collection().equals(collection)).findFirst();
    }

    public List<Kind> all() {
        return List.copyOf(byName.values());
    }

    public List<LinkKind> allLinks() {
        return List.copyOf(links.values());
    }
}
