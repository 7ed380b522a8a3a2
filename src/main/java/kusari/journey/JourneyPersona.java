package kusari.journey;

/** Whose journey a map shows: the persona's name, tagline and profile for the map's header. */
public record JourneyPersona(String slug, String label, String tagline, String profile) {
}
