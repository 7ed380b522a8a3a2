package kusari.actor;

/** Who acts at a step: a government department (GOVERNMENT, ■行政) or a partner outside government (PARTNER). */
public record Actor(long id, String name, ActorKind kind) {

    public boolean government() {
        return kind == ActorKind.GOVERNMENT;
    }
}
