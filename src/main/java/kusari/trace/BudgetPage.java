package kusari.trace;

import java.util.List;
import kusari.core.Workspace;
import kusari.core.Paging;
import kusari.core.Ui;

/**
 * Budget roll-ups per challenge, per persona and per policy field, and the projects' estimates. On a large workspace
 * each roll-up shows one page of its rows (its shared, unassigned and total rows always over every project) and the
 * project list one page of projects, each saying which part it shows.
 *
 * @param rowPages     the paging of each roll-up's rows, by {@link BudgetRollup#by()}
 * @param projectPaging the paging of the project list
 */
public record BudgetPage(Ui ui, Workspace workspace, List<BudgetRollup> rollups,
                         List<BudgetRollups.ProjectBudget> projects, java.util.Map<String, Paging> rowPages,
                         Paging projectPaging) {

    /** The roll-ups, in the page's order. */
    public static final List<String> ROLLUPS = List.of("CHALLENGE", "PERSONA", "POLICY_FIELD");

    /** Rows of one roll-up on a page. */
    public static final int ROWS_PER_PAGE = 100;

    /** Every row and project on one page (a small workspace). */
    public BudgetPage(Ui ui, Workspace workspace, List<BudgetRollup> rollups, List<BudgetRollups.ProjectBudget> projects) {
        this(ui, workspace, rollups, projects, java.util.Map.of(), new Paging("page", 1, Math.max(1, projects.size()),
                projects.size()));
    }

    /** The page of each roll-up's rows asked for ({@code pages}, by roll-up), refused when beyond its last page. */
    public static BudgetPage paged(Ui ui, Workspace workspace, List<BudgetRollup> rollups,
                                   java.util.Map<String, Integer> pages, BudgetRollups.ProjectBudgets projects) {
        java.util.Map<String, Paging> rowPages = new java.util.HashMap<>();
        for (BudgetRollup r : rollups) {
            rowPages.put(r.by(), Paging.of(parameter(r.by()), pages.getOrDefault(r.by(), 1), ROWS_PER_PAGE,
                    r.rows().size()));
        }
        return new BudgetPage(ui, workspace, rollups, projects.projects(), rowPages, projects.paging());
    }

    /** The query parameter of a roll-up's page: challengePage, personaPage, fieldPage. */
    public static String parameter(String by) {
        return switch (by) {
            case "CHALLENGE" -> "challengePage";
            case "PERSONA" -> "personaPage";
            default -> "fieldPage";
        };
    }

    /** The rows of a roll-up on this page. */
    public List<BudgetRollup.Row> rows(BudgetRollup r) {
        Paging p = rowPages.get(r.by());
        return p == null ? r.rows() : p.slice(r.rows());
    }

    /** The paging of a roll-up's rows (null: all shown). */
    public Paging paging(BudgetRollup r) {
        return rowPages.get(r.by());
    }

    /** This page with the roll-up {@code by} (or, by "page", the project list) on page {@code page}. */
    public String link(String by, int page) {
        List<Object> pairs = new java.util.ArrayList<>();
        for (String r : ROLLUPS) {
            Paging p = rowPages.get(r);
            int n = r.equals(by) ? page : p == null ? 1 : p.page();
            pairs.add(parameter(r));
            pairs.add(n == 1 ? null : n);
        }
        int projectPage = "page".equals(by) ? page : projectPaging.page();
        pairs.add("page");
        pairs.add(projectPage == 1 ? null : projectPage);
        String anchor = "page".equals(by) ? "#rollup-projects" : "#rollup-" + by;
        return kusari.web.Links.withQuery(kusari.web.Links.budgets(workspace.slug()), pairs.toArray()) + anchor;
    }

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
