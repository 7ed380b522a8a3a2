package kusari.indicator;

/**
 * How far an indicator got in a fiscal year, computed two ways, as strategies' reviews do:
 * <ul>
 * <li><b>against the target</b> (達成率): the actual over the target; for a decrease-type indicator the target over
 *     the actual (less is better). Only defined for values of one sign: with a zero or negative target (or a
 *     negative actual) a ratio says nothing, so it is left empty and the progress is used;</li>
 * <li><b>progress</b> (進捗率): the share of the way from the baseline to the target that was covered,
 *     {@code (actual − baseline) / (target − baseline)}; negative when the indicator moved the wrong way, over 100
 *     beyond the target. Defined for any signs, e.g. a net migration from −500 towards −200.</li>
 * </ul>
 * A target equal to the baseline (keep the level) has no way to cover: progress is then 100 when the actual is
 * at least as good as the target in the indicator's direction, else 0. A maintain-type indicator is met when the
 * actual does not fall below the target; a reach-type one when the actual has got to the target (from the
 * baseline's side), and its achievement against the target is then 100, otherwise the ratio as for an increase.
 *
 * @param againstTarget achievement against the target in percent, or null when not defined
 * @param progress      progress from baseline to target in percent, or null without baseline
 * @param met           whether the actual is at least as good as the target
 */
public record Achievement(Double againstTarget, Double progress, boolean met) {

    private static final double EPSILON = 1e-9;

    /** The achievement of {@code actual}; null when there is no actual or no target to compare with. */
    public static Achievement of(Direction direction, Double baseline, Double target, Double actual) {
        if (actual == null || target == null) {
            return null;
        }
        boolean decrease = direction == Direction.DECREASE;
        boolean met = metTarget(direction, baseline, target, actual);
        Double ratio = decrease ? decreaseRatio(target, actual) : increaseRatio(target, actual);
        if (direction == Direction.REACH) {
            ratio = met ? Double.valueOf(100.0) : reachRatio(baseline, target, actual);
        }
        Double progress = null;
        if (baseline != null) {
            double span = target - baseline;
            if (Math.abs(span) < EPSILON) {
                progress = met ? 100.0 : 0.0;
            } else {
                progress = (actual - baseline) / span * 100.0;
            }
        }
        return new Achievement(round(ratio), round(progress), met);
    }

    /** The percent a grade follows: the chosen basis, or the other one when the chosen one is not defined. */
    public Double percentFor(ReviewBasis basis) {
        Double first = basis == ReviewBasis.PROGRESS ? progress : againstTarget;
        Double second = basis == ReviewBasis.PROGRESS ? againstTarget : progress;
        return first != null ? first : second;
    }

    private static boolean metTarget(Direction direction, Double baseline, double target, double actual) {
        return switch (direction == null ? Direction.INCREASE : direction) {
            case DECREASE -> actual <= target + EPSILON;
            case REACH -> baseline != null && baseline > target ? actual <= target + EPSILON
                    : actual >= target - EPSILON;
            case INCREASE, MAINTAIN -> actual >= target - EPSILON;
        };
    }

    private static Double increaseRatio(double target, double actual) {
        if (target <= 0 || actual < 0) {
            return null;
        }
        return actual / target * 100.0;
    }

    private static Double decreaseRatio(double target, double actual) {
        if (target < 0 || actual < 0) {
            return null;
        }
        if (Math.abs(target) < EPSILON) {
            // 待機児童ゼロ: a zero target over any actual is 0 % however close the count came, which says nothing;
            // only the count itself at zero is exactly on target. Otherwise the grade follows progress.
            return Math.abs(actual) < EPSILON ? Double.valueOf(100.0) : null;
        }
        if (actual == 0) {
            // Nothing left (e.g. zero accidents) below a positive target: met, but a ratio over zero is no number.
            return null;
        }
        return target / actual * 100.0;
    }

    /** Not yet reached: how close, as for an increase, or a decrease when the target lies below the baseline. */
    private static Double reachRatio(Double baseline, double target, double actual) {
        return baseline != null && baseline > target ? decreaseRatio(target, actual) : increaseRatio(target, actual);
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 10.0) / 10.0;
    }

    /** 100, 87.5, −20: a number without needless decimals. */
    public static String formatNumber(Double value) {
        if (value == null) {
            return "";
        }
        return kusari.web.Exports.plain(value);
    }

    /**
     * A number as pages show it: thousands separated (358,232; 279,072), decimals as entered (1.50 stays 1.5, the
     * stored value), no needless ".0". Exports and the grid's comparisons keep {@link #formatNumber}'s plain form.
     */
    /** The signs a workspace may write negatives with: −500, △500, ▲500. */
    public static final String[] NEGATIVE_SIGNS = {"MINUS", "WHITE_TRIANGLE", "BLACK_TRIANGLE"};

    /** {@link #formatShown(Double)} with negatives written △500 or ▲500 when the workspace chooses so. */
    public static String formatShown(Double value, String negativeSign) {
        String shown = formatShown(value);
        if (value == null || value >= 0 || negativeSign == null || !shown.startsWith("-")) {
            return shown;
        }
        return switch (negativeSign) {
            case "WHITE_TRIANGLE" -> "△" + shown.substring(1);
            case "BLACK_TRIANGLE" -> "▲" + shown.substring(1);
            default -> shown;
        };
    }

    public static String formatShown(Double value) {
        if (value == null) {
            return "";
        }
        java.math.BigDecimal number = java.math.BigDecimal.valueOf(value).stripTrailingZeros();
        if (number.scale() < 0) {
            number = number.setScale(0);
        }
        java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        format.setMinimumFractionDigits(number.scale());
        format.setMaximumFractionDigits(number.scale());
        return format.format(number);
    }
}
