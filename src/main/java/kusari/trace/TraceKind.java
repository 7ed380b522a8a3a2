package kusari.trace;

import java.util.Arrays;
import java.util.Optional;

/** What a trace can start from, by the slug used in its URL (/trace/{kind}/{id}). */
public enum TraceKind {
    STEP("step"), CHALLENGE("challenge"), PROJECT("project"), MEASURE("measure"), POLICY_FIELD("policy-field"),
    INDICATOR("indicator");

    private final String slug;

    TraceKind(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static Optional<TraceKind> fromSlug(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
    }
}
