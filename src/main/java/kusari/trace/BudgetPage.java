package kusari.trace;

import java.util.List;
import kusari.core.Workspace;
import kusari.core.Ui;

/** Budget roll-ups per challenge, per persona and per policy field. */
public record BudgetPage(Ui ui, Workspace workspace, List<BudgetRollup> rollups) {

    public String groupLabel(BudgetRollup r, BudgetRollup.Row row) {
        return switch (r.by()) {
            case "CHALLENGE" -> ui.t("challenge.label", row.code()) + " " + row.title();
            case "PERSONA" -> row.title();
            default -> workspace.topLabel() + row.code() + " " + row.title();
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
