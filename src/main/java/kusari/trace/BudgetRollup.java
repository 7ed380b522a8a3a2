package kusari.trace;

import java.util.List;

/**
 * Budgets (事業費見込, thousand yen) summed per group: per challenge, per persona or per policy field. A project
 * serving one group is counted in that group's row; a project serving several groups is counted once, in the
 * {@code shared} row, and each group row says how many shared projects it also touches. So the rows add up to the
 * total and no project is ever counted twice within one roll-up.
 *
 * @param by         CHALLENGE, PERSONA or POLICY_FIELD
 * @param years      the plan period's fiscal years (the columns)
 * @param rows       one per group, in the group's order
 * @param shared     projects serving two or more groups, each once (null when there are none)
 * @param unassigned projects serving no group (null when there are none)
 * @param total      every project of the roll-up, each once
 */
public record BudgetRollup(String by, List<Integer> years, List<Row> rows, Row shared, Row unassigned, Row total) {

    /**
     * @param projects        projects counted in this row
     * @param sharedProjects  projects this group shares with others (counted in the shared row, not here)
     * @param byYear          amounts in the order of {@code years}
     */
    public record Row(String code, String title, String href, int projects, int sharedProjects, List<Long> byYear,
                      long total) {
    }
}
