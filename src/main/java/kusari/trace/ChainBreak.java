package kusari.trace;

import java.util.List;

/**
 * One break of the chain.
 *
 * @param key         stable name of the break within its workspace, e.g. {@code HANDOFF_GAP:step:12:13}; dismissals
 *                    refer to it
 * @param journey     the journey's slug for breaks on steps, else null
 * @param place       what and where, in the data's own words (e.g. 「Bさん 3 妊娠・母子手帳」, 「課題2 …」)
 * @param args        values for the message that describes the break and its mending hint
 * @param href        the page where it can be seen (and mended)
 * @param traceHref   the trace from the broken place
 * @param dismissal   the dismissal in force, or null when the break is open
 */
public record ChainBreak(BreakKind kind, String key, String journey, String place, List<String> args, String href,
                         String traceHref, Dismissal dismissal) {

    ChainBreak withDismissal(Dismissal d) {
        return new ChainBreak(kind, key, journey, place, args, href, traceHref, d);
    }

    /** The message arguments as an array for Ui.t. */
    public Object[] argArray() {
        return args.toArray();
    }
}
