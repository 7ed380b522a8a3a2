package kusari.indicator;

import java.util.ArrayList;
import java.util.List;

/**
 * A workspace's evaluation scale: grades from best to worst, each with the lowest achievement (percent) it
 * needs; the last grade takes everything below. Written as planners write it: {@code A:100, B:80, C:50, D}
 * (A–D with thresholds), {@code S:120, A:100, B:70, C}, or the national four steps with their own words.
 */
public record GradeScale(List<Step> steps) {

    /** One grade and the lowest percent that earns it (null for the last, which takes the rest). */
    public record Step(String grade, Double minPercent) {
    }

    public static final String DEFAULT = "A:100, B:80, C:50, D";

    public static GradeScale defaults() {
        return parse(DEFAULT);
    }

    /** Reads a scale; throws IllegalArgumentException with the reason when it cannot be one. */
    public static GradeScale parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty scale");
        }
        String normalized = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
        String[] parts = normalized.split("\\s*[,、\\n/]\\s*");
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.isEmpty()) {
                continue;
            }
            int colon = part.lastIndexOf(':');
            if (colon < 0) {
                steps.add(new Step(part, null));
                continue;
            }
            String grade = part.substring(0, colon).strip();
            String number = part.substring(colon + 1).replace("%", "").strip();
            if (grade.isEmpty()) {
                throw new IllegalArgumentException("a grade without a name: " + part);
            }
            try {
                steps.add(new Step(grade, Double.parseDouble(number)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a percent: " + part);
            }
        }
        if (steps.size() < 2) {
            throw new IllegalArgumentException("a scale needs at least two grades");
        }
        for (int i = 0; i < steps.size(); i++) {
            boolean last = i == steps.size() - 1;
            if (last != (steps.get(i).minPercent() == null)) {
                throw new IllegalArgumentException("only the last grade goes without a threshold");
            }
            if (i > 0 && !last && steps.get(i).minPercent() >= steps.get(i - 1).minPercent()) {
                throw new IllegalArgumentException("thresholds must fall from the first grade to the last");
            }
        }
        if (steps.stream().map(Step::grade).distinct().count() != steps.size()) {
            throw new IllegalArgumentException("a grade named twice");
        }
        return new GradeScale(List.copyOf(steps));
    }

    /** The grade for an achievement in percent; null when there is no achievement to grade. */
    public String grade(Double percent) {
        if (percent == null) {
            return null;
        }
        for (Step step : steps) {
            if (step.minPercent() == null || percent >= step.minPercent()) {
                return step.grade();
            }
        }
        throw new IllegalStateException("the last step takes everything");
    }

    public List<String> grades() {
        return steps.stream().map(Step::grade).toList();
    }

    /** The position of a grade from the best (0), for styling; -1 for an unknown grade. */
    public int rank(String grade) {
        return grades().indexOf(grade);
    }

    /** The scale as written, normalised: {@code A:100, B:80, C:50, D}. */
    public String text() {
        List<String> parts = new ArrayList<>();
        for (Step s : steps) {
            parts.add(s.minPercent() == null ? s.grade() : s.grade() + ":" + Achievement.formatNumber(s.minPercent()));
        }
        return String.join(", ", parts);
    }
}
