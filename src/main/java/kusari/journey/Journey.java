package kusari.journey;

/** A persona's journey: its steps in order make the experience chain. */
public record Journey(long id, String slug, String title, long personaId, String personaSlug, String personaLabel) {
}
