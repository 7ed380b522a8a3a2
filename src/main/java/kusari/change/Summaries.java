package kusari.change;

import java.text.MessageFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;
import kusari.core.FiscalYear;
import kusari.core.Ui;

/**
 * A history entry's summary in the reader's language. Summaries are stored once, in Japanese, and are part of the
 * hash-chained history, so they are never rewritten: an entry whose summary was written from a message is read back
 * into its facts with that message's Japanese pattern and said again in the reader's language. Summaries that are
 * the data's own words (an entity's name or title) read the same in every language; so does any stored text that no
 * message wrote (entries from before a message existed read as they were stored).
 *
 * <p>A change made on behalf of a source ({@link ChangeLog#noting}, e.g. a workshop's card) carries the source's note
 * after its summary, written from {@code history.noted}; the summary and the note are each said again.
 *
 * <p>Every page, feed and API answer that shows a summary to a person goes through {@link #of}, so they agree.
 * The Japanese patterns of the keys below must never be reworded: old entries are read back with them.
 */
public final class Summaries {

    /** The messages history summaries are written from (their Japanese text as the pattern). */
    private static final List<String> KEYS = List.of("chain.history.dismissed", "chain.history.undone",
            "chain.history.settings", "actor.history.renamed", "files.history.imported", "files.history.importedNew");

    /** The messages a change's note (where it came from) is written from. */
    private static final List<String> NOTES = List.of("workshop.history.fromCards");

    /** Summaries are written in Japanese, from the same messages they are read back with. */
    public static final Ui JAPANESE = new Ui(Ui.Lang.JA, "", "");

    private Summaries() {
    }

    /** The summary of {@code e} as {@code ui}'s reader reads it. */
    public static String of(Ui ui, ChangeEntry e) {
        String stored = e.summary();
        if (ui.japanese() || stored == null || stored.isEmpty()) {
            return stored;
        }
        return said(ui, e, stored);
    }

    private static String said(Ui ui, ChangeEntry e, String stored) {
        String noted = noted(ui, e, stored);
        if (noted != null) {
            return noted;
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

    /**
     * A summary with a note: 「…（ワークショップ「W」のカード #3 から）」. The split is tried at every 「（」 from the
     * right, since the summary before it (a card's words, a title) may hold brackets of its own; only a note one of
     * {@link #NOTES} wrote counts, so a title that merely ends in brackets is left alone.
     */
    private static String noted(Ui ui, ChangeEntry e, String stored) {
        if (!stored.endsWith("）")) {
            return null;
        }
        for (int at = stored.lastIndexOf('（'); at > 0; at = stored.lastIndexOf('（', at - 1)) {
            String note = stored.substring(at + 1, stored.length() - 1);
            for (String key : NOTES) {
                Object[] facts = parse(JAPANESE.t(key), note);
                if (facts != null) {
                    return ui.t("history.noted", said(ui, e, stored.substring(0, at)), ui.t(key, facts));
                }
            }
        }
        return null;
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
