package kusari.core;

/**
 * The code pattern of a framework level, as a planner writes it: {@code 9} stands for a digit, {@code A} for a
 * letter, {@code *} for anything (also nothing); every other character stands for itself. Omitama's projects
 * are {@code 9-99-9} (1-03-4), a 重点戦略-style city's measures {@code 9-9-9}, a 基本目標-style city's
 * strategies {@code 基本目標9-9} or simply {@code *}.
 */
public final class CodePattern {

    private CodePattern() {
    }

    public static boolean matches(String pattern, String code) {
        StringBuilder regex = new StringBuilder();
        for (char ch : pattern.strip().toCharArray()) {
            switch (ch) {
                case '9' -> regex.append("[0-9]");
                case 'A' -> regex.append("[A-Za-z]");
                case '*' -> regex.append(".*");
                default -> regex.append(java.util.regex.Pattern.quote(String.valueOf(ch)));
            }
        }
        return code.matches(regex.toString());
    }
}
