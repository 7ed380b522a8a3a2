package kusari.core;

/** A change refused because its author may not make it; nothing of it was written (its transaction rolls back). */
public final class ForbiddenChangeException extends RuntimeException {

    private final String messageKey;

    public ForbiddenChangeException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    /** The message bundle key that says why, in the user's language. */
    public String messageKey() {
        return messageKey;
    }
}
