package kusari.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kusari.TestApp;
import org.junit.jupiter.api.Test;

/**
 * A route's path is written once, in {@link Links}: no template or handler writes {@code href="/…"},
 * {@code action="/…"} or {@code redirect("/…")} for a path the route table answers, or the next renamed route
 * leaves a dead link behind. Style sheets, scripts and pictures ({@code /static/}, {@code /assets/}) and anchors
 * on the same page are not routes of a feature and may be written as they are.
 */
class RoutePathsWrittenOnceTest {

    private static final List<String> OPENINGS = List.of("href=\"/", "action=\"/", "redirect(\"/");
    private static final List<String> ALLOWED = List.of("/static/", "/assets/");
    /** Stands for what a template or handler fills in: a jte expression, or what is concatenated after a string. */
    private static final char FILLED = '\u0001';
    private static final Pattern PARAM = Pattern.compile("\\{[A-Za-z][A-Za-z0-9]*}");

    @Test
    void noTemplateOrHandlerWritesTheLiteralPathOfARoute() throws IOException {
        List<String> templates = Server.routes(TestApp.create()).routes().stream()
                .map(route -> route.path().template()).distinct().toList();
        assertTrue(templates.size() > 100, "the route table was read: " + templates.size());
        List<String> wrong = new ArrayList<>();
        int files = 0;
        for (String dir : List.of("src/main/jte", "src/main/java")) {
            List<Path> sources;
            try (Stream<Path> walk = Files.walk(TestApp.PROJECT_DIR.resolve(dir))) {
                sources = walk.filter(p -> p.toString().endsWith(".jte") || p.toString().endsWith(".java"))
                        .sorted().toList();
            }
            for (Path source : sources) {
                files++;
                String text = Files.readString(source, StandardCharsets.UTF_8);
                for (Literal literal : literals(text)) {
                    templates.stream().filter(t -> matches(t, literal.path())).findFirst().ifPresent(t -> wrong.add(
                            TestApp.PROJECT_DIR.relativize(source) + ":" + literal.line() + " writes "
                                    + literal.path().replace(FILLED, '…') + " by hand; the route " + t
                                    + " is declared in Links, link to it through a Links builder"));
                }
            }
        }
        assertTrue(files > 100, "the sources were read: " + files);
        assertEquals("", String.join("\n", wrong));
    }

    /** The scan itself: what it finds, what it lets pass. */
    @Test
    void theScanFindsPathsWithTheirFilledInPartsAndLetsFilesAndAnchorsPass() {
        String jte = """
                <a href="/w/${ws.slug()}/settings?saved=x">settings</a>
                <form action="/admin/accounts/${row.id()}/${row.disabled() ? "enable" : "disable"}">
                <link href="/static/css/app.css"> <a href="#main">skip</a> <a href="${Links.workspaces()}">home</a>
                """;
        List<Literal> found = literals(jte);
        assertEquals(List.of("/w/" + FILLED + "/settings", "/admin/accounts/" + FILLED + "/" + FILLED),
                found.stream().map(Literal::path).toList());
        assertEquals(List.of(1, 2), found.stream().map(Literal::line).toList());
        assertTrue(matches("/w/{ws}/settings", found.get(0).path()));
        assertTrue(matches("/admin/accounts/{id}/enable", found.get(1).path()));
        assertTrue(!matches("/w/{ws}/settings/access", found.get(0).path()));

        List<Literal> java = literals("ctx.redirect(\"/w/\" + ws.slug() + \"/settings\");\nctx.redirect(\"/login?out=1\");");
        assertEquals(List.of("/w/" + FILLED, "/login"), java.stream().map(Literal::path).toList());
        assertTrue(matches("/w/{ws}/settings", java.get(0).path()), "a concatenated path may go on for segments");
        assertTrue(matches("/login", java.get(1).path()));
        assertTrue(!matches("/logout", java.get(1).path()));
        assertTrue(matches("/", "/"));
        assertTrue(!matches("/", "/w/" + FILLED));
    }

    record Literal(String path, int line) {
    }

    /**
     * Every literal path after one of the {@link #OPENINGS}, up to its query or anchor, with what is filled in
     * written as {@link #FILLED}; a path that only starts as a string (followed by {@code +}) ends in FILLED.
     */
    static List<Literal> literals(String text) {
        List<Literal> found = new ArrayList<>();
        for (String opening : OPENINGS) {
            for (int at = text.indexOf(opening); at >= 0; at = text.indexOf(opening, at + 1)) {
                int start = at + opening.length() - 1;
                StringBuilder path = new StringBuilder();
                int i = start;
                boolean cut = false;
                while (i < text.length() && text.charAt(i) != '"' && text.charAt(i) != '\n') {
                    if (text.startsWith("${", i) || text.startsWith("$unsafe{", i)) {
                        i = endOfExpression(text, text.indexOf('{', i));
                        if (!cut) {
                            path.append(FILLED);
                        }
                        continue;
                    }
                    char c = text.charAt(i++);
                    cut |= c == '?' || c == '#';
                    if (!cut) {
                        path.append(c);
                    }
                }
                if (opening.startsWith("redirect") && !cut && text.substring(Math.min(i + 1, text.length())).strip()
                        .startsWith("+")) {
                    path.append(FILLED);
                }
                String p = path.toString();
                if (ALLOWED.stream().noneMatch(p::startsWith)) {
                    found.add(new Literal(p, 1 + (int) text.substring(0, at).chars().filter(c -> c == '\n').count()));
                }
            }
        }
        found.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return found;
    }

    /** Just after the {@code }} that closes the expression opened at {@code open}, skipping its strings. */
    private static int endOfExpression(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                for (i++; i < text.length() && text.charAt(i) != '"'; i++) {
                    if (text.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i + 1;
            }
        }
        return text.length();
    }

    /**
     * Whether a request to the literal path could reach the route {@code template}, segment by segment: a
     * {@code {param}} of the template takes any one segment, a filled-in part of the literal any text; a literal
     * ending in a filled-in part may go on for more segments.
     */
    static boolean matches(String template, String literal) {
        String[] t = template.substring(1).split("/", -1);
        String[] l = literal.substring(1).split("/", -1);
        boolean open = literal.endsWith(String.valueOf(FILLED));
        if (t.length < l.length || (t.length > l.length && !open)) {
            return false;
        }
        for (int i = 0; i < l.length; i++) {
            if (!segmentMatches(t[i], l[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean segmentMatches(String template, String literal) {
        String templateAny = PARAM.matcher(template).replaceAll(String.valueOf(FILLED));
        if (literal.indexOf(FILLED) < 0) {
            return pattern(templateAny, ".+").matcher(literal).matches();
        }
        // "/${x ? "enable" : "disable"}" reaches ".../enable"; "/n${id}" may reach ".../{id}"
        return pattern(literal, ".*").matcher(template).matches()
                || pattern(templateAny, ".+").matcher(literal.replace(FILLED, 'x')).matches();
    }

    /** {@code text} as a regular expression, each {@link #FILLED} standing for {@code any}. */
    private static Pattern pattern(String text, String any) {
        return Pattern.compile(Arrays.stream(text.split(String.valueOf(FILLED), -1)).map(Pattern::quote)
                .collect(Collectors.joining(any)));
    }
}
