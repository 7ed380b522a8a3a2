package kusari.journey;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What changed between two renderings of a journey map, line by line, so that a live page is sent the few lines a
 * change touched and not the whole map again (an editor's map is tens of KB). The page applies it to the text of
 * the map it was sent last ({@code static/js/app.js}). Operations, in order: {@code ["=", n]} keep n lines,
 * {@code ["-", n]} drop n lines, {@code ["+", "text"]} insert these lines (joined by newlines).
 */
final class LinePatch {

    /** Beyond this many changed lines the whole map is sent instead (a reordering of many columns). */
    static final int MAX_EDITS = 400;

    private LinePatch() {
    }

    /** The operations that turn {@code before} into {@code after}, or null when sending the whole map is simpler. */
    static ArrayNode between(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        int prefix = 0;
        while (prefix < a.length && prefix < b.length && a[prefix].equals(b[prefix])) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.length - prefix && suffix < b.length - prefix
                && a[a.length - 1 - suffix].equals(b[b.length - 1 - suffix])) {
            suffix++;
        }
        char[] edits = middle(Arrays.copyOfRange(a, prefix, a.length - suffix),
                Arrays.copyOfRange(b, prefix, b.length - suffix));
        if (edits == null) {
            return null;
        }
        Ops ops = new Ops();
        ops.keep(prefix);
        int y = prefix;
        for (char e : edits) {
            switch (e) {
                case '=' -> {
                    ops.keep(1);
                    y++;
                }
                case '-' -> ops.drop();
                default -> ops.insert(b[y++]);
            }
        }
        ops.keep(suffix);
        return ops.done();
    }

    /** Myers' shortest edit script of two line arrays: '=' keep, '-' drop a line of a, '+' insert a line of b. */
    private static char[] middle(String[] a, String[] b) {
        int n = a.length;
        int m = b.length;
        int max = n + m;
        int off = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        int found = -1;
        for (int d = 0; d <= max && found < 0; d++) {
            if (d > MAX_EDITS) {
                return null;
            }
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1] : v[off + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a[x].equals(b[y])) {
                    x++;
                    y++;
                }
                v[off + k] = x;
                if (x >= n && y >= m) {
                    found = d;
                    break;
                }
            }
        }
        StringBuilder back = new StringBuilder();
        int x = n;
        int y = m;
        for (int d = found; d > 0; d--) {
            int[] w = trace.get(d);
            int k = x - y;
            int prevK = (k == -d || (k != d && w[off + k - 1] < w[off + k + 1])) ? k + 1 : k - 1;
            int prevX = w[off + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                back.append('=');
                x--;
                y--;
            }
            back.append(x == prevX ? '+' : '-');
            x = prevX;
            y = prevY;
        }
        while (x > 0 && y > 0) {
            back.append('=');
            x--;
            y--;
        }
        return back.reverse().toString().toCharArray();
    }

    /** Runs of the same operation folded into one. */
    private static final class Ops {
        final ArrayNode out = JsonNodeFactory.instance.arrayNode();
        char last;
        int count;
        final List<String> lines = new ArrayList<>();

        void keep(int n) {
            if (n > 0) {
                run('=');
                count += n;
            }
        }

        void drop() {
            run('-');
            count++;
        }

        void insert(String line) {
            run('+');
            lines.add(line);
        }

        private void run(char op) {
            if (op != last) {
                flush();
                last = op;
            }
        }

        private void flush() {
            if (last == '+') {
                out.addArray().add("+").add(String.join("\n", lines));
            } else if (last != 0 && count > 0) {
                out.addArray().add(String.valueOf(last)).add(count);
            }
            lines.clear();
            count = 0;
        }

        ArrayNode done() {
            flush();
            last = 0;
            return out;
        }
    }
}
