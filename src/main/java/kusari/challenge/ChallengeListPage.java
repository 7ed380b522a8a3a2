package kusari.challenge;

import java.util.List;
import kusari.challenge.ChallengeRepository.ChallengeSummary;
import kusari.core.Workspace;
import kusari.core.Ui;

/** The numbered challenges with how far each reaches. */
public record ChallengeListPage(Ui ui, Workspace workspace, List<ChallengeSummary> challenges) {
}
