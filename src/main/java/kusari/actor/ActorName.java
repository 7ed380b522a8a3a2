package kusari.actor;

/** One name of an actor and the fiscal year (1 April) from which it is used. */
public record ActorName(int fromFiscalYear, String name) {
}
