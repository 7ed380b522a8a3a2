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
 * @param actors  the departments and partners offered in the department filter
 * @param actor   the department (or partner) the list is narrowed to, or null
 * @param dismissing the key of the break whose dismissal form is open, or null: one form on the page rather than a
 *                form in every break keeps the page small (the sample's 180 breaks came to 300 KB)
 */
public record ChainCheckPage(Ui ui, Workspace workspace, ChainReport report, List<ChainCheck.JourneyRef> allJourneys,
                             List<Dismissal> history, Map<String, String> errors, Map<String, String> entered,
                             int number, List<DepartmentReach.ActorRef> actors, DepartmentReach.ActorRef actor,
                             String dismissing) {

    /** Open breaks listed per page: the sample's whole list fits on one, a large workspace's pages stay small. */
    static final int PER_PAGE = 200;

    /** Above this many journeys the filter is a drop-down rather than a row of chips. */
    static final int JOURNEY_CHIPS = 30;

    /** Journeys whose scores are listed (the lowest first when there are more). */
    static final int SCORES_SHOWN = 50;

    public String what(ChainBreak b) {
        return ui.t("chain.what." + b.kind().name(), b.argArray());
    }

    /**
     * What would mend breaks of this kind, said once above them. No hint names its break; the one for a missing
     * actual names the fiscal year, which is the report's.
     */
    public String mend(BreakKind k) {
        Integer year = report.lastCompletedFiscalYear();
        return ui.t("chain.hint." + k.name(), "", "", "", year == null ? "" : String.valueOf(year));
    }

    /** The kinds of one group that have open breaks listed on this page, in report order. */
    public List<BreakKind> listed(BreakKind.Group group) {
        return group.kinds().stream().filter(k -> !report.openOf(k).isEmpty()).toList();
    }

    /** Open breaks of a group over the whole check (for its heading). */
    public long count(BreakKind.Group group) {
        return group.kinds().stream().mapToLong(k -> report.counts().getOrDefault(k, 0L)).sum();
    }

    public List<BreakKind.Group> groups() {
        return List.of(BreakKind.Group.values());
    }

    /** True when this break's dismissal form is shown: it was asked for, or it came back refused. */
    public boolean dismissFormOpen(ChainBreak b) {
        return b.key().equals(dismissing) || errors.containsKey(b.key());
    }

    /** The address that opens this break's dismissal form, on the same list. */
    public String dismissHref(ChainBreak b) {
        return query(report.journey(), kind(), number, b.key()) + "#" + anchor(b);
    }

    /** A group's kinds are shown open when they touch residents or the list is narrowed to one kind. */
    public boolean expanded(BreakKind.Group group) {
        return !group.collapsed() || kind() != null;
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
        return query(report.journey(), kind(), n, null);
    }

    /** This report's address narrowed to one kind (or widened to every kind with null), from its first page. */
    public String kindHref(BreakKind k) {
        return query(report.journey(), k, 1, null);
    }

    /** The journey filter's address for one journey (or every journey with null), keeping kind and department. */
    public String journeyHref(String journey) {
        return query(journey, kind(), 1, null);
    }

    private String query(String journey, BreakKind k, long n, String dismiss) {
        StringBuilder q = new StringBuilder();
        if (journey != null) {
            q.append("&journey=").append(URLEncoder.encode(journey, StandardCharsets.UTF_8));
        }
        if (actor != null) {
            q.append("&actor=").append(actor.id());
        }
        if (dismiss != null) {
            q.append("&dismiss=").append(URLEncoder.encode(dismiss, StandardCharsets.UTF_8));
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
