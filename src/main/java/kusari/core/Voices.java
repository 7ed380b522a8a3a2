package kusari.core;

import java.util.List;
import java.util.Map;

/**
 * The voices behind the chain: the workshop cards residents posted at a journey's steps, and those the facilitator
 * grouped into a 課題. Declared here, below every feature, so that the journey and challenge pages can show them
 * without knowing the workshop; the workshop implements it and the composition root passes it in.
 */
public interface Voices {

    /**
     * One card as a page shows it.
     *
     * @param kind     JOY (うれしい), TROUBLE (困った) or IDEA (アイデア)
     * @param workshop the workshop's title
     * @param heldOn   the workshop's date (YYYY-MM-DD), or the day it was opened when none was given
     * @param became   what the facilitator made of it (painPoint, emotionText, step, action, challenge), or null
     */
    record Voice(long card, String kind, String text, Integer emotion, int votes, String workshop, String heldOn,
                 String became) {
    }

    /** A workshop held on a journey, where voices were heard: its board's address for the facilitator. */
    record Session(String title, String heldOn, boolean open, String board) {
    }

    /** The workshops on a journey, newest first; {@code ws} is the workspace's slug, for the boards' addresses. */
    List<Session> sessions(String ws, long journeyId);

    /** The cards posted at each step of a journey, by step position, hidden and withdrawn ones left out. */
    Map<Integer, List<Voice>> ofJourney(long journeyId);

    /** The cards grouped into a challenge (by a change that still stands), most votes first. */
    List<Voice> ofChallenge(long challengeId);

    /** No voices: for an application without workshops (and pages rendered in tests). */
    Voices NONE = new Voices() {
        @Override
        public Map<Integer, List<Voice>> ofJourney(long journeyId) {
            return Map.of();
        }

        @Override
        public List<Voice> ofChallenge(long challengeId) {
            return List.of();
        }

        @Override
        public List<Session> sessions(String ws, long journeyId) {
            return List.of();
        }
    };
}
