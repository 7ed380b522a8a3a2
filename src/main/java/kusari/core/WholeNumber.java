package kusari.core;

/**
 * A whole-number request parameter (a page, a limit, an offset, an id in a filter): the one reading of such a value,
 * so that every page and every API answer refuses a bad one in the same words, naming the parameter and what was
 * given, and never quietly moves it into range.
 */
public final class WholeNumber {

    private WholeNumber() {
    }

    /** {@code raw} as a number between {@code min} and {@code max}, or {@code absent} when it is not given. */
    public static int parameter(String name, String raw, int min, int max, int absent) {
        if (raw == null || raw.isBlank()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(raw.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        if (max == Integer.MAX_VALUE) {
            throw ValidationException.of(name, "param.atLeast", name, min, raw.strip());
        }
        throw ValidationException.of(name, "param.between", name, min, max, raw.strip());
    }
}
