package kusari.trace;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import kusari.core.Workspace;
import kusari.core.Ui;
import kusari.web.Links;

/**
 * The chain check report, its dismissals and settings.
 *
 * @param errors  a refused dismissal: message by break key (shown next to that break's reason field)
 * @param entered the reason typed for the refused dismissal, kept so nothing is lost
 * @param number  the page of the list of open breaks, from 1
 */
public record ChainCheckPage(Ui ui, Workspace workspace, ChainReport report, List<ChainCheck.JourneyRef> allJourneys,
                             List<Dismissal> history, Map<String, String> errors, Map<String, String> entered,
                             int number) {

    /** Open breaks listed per page: the sample's whole list fits on one, a large workspace's pages stay small. */
    static final int PER_PAGE = 200;

    /** Above this many journeys the filter is a drop-down rather than a row of chips. */
    static final int JOURNEY_CHIPS = 30;

    /** Journeys whose scores are listed (the lowest first when there are more). */
    static final int SCORES_SHOWN = 50;

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

    /** The listed open breaks of one kind (this page's share of them). */
    public List<ChainBreak> shown(BreakKind kind) {
        return report.openOf(kind);
    }

    /** The kind the list is narrowed to, or null. */
    public BreakKind kind() {
        return report.window().kind();
    }

    public long pages() {
        return Math.max(1, (report.matching() + PER_PAGE - 1) / PER_PAGE);
    }

    /** True when the list needs more than one page: then the page says so and offers the others. */
    public boolean paged() {
        return report.matching() > PER_PAGE;
    }

    /** True for a page number past the last one (the list shrank since it was linked, or a typed address). */
    public boolean pastTheEnd() {
        return number > pages();
    }

    /** E.g. 「未対応の切れ目 61,234 件のうち 201〜400 件目（200件ずつ、ページ 2/307）」. */
    public String pageNotice() {
        long first = (long) (number - 1) * PER_PAGE + 1;
        long last = Math.min(report.matching(), first + PER_PAGE - 1);
        return ui.t("chain.page.notice", report.matching(), first, last, PER_PAGE, number, pages());
    }

    /** This report's address with another page (and the same journey and kind filters). */
    public String pageHref(long n) {
        return query(report.journey(), kind(), n);
    }

    /** This report's address narrowed to one kind (or widened to every kind with null), from its first page. */
    public String kindHref(BreakKind k) {
        return query(report.journey(), k, 1);
    }

    private String query(String journey, BreakKind k, long n) {
        StringBuilder q = new StringBuilder();
        if (journey != null) {
            q.append("&journey=").append(URLEncoder.encode(journey, StandardCharsets.UTF_8));
        }
        if (k != null) {
            q.append("&kind=").append(k.name());
        }
        if (n > 1) {
            q.append("&page=").append(n);
        }
        String base = Links.chainCheck(workspace.slug());
        return q.isEmpty() ? base : base + "?" + q.substring(1);
    }

    /** A drop-down instead of chips once the journeys are too many to line up. */
    public boolean journeyMenu() {
        return allJourneys.size() > JOURNEY_CHIPS;
    }

    /** The journeys whose scores are listed: all of them when few, else the lowest. */
    public List<ChainReport.JourneyScore> scores() {
        return report.lowestScores(SCORES_SHOWN);
    }

    public boolean scoresCut() {
        return report.journeys().size() > SCORES_SHOWN;
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
