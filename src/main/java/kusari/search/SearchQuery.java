package kusari.search;

import java.util.ArrayList;
import java.util.List;
import kusari.change.SearchIndex;
import kusari.core.ValidationException;

/**
 * A query as the index reads it. Words (split at spaces) must all occur. When every word has three characters or
 * more it goes to the trigram index; otherwise to the one- and two-character index, where a word of one character
 * is the prefix of a token, and a longer one the phrase of its character pairs.
 *
 * @param terms the words, folded, for highlighting
 * @param match the FTS5 query
 * @param grams true: search_gram, false: search_fts
 * @param phrases the phrases of {@code match}, one per word (or letter run), as {@link Bm25} counts them
 */
record SearchQuery(List<String> terms, String match, boolean grams, List<Phrase> phrases) {

    /**
     * One phrase of the query, as the text it finds: the folded word (trigram index) or run of letters and digits
     * (pair index), which a row holds wherever it occurs as a substring; {@code prefix}: a single character, asked
     * of the pair index as the prefix of a pair.
     */
    record Phrase(String text, boolean prefix) {
    }

    static final int MAX_LENGTH = 100;
    static final int MAX_WORDS = 8;

    /** Null when the text holds nothing to look for; refused (with a message) when too long. */
    static SearchQuery parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            throw ValidationException.of("q", "search.tooLong", MAX_LENGTH);
        }
        List<String> words = new ArrayList<>();
        for (String w : SearchIndex.fold(text).strip().split("\\s+")) {
            if (!w.isEmpty() && !words.contains(w)) {
                words.add(w);
            }
        }
        if (words.size() > MAX_WORDS) {
            throw ValidationException.of("q", "search.tooManyWords", MAX_WORDS);
        }
        boolean grams = words.stream().anyMatch(w -> w.codePointCount(0, w.length()) < 3);
        List<String> parts = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        List<Phrase> phrases = new ArrayList<>();
        if (!grams) {
            for (String w : words) {
                parts.add(quote(w));
                terms.add(w);
                phrases.add(new Phrase(w, false));
            }
        } else {
            for (String w : words) {
                // only letters and digits are in this index: the runs of them around punctuation are words of their own
                for (String piece : letterRuns(w)) {
                    terms.add(piece);
                    if (piece.codePointCount(0, piece.length()) == 1) {
                        parts.add(quote(piece) + "*");
                        phrases.add(new Phrase(piece, true));
                    } else {
                        String pairs = SearchIndex.grams(piece);
                        // the last character alone is not a pair of the phrase
                        parts.add(quote(pairs.substring(0, pairs.lastIndexOf(' '))));
                        phrases.add(new Phrase(piece, false));
                    }
                }
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        return new SearchQuery(List.copyOf(terms), String.join(" ", parts), grams, List.copyOf(phrases));
    }

    /** The runs of letters and digits of a word, as {@link SearchIndex#grams} sees them. */
    static List<String> letterRuns(String word) {
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        word.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                run.appendCodePoint(cp);
            } else if (!run.isEmpty()) {
                runs.add(run.toString());
                run.setLength(0);
            }
        });
        if (!run.isEmpty()) {
            runs.add(run.toString());
        }
        return runs;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
