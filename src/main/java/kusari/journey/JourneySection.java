package kusari.journey;

import java.util.List;

/** A journey map with the transcriber's readings of it, as shown on persona and journey pages. */
public record JourneySection(JourneyMap map, List<String> readings) {
}
