package kusari.trace;

/**
 * The columns of a trace, left to right in the order of the chain: whose experience, where it breaks, what the
 * problem is called, what is promised and funded, where that sits in the strategy, and how it is measured.
 */
public enum Layer {
    PERSONA, STEP, CHALLENGE, ACTION_INDICATOR, PROJECT, NODE, INDICATOR
}
