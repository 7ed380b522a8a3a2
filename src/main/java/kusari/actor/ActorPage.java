package kusari.actor;

import java.util.List;
import java.util.Map;
import kusari.core.Workspace;
import kusari.core.Ui;

/**
 * One actor's page: summary, steps by journey, hand-offs, indicators, name history and the rename form.
 *
 * @param personaSlug   only that persona's steps are shown (the matrix cell's link), or null
 * @param personaLabel  that persona's label, for the notice
 * @param flash         a one-time message after a rename, or null
 * @param readings      the transcriber's readings of the actor (e.g. two maps' names merged into one)
 * @param dueYear       the fiscal year whose due indicators are listed: the chosen one, else the current one
 */
public record ActorPage(Ui ui, Workspace workspace, ActorOverview overview, String personaSlug, String personaLabel,
                        List<Integer> fiscalYears, RenameForm form, String flash, List<String> readings,
                        int dueYear) {

    /** A project of the department: one it leads (★), or one answering a challenge of its steps. */
    public record OurProject(String code, String name, boolean led) {
    }

    /**
     * An indicator of the department due in {@link #dueYear}: its target falls in that year, or the yearly review
     * asks for the previous year's actual (a year of the plan) and none is entered yet.
     */
    public record Due(ActorOverview.Measure measure, boolean targetYear, boolean actualMissing) {
    }

    /** The projects it leads first, then the others its steps' challenges lead to, each once, by code. */
    public List<OurProject> projects() {
        Map<String, OurProject> byCode = new java.util.TreeMap<>();
        for (var g : overview.journeys()) {
            for (var s : g.steps()) {
                for (var p : s.projects()) {
                    byCode.merge(p.project().code(), new OurProject(p.project().code(), p.project().name(),
                            p.ledByActor()), (a, b) -> a.led() ? a : b);
                }
            }
        }
        for (var p : overview.ledProjects()) {
            byCode.put(p.code(), new OurProject(p.code(), p.name(), true));
        }
        return byCode.values().stream().sorted(java.util.Comparator.comparing((OurProject p) -> !p.led())).toList();
    }

    public List<Due> due() {
        int reviewed = dueYear - 1;
        boolean actualExpected = reviewed >= workspace.planFrom() && reviewed <= workspace.planTo();
        List<Due> due = new java.util.ArrayList<>();
        for (var m : overview.indicators()) {
            var i = m.progress().indicator();
            var latest = m.progress().latest();
            boolean target = i.targetFiscalYear() != null && i.targetFiscalYear() == dueYear;
            boolean missing = actualExpected && (latest == null || latest.fiscalYear() < reviewed);
            if (target || missing) {
                due.add(new Due(m, target, missing));
            }
        }
        return due;
    }

    /** The rename form's values and messages (field name → message). */
    public record RenameForm(String name, String fromFiscalYear, long version, Map<String, String> errors,
                             String conflict) {
        public String error(String field) {
            return errors.getOrDefault(field, "");
        }

        public boolean hasErrors() {
            return !errors.isEmpty() || conflict != null;
        }
    }

    public Actor actor() {
        return overview.actor();
    }

    /** Another page of the actor's steps, with the same persona and fiscal year. */
    public String stepPageLink(int page) {
        return kusari.web.Links.withQuery(kusari.web.Links.actor(workspace.slug(), overview.actor().id()),
                "fy", overview.fiscalYear(), "persona", personaSlug, "page", page == 1 ? null : page) + "#steps";
    }
}
