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
 */
public record ReviewPage(Ui ui, Workspace workspace, ReviewSettings settings, int year, List<Section> sections,
                         Integer saved, boolean conflict, List<String> problems, List<ProjectLine> projects) {

    /** A project and its review of the year (null fields when there is none yet). */
    public record ProjectLine(long projectId, String code, String name, Long reviewId, NextAction nextAction,
                              String panelComment, String departmentComment) {
    }

    /** A group of the grid: a top-level framework item, or the challenges. */
    public record Section(String title, List<Line> lines) {
    }

    /**
     * One indicator's row: what it is, the cell's values as shown in the inputs, the version they were based on,
     * and what is stored now when it differs from the person's base (a conflict).
     */
    public record Line(int index, IndicatorRow row, String state, String value, String dataDate, String source,
                       String note, long version, String seen, Map<String, String> errors, YearValue current) {

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
        return Achievement.formatNumber(value);
    }

    public int errorCount() {
        return sections.stream().flatMap(s -> s.lines().stream()).mapToInt(l -> l.errors().size()).sum();
    }
}
