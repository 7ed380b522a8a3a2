package kusari.history;

import java.text.MessageFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;
import kusari.change.ChangeEntry;
import kusari.core.FiscalYear;
import kusari.core.Ui;

/**
 * A history entry's summary in the reader's language. Summaries are stored once, in Japanese, and are part of the
 * hash-chained history, so they are never rewritten: an entry whose summary was written from a message is read back
 * into its facts with that message's Japanese pattern and said again in the reader's language. Summaries that are
 * the data's own words (an entity's name or title) read the same in every language.
 */
final class Summaries {

    /** The messages history summaries are written from (their Japanese text as the pattern). */
    private static final List<String> KEYS = List.of("chain.history.dismissed", "chain.history.undone",
            "chain.history.settings", "actor.history.renamed");

    private static final Ui JAPANESE = new Ui(Ui.Lang.JA, "", "");

    private Summaries() {
    }

    static String of(Ui ui, ChangeEntry e) {
        String stored = e.summary();
        if (ui.japanese() || stored == null || stored.isEmpty()) {
            return stored;
        }
        for (String key : KEYS) {
            Object[] facts = parse(JAPANESE.t(key), stored);
            if (facts == null) {
                continue;
            }
            switch (key) {
                case "chain.history.dismissed" -> {
                    // the break's kind was stored by its code beside the summary
                    String kind = e.after() != null && e.after().hasNonNull("kind") ? e.after().get("kind").asText() : null;
                    if (kind != null) {
                        facts[0] = ui.t("chain.kind." + kind);
                    }
                }
                case "actor.history.renamed" -> facts[1] = FiscalYear.parse(String.valueOf(facts[1]))
                        .map(y -> ui.fiscalYear(y.year())).orElse(String.valueOf(facts[1]));
                default -> {
                }
            }
            return ui.t(key, facts);
        }
        return stored;
    }

    /** The arguments {@code text} was written with from {@code pattern}, or null when it was not. */
    private static Object[] parse(String pattern, String text) {
        MessageFormat format = new MessageFormat(pattern, Locale.JAPAN);
        ParsePosition at = new ParsePosition(0);
        Object[] facts = format.parse(text, at);
        if (facts == null || at.getIndex() != text.length() || at.getErrorIndex() >= 0) {
            return null;
        }
        // the text must read back to itself: a summary that only begins like the pattern is not its
        return format.format(facts).equals(text) ? facts : null;
    }
}
