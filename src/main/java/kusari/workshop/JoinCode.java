package kusari.workshop;

import java.security.SecureRandom;

/**
 * The short code read off the projector and typed on a phone: six characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, 6/G, U/V), so that a code read across a hall is typed right.
 */
final class JoinCode {

    static final String ALPHABET = "ACDEFHJKMNPQRTWXY3479";
    static final int LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private JoinCode() {
    }

    static String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as typed: upper case, without spaces or hyphens; null when it cannot be a code. */
    static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.strip().replace("-", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (code.length() != LENGTH) {
            return null;
        }
        for (char c : code.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return null;
            }
        }
        return code;
    }
}
