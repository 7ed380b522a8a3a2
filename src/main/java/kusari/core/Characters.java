package kusari.core;

/**
 * What may be stored as text: everything a person can type, but no control characters (NUL, BEL, ESC, DEL…,
 * other than tab and line breaks) and no half of a surrogate pair, which SQLite would store as "?" — a silent
 * loss. The JSON reader and the form reading both ask here, so they refuse the same things.
 */
public final class Characters {

    private Characters() {
    }

    /** The message key of what is wrong with {@code text}, or null when it may be stored. */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "validation.loneSurrogate";
            }
            if (Character.isLowSurrogate(c)) {
                return "validation.loneSurrogate";
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
                return "validation.controlChar";
            }
        }
        return null;
    }

    /** The length people count: characters (code points), so 𠮷 is one, the same as OpenAPI's maxLength. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
