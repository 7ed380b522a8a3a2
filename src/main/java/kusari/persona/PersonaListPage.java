package kusari.persona;

import java.util.List;
import kusari.core.Paging;
import kusari.core.Workspace;
import kusari.core.Ui;

/** The personas of a workspace as cards: one page of them when there are more than a page holds. */
public record PersonaListPage(Ui ui, Workspace workspace, List<Persona> personas, Paging paging) {

    /** Persona cards on one page: a strategy has a handful; a synthetic or joint one, thousands. */
    public static final int PER_PAGE = 200;

    /** Another page of the cards. */
    public String pageLink(int page) {
        return kusari.web.Links.withQuery(kusari.web.Links.personas(workspace.slug()), "page", page == 1 ? null : page);
    }
}
