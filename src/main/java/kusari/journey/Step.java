package kusari.journey;

/** One step of a journey with the emotion there (text and a score −2…+2) and its pain point. */
public record Step(long id, int position, String title, String emotionText, int emotionScore, String painPoint) {

    /** 困った: a step where the chain of good experiences breaks. */
    public boolean troubled() {
        return emotionScore < 0;
    }

    /** うれしい */
    public boolean glad() {
        return emotionScore > 0;
    }
}
