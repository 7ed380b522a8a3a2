package kusari.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kusari.core.FiscalYear;

/**
 * The small chart of an indicator's row, as SVG geometry computed on the server: the baseline, the values per
 * fiscal year (actuals filled, forecasts hollow) joined by a line, and the target as a dashed line ending in
 * a flag at its fiscal year. Years run left to right over the plan period (widened to the baseline's and the
 * target's years); values bottom to top.
 */
public record Sparkline(int width, int height, String line, List<Dot> dots, Double targetY, double targetX1,
                        double targetX2, String label) {

    public static final int WIDTH = 150;
    public static final int HEIGHT = 40;
    private static final double PAD = 5;

    /** One point: {@code kind} is baseline, actual or forecast (shape and fill differ, not only colour). */
    public record Dot(double x, double y, String kind, String title) {
    }

    public boolean empty() {
        return dots.isEmpty() && targetY == null;
    }

    public static Sparkline of(IndicatorRow row, int planFrom, int planTo, String label) {
        return of(row, planFrom, planTo, label, ReviewSettings.defaults());
    }

    /** The chart with its points' labels in the workspace's year style and number format (H31 / R1, △500). */
    public static Sparkline of(IndicatorRow row, int planFrom, int planTo, String label, ReviewSettings settings) {
        Indicator i = row.indicator();
        Integer baselineYear = i.baselineYear().isBlank() ? null
                : FiscalYear.parse(i.baselineYear().replaceAll("[（(].*$", "").replaceAll("年.*$", "年"))
                        .map(FiscalYear::year).orElse(null);
        int from = planFrom - 1;
        int to = planTo;
        if (baselineYear != null) {
            from = Math.min(from, baselineYear);
        }
        if (i.targetFiscalYear() != null) {
            to = Math.max(to, i.targetFiscalYear());
        }
        for (int y : row.values().keySet()) {
            from = Math.min(from, y);
            to = Math.max(to, y);
        }
        List<double[]> raw = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        if (i.baselineValue() != null) {
            raw.add(new double[] {baselineYear != null ? baselineYear : from, i.baselineValue()});
            kinds.add("baseline");
            titles.add(settings.number(i.baselineValue()));
        }
        for (YearValue v : row.values().values()) {
            if (v.value() != null) {
                raw.add(new double[] {v.fiscalYear(), v.value()});
                kinds.add(v.forecast() ? "forecast" : "actual");
                titles.add(settings.yearStyle().shortFormat(v.fiscalYear()) + " " + settings.number(v.value()));
            }
        }
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double[] p : raw) {
            min = Math.min(min, p[1]);
            max = Math.max(max, p[1]);
        }
        if (i.targetValue() != null) {
            min = Math.min(min, i.targetValue());
            max = Math.max(max, i.targetValue());
        }
        if (min == Double.MAX_VALUE) {
            return new Sparkline(WIDTH, HEIGHT, "", List.of(), null, 0, 0, label);
        }
        if (max - min < 1e-9) {
            max = min + 1;
            min = min - 1;
        }
        double span = Math.max(1, to - from);
        final double lo = min;
        final double hi = max;
        final int first = from;
        java.util.function.DoubleUnaryOperator x = year -> PAD + (year - first) / span * (WIDTH - 2 * PAD);
        java.util.function.DoubleUnaryOperator y = v -> HEIGHT - PAD - (v - lo) / (hi - lo) * (HEIGHT - 2 * PAD);
        List<Dot> dots = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int k = 0; k < raw.size(); k++) {
            double px = x.applyAsDouble(raw.get(k)[0]);
            double py = y.applyAsDouble(raw.get(k)[1]);
            dots.add(new Dot(round(px), round(py), kinds.get(k), titles.get(k)));
            line.append(line.length() == 0 ? "" : " ").append(fmt(px)).append(',').append(fmt(py));
        }
        Double targetY = i.targetValue() == null ? null : round(y.applyAsDouble(i.targetValue()));
        double targetX2 = i.targetFiscalYear() == null ? WIDTH - PAD : x.applyAsDouble(i.targetFiscalYear());
        return new Sparkline(WIDTH, HEIGHT, line.toString(), List.copyOf(dots), targetY, PAD, round(targetX2), label);
    }

    public String viewBox() {
        return "0 0 " + width + " " + height;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
