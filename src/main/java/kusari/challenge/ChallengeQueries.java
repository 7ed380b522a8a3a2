package kusari.challenge;

import java.util.List;

/** What other features read of challenges (課題): those a project answers, and the steps each spans. */
public interface ChallengeQueries {

    /** A step a challenge spans, with the journey and persona it belongs to. */
    record SpannedStep(String personaSlug, String personaLabel, String journeySlug, String journeyTitle,
                              int position, String title, String emotionText, int emotionScore, String painPoint) {
    }

    /** A challenge that a project answers, with the link's basis. */
    record LinkedChallenge(Challenge challenge, LinkBasis basis, String note) {
    }

    /** The steps a challenge spans, in journey order. */
    List<SpannedStep> findSteps(long challengeId);

    /** The challenges a project answers, with each link's basis. */
    List<LinkedChallenge> findByProject(long projectId);
}
