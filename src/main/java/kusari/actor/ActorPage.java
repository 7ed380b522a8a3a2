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
 */
public record ActorPage(Ui ui, Workspace workspace, ActorOverview overview, String personaSlug, String personaLabel,
                        List<Integer> fiscalYears, RenameForm form, String flash, List<String> readings) {

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
