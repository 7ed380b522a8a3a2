package kusari.indicator;

import java.util.List;
import kusari.core.Workspace;
import kusari.core.Ui;

/**
 * The CSV import of a fiscal year's values: the upload form, then the dry run's report — what each row would do
 * and every problem with its line — and, when there is no problem, the button that applies exactly these values.
 */
public record ImportPage(Ui ui, Workspace workspace, ReviewSettings settings, int year, ActualsCsv.Report report,
                         String error) {

    public String yearLabel(int fiscalYear) {
        return settings.year(fiscalYear, ui.japanese());
    }

    public List<ActualsCsv.Row> rows() {
        return report == null ? List.of() : report.rows();
    }
}
