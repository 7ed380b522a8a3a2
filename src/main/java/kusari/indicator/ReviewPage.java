package kusari.indicator;

import java.util.List;
import java.util.Map;
import kusari.core.Workspace;
import kusari.core.Ui;

/**
 * The review of one fiscal year: the grid of values to enter (one row per indicator, grouped as the table), with
 * the person's input and the message of each wrong cell when a save was refused.
 *
 * @param saved    how many values the last save changed (shown once after the redirect), or null
 * @param conflict whether the save was refused because someone else changed values meanwhile
 * @param problems the rows a save was refused for, each with why (the grid keeps what was typed)
 * @param mayEnter whether the person may enter anything here: a visitor who is not signed in sees values, no form
 * @param slice    which part of the year's indicators the grid shows (a group, a page), as the indicator table
 * @param projectPaging which page of the projects the projects' section shows
 */
public record ReviewPage(Ui ui, Workspace workspace, ReviewSettings settings, int year, List<Section> sections,
                         Integer saved, boolean conflict, List<String> problems, List<ProjectLine> projects,
                         boolean mayEnter, IndicatorTable.Slice slice, kusari.core.Paging projectPaging) {

    /** Only part of the year's indicators is shown (one group, or one page): the page says which. */
    public boolean partial() {
        return slice.partial();
    }

    /** How many indicators the year's grid has in all. */
    public int total() {
        return slice.counts().stream().mapToInt(IndicatorTable.GroupCount::count).sum();
    }

    /** The grid of one group (null: all), from its first page; the projects' section stays on its page. */
    public String groupLink(String group) {
        return link(group, 1, projectPaging.page());
    }

    /** Another page of the same group's rows. */
    public String pageLink(int page) {
        return link(slice.group(), page, projectPaging.page());
    }

    /** Another page of the projects' section, the grid staying on its part. */
    public String projectPageLink(int page) {
        return link(slice.group(), slice.paging().page(), page) + "#projects-heading";
    }

    private String link(String group, int page, int projectPage) {
        return kusari.web.Links.withQuery(kusari.web.Links.review(workspace.slug(), year), "group", group,
                "page", page == 1 ? null : page, IndicatorController.PROJECT_PAGE, projectPage == 1 ? null : projectPage);
    }

    /** The sentence saying which part of the year's indicators the grid shows. */
    public String notice() {
        return slice.notice(ui, "indicator.review.paged", "indicator.table.groupShown",
                "indicator.review.savesShown");
    }

    /** A project and its review of the year (null fields when there is none yet). */
    public record ProjectLine(long projectId, String code, String name, Long reviewId, NextAction nextAction,
                              String panelComment, String departmentComment) {
    }

    /** A group of the grid: a top-level framework item, or the challenges. */
    public record Section(String title, List<Line> lines) {
    }

    /**
     * One indicator's row: what it is, the cell's values as shown in the inputs, the version they were based on,
     * and what is stored now when it differs from the person's base (a conflict); {@code editable} when the
     * person answers for it (a department member: their own department's KPIs), else shown read-only.
     */
    public record Line(int index, IndicatorRow row, String state, String value, String dataDate, String source,
                       String note, long version, String seen, Map<String, String> errors, YearValue current,
                       boolean editable) {

        public String error(String field) {
            return errors.get(field);
        }

        public boolean hasError(String field) {
            return errors.containsKey(field);
        }
    }

    public String yearLabel(int fiscalYear) {
        return settings.year(fiscalYear, ui.japanese());
    }

    public List<Integer> years() {
        List<Integer> years = new java.util.ArrayList<>();
        for (int y = workspace.planFrom() - 1; y <= workspace.planTo(); y++) {
            years.add(y);
        }
        return years;
    }

    public String number(Double value) {
        return settings.number(value);
    }

    /** A read-only row's state in words; empty for an actual value (the number says it) or a code we do not know. */
    public String stateLabel(Line line) {
        for (ValueState state : ValueState.values()) {
            if (state.code().equals(line.state()) && state != ValueState.ACTUAL) {
                return ui.t(state.messageKey());
            }
        }
        return "";
    }

    /** Whether some rows are read-only to a person who may enter others (they are marked so). */
    public boolean someReadOnly() {
        return mayEnter && sections.stream().flatMap(s -> s.lines().stream()).anyMatch(l -> !l.editable());
    }

    public int errorCount() {
        return sections.stream().flatMap(s -> s.lines().stream()).mapToInt(l -> l.errors().size()).sum();
    }
}
