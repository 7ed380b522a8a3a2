package kusari.trace;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import kusari.core.StoredCode;

/**
 * Every way the chain can break, in the order the chain check reports them. The code is stored as a workspace's
 * check setting (chain_check_setting.check_kind) and heads the key of a dismissed break.
 */
public enum BreakKind implements StoredCode {
    /** A troubled step (score below 0) where no actor acts. */
    TROUBLED_STEP_NO_ACTOR(true),
    /** A troubled step that no challenge covers. */
    TROUBLED_STEP_NO_CHALLENGE(true),
    /** Two or more troubled steps in a row: a broken stretch of the chain. */
    BROKEN_STRETCH(true),
    /** Consecutive steps where the acting actors change and no challenge or project spans both. */
    HANDOFF_GAP(true),
    CHALLENGE_NO_PROJECT(false),
    CHALLENGE_NO_ACTION_INDICATOR(false),
    /** A project that serves no challenge, and so no persona: no resident in sight. */
    PROJECT_NO_CHALLENGE(false),
    PROJECT_NO_LEAD(false),
    /** A project without a budget for one or more fiscal years of the plan period. */
    PROJECT_NO_BUDGET(false),
    INDICATOR_NO_BASELINE(false),
    INDICATOR_NO_TARGET(false),
    /** An indicator with no actual for the last completed fiscal year of the plan period. */
    INDICATOR_NO_ACTUAL(false);

    private final boolean journeyLevel;

    /**
     * How the chain check page arranges the kinds: first the breaks residents feel, then the links between
     * challenges and projects, then housekeeping (missing leads, budgets and values), collapsed with its counts.
     */
    public enum Group {
        RESIDENTS(false), LINKS(false), HOUSEKEEPING(true);

        private final boolean collapsed;

        Group(boolean collapsed) {
            this.collapsed = collapsed;
        }

        public boolean collapsed() {
            return collapsed;
        }

        public List<BreakKind> kinds() {
            return java.util.Arrays.stream(BreakKind.values()).filter(k -> k.group() == this).toList();
        }

        public String messageKey() {
            return "chain.group." + name();
        }
    }

    public Group group() {
        if (journeyLevel) {
            return Group.RESIDENTS;
        }
        return switch (this) {
            case CHALLENGE_NO_PROJECT, CHALLENGE_NO_ACTION_INDICATOR, PROJECT_NO_CHALLENGE -> Group.LINKS;
            default -> Group.HOUSEKEEPING;
        };
    }

    BreakKind(boolean journeyLevel) {
        this.journeyLevel = journeyLevel;
    }

    /** True for breaks that sit on a journey's steps (these make up the journey's chain score). */
    public boolean journeyLevel() {
        return journeyLevel;
    }

    /**
     * True for breaks that only mean something once the plan has personas: those on journeys' steps, and a
     * project serving no challenge (no resident in sight), which every project of a plan without personas is.
     */
    public boolean presumesPersonas() {
        return journeyLevel || this == PROJECT_NO_CHALLENGE;
    }

    @Override
    @JsonValue
    public String code() {
        return name();
    }

    /** The title of the check, e.g. 困った場面に行動する主体がいない. */
    @Override
    public String messageKey() {
        return "chain.kind." + name();
    }
}
