package kusari.trace;

import java.util.List;
import kusari.core.Workspace;
import kusari.core.Ui;

/** Budget roll-ups per challenge, per persona and per policy field, and every project's estimates. */
public record BudgetPage(Ui ui, Workspace workspace, List<BudgetRollup> rollups,
                         List<BudgetRollups.ProjectBudget> projects) {

    /** The plan years, the columns of the project list. */
    public List<Integer> years() {
        List<Integer> years = new java.util.ArrayList<>();
        for (int y = workspace.planFrom(); y <= workspace.planTo(); y++) {
            years.add(y);
        }
        return years;
    }

    /**
     * The projects cell of a group's row: a group whose projects are all shared with others is not "0": its
     * projects are counted in the shared row, and the cell says so.
     */
    public String projectsCell(BudgetRollup.Row row) {
        if (row.sharedProjects() == 0) {
            return String.valueOf(row.projects());
        }
        return row.projects() == 0 ? ui.t("rollup.projectsOnlyShared", row.sharedProjects())
                : ui.t("rollup.projectsAndShared", row.projects(), row.sharedProjects());
    }

    /** An estimate as the list shows it; a year with none entered says so. */
    public String amountOrMissing(Long thousandYen) {
        return thousandYen == null ? ui.t("rollup.notEntered") : amount(thousandYen);
    }

    public String groupLabel(BudgetRollup r, BudgetRollup.Row row) {
        return switch (r.by()) {
            case "CHALLENGE" -> ui.t("challenge.label", row.code()) + " " + row.title();
            case "PERSONA" -> row.title();
            default -> workspace.topWithCode(row.code()) + " " + row.title();
        };
    }

    /** False while no project of the workspace has a budget estimate for a plan year (the sample has none). */
    public boolean anyBudget() {
        return rollups.stream().anyMatch(r -> r.total().byYear().stream().anyMatch(v -> v > 0));
    }

    public String amount(long thousandYen) {
        return String.format(ui.lang().locale(), "%,d", thousandYen);
    }
}
