package kusari.strategy;

/** A funded project (事業) under a framework node. */
public record Project(long id, long nodeId, String code, String name, String description, boolean experienceChain) {
}
