package kusari.search;

import java.util.ArrayList;
import java.util.List;
import kusari.change.SearchIndex;

/**
 * A text cut into pieces, the pieces that match the query marked; the template puts marked pieces in {@code <mark>}
 * (escaped like every other text). Matching folds like the index does, so 「ｶﾞｲﾄﾞ」 highlights 「ガイド」.
 */
public record Marked(List<Piece> pieces) {

    /** One piece of text, matched or not. */
    public record Piece(String text, boolean match) {
    }

    /** Characters shown of a long body, around its first match. */
    static final int SNIPPET = 90;

    public String plain() {
        StringBuilder out = new StringBuilder();
        pieces.forEach(p -> out.append(p.text()));
        return out.toString();
    }

    public boolean hasMatch() {
        return pieces.stream().anyMatch(Piece::match);
    }

    /** The whole text, its matches marked. */
    static Marked of(String text, List<String> foldedTerms) {
        return cut(text, matches(text, foldedTerms), 0, text.length());
    }

    /** A window of the text around its first match (or its start), its matches marked. */
    static Marked snippet(String text, List<String> foldedTerms) {
        List<int[]> found = matches(text, foldedTerms);
        if (text.length() <= SNIPPET) {
            return cut(text, found, 0, text.length());
        }
        int first = found.isEmpty() ? 0 : found.get(0)[0];
        int from = Math.max(0, first - SNIPPET / 3);
        int to = Math.min(text.length(), from + SNIPPET);
        from = Math.max(0, Math.min(from, to - SNIPPET));
        if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
            from--;
        }
        if (to < text.length() && Character.isLowSurrogate(text.charAt(to))) {
            to++;
        }
        Marked inner = cut(text, found, from, to);
        List<Piece> pieces = new ArrayList<>();
        if (from > 0) {
            pieces.add(new Piece("…", false));
        }
        pieces.addAll(inner.pieces());
        if (to < text.length()) {
            pieces.add(new Piece("…", false));
        }
        return new Marked(pieces);
    }

    private static Marked cut(String text, List<int[]> found, int from, int to) {
        List<Piece> pieces = new ArrayList<>();
        int at = from;
        for (int[] m : found) {
            int s = Math.max(m[0], from);
            int e = Math.min(m[1], to);
            if (e <= s || s < at) {
                continue;
            }
            if (s > at) {
                pieces.add(new Piece(text.substring(at, s), false));
            }
            pieces.add(new Piece(text.substring(s, e), true));
            at = e;
        }
        if (at < to) {
            pieces.add(new Piece(text.substring(at, to), false));
        }
        return new Marked(pieces);
    }

    /** Where the terms occur in the original text, as [start, end) char ranges, sorted and merged. */
    static List<int[]> matches(String text, List<String> foldedTerms) {
        StringBuilder folded = new StringBuilder();
        List<Integer> startOf = new ArrayList<>();
        List<Integer> endOf = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            String f = SearchIndex.fold(new String(Character.toChars(cp)));
            for (int k = 0; k < f.length(); k++) {
                startOf.add(i);
                endOf.add(i + n);
            }
            folded.append(f);
            i += n;
        }
        List<int[]> ranges = new ArrayList<>();
        String haystack = folded.toString();
        for (String term : foldedTerms) {
            if (term.isEmpty()) {
                continue;
            }
            for (int at = haystack.indexOf(term); at >= 0; at = haystack.indexOf(term, at + term.length())) {
                ranges.add(new int[] {startOf.get(at), endOf.get(at + term.length() - 1)});
            }
        }
        ranges.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
        List<int[]> merged = new ArrayList<>();
        for (int[] r : ranges) {
            if (!merged.isEmpty() && r[0] <= merged.get(merged.size() - 1)[1]) {
                int[] last = merged.get(merged.size() - 1);
                last[1] = Math.max(last[1], r[1]);
            } else {
                merged.add(new int[] {r[0], r[1]});
            }
        }
        return merged;
    }
}
