package kusari.trace;

import java.util.List;
import java.util.Map;
import kusari.core.Workspace;
import kusari.core.Ui;

/**
 * The chain check report, its dismissals and settings.
 *
 * @param errors  a refused dismissal: message by break key (shown next to that break's reason field)
 * @param entered the reason typed for the refused dismissal, kept so nothing is lost
 */
public record ChainCheckPage(Ui ui, Workspace workspace, ChainReport report, List<ChainCheck.JourneyRef> allJourneys,
                             List<Dismissal> history, Map<String, String> errors, Map<String, String> entered) {

    public String what(ChainBreak b) {
        return ui.t("chain.what." + b.kind().name(), b.argArray());
    }

    public String hint(ChainBreak b) {
        return ui.t("chain.hint." + b.kind().name(), b.argArray());
    }

    public String kindTitle(BreakKind k) {
        return ui.t(k.messageKey());
    }

    /** The kind names as text, for the settings form. */
    public List<BreakKind> kinds() {
        return List.of(BreakKind.values());
    }

    /** Breaks listed per kind on the page; the JSON API always has them all. */
    static final int SHOWN_PER_KIND = 100;

    public List<ChainBreak> shown(BreakKind kind) {
        List<ChainBreak> all = report.openOf(kind);
        return all.size() > SHOWN_PER_KIND ? all.subList(0, SHOWN_PER_KIND) : all;
    }

    public int hidden(BreakKind kind) {
        return Math.max(0, report.openOf(kind).size() - SHOWN_PER_KIND);
    }

    public String error(ChainBreak b) {
        return errors.get(b.key());
    }

    public String entered(ChainBreak b) {
        return entered.getOrDefault(b.key(), "");
    }

    /** The kind of break a dismissal of the history was about, read from its key (KIND:subject). */
    public String kindOfKey(String key) {
        String kind = key.contains(":") ? key.substring(0, key.indexOf(':')) : key;
        try {
            return kindTitle(BreakKind.valueOf(kind));
        } catch (IllegalArgumentException e) {
            return kind;
        }
    }

    public String anchor(ChainBreak b) {
        return "break-" + b.key().replace(':', '-');
    }
}
