package kusari.search;

/**
 * One thing found: its kind (an edit kind's name, e.g. {@code step}), the key its address uses (slug, code,
 * number or id), its title and a window of its other text with the matches marked, where it sits (a step's
 * persona and journey; may be null) and its page.
 */
public record SearchHit(String kind, String key, Marked title, Marked snippet, String place, String href) {
}
