package kusari.challenge;

import java.util.List;
import kusari.challenge.ChallengeRepository.LinkedProject;
import kusari.challenge.ChallengeQueries.SpannedStep;
import kusari.indicator.Indicator;
import kusari.core.Workspace;
import kusari.core.Ui;
import kusari.core.Voices;

/** One challenge: its evidence, approaches, action indicators, the steps it spans and the projects answering it. */
public record ChallengePage(Ui ui, Workspace workspace, Challenge challenge, List<String> evidence,
                            List<String> approaches, List<Indicator> actionIndicators, List<SpannedStep> steps,
                            List<LinkedProject> projects, List<String> readings, List<Voices.Voice> voices) {
}
