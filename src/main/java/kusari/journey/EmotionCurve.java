package kusari.journey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The emotion curve of a journey as SVG geometry, computed on the server: one point per step, centred in the
 * step's column, higher for うれしい (+2) and lower for 困った (−2). Each step is {@link #STEP_WIDTH} units wide,
 * so the SVG, stretched across the step columns, puts every point under its step.
 */
public record EmotionCurve(int width, int height, double zeroY, double topY, double bottomY, String polyline,
                           List<Point> points) {

    static final int STEP_WIDTH = 100;
    static final int HEIGHT = 64;
    private static final double MARGIN = 8;

    /** One step's point; {@code mood} is troubled, neutral or glad (used for colour and shape). */
    public record Point(double x, double y, int score, String mood, String label) {
    }

    public static EmotionCurve of(List<Step> steps) {
        double unit = (HEIGHT - 2 * MARGIN) / 4.0;
        double zero = HEIGHT / 2.0;
        List<Point> points = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            double x = STEP_WIDTH * i + STEP_WIDTH / 2.0;
            double y = zero - s.emotionScore() * unit;
            String mood = s.troubled() ? "troubled" : s.glad() ? "glad" : "neutral";
            points.add(new Point(x, y, s.emotionScore(), mood, s.position() + ". " + s.title() + " (" + signed(s.emotionScore()) + ")"));
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(fmt(x)).append(',').append(fmt(y));
        }
        return new EmotionCurve(STEP_WIDTH * Math.max(1, steps.size()), HEIGHT, zero, MARGIN, HEIGHT - MARGIN,
                line.toString(), List.copyOf(points));
    }

    /** The SVG viewBox attribute value. */
    public String viewBox() {
        return "0 0 " + width + " " + height;
    }

    static String signed(int score) {
        return score > 0 ? "+" + score : String.valueOf(score);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
