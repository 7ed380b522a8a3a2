package kusari.challenge;

import java.util.List;
import kusari.challenge.ChallengeRepository.ChallengeSummary;
import kusari.core.Paging;
import kusari.core.Workspace;
import kusari.core.Ui;

/** The numbered challenges with how far each reaches: one page of them when there are more than a page holds. */
public record ChallengeListPage(Ui ui, Workspace workspace, List<ChallengeSummary> challenges, Paging paging) {

    /** Challenges on one page: a real strategy has a few dozen; a joint vision may have hundreds. */
    public static final int PER_PAGE = 200;

    /** Another page of the list. */
    public String pageLink(int page) {
        return kusari.web.Links.withQuery(kusari.web.Links.challenges(workspace.slug()), "page", page == 1 ? null : page);
    }
}
