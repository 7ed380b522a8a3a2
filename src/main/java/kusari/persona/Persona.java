package kusari.persona;

import java.util.List;

/** A target persona (Aさん…): who the strategy plans for, with the policy field the persona belongs to. */
public record Persona(long id, String slug, String label, int position, String tagline, String profile, String story,
                      String policyFieldCode, String policyFieldTitle, List<String> attributes) {

    /** The story's paragraphs (stored separated by blank lines). */
    public List<String> storyParagraphs() {
        return story.isBlank() ? List.of() : List.of(story.split("\n\n"));
    }
}
