package kusari.files;

import java.util.List;

/**
 * An upload or folder that is not imported at all, because it is unsafe or not a workspace archive (an entry
 * escaping the target folder, a symlink, a zip bomb, a stray file). Carries a message key of the resource bundles
 * so that the web page and the command line can each say it in their language; nothing was written.
 */
public class ArchiveRefused extends RuntimeException {

    private final String messageKey;
    private final List<Object> args;

    public ArchiveRefused(String messageKey, Object... args) {
        super(messageKey + " " + List.of(args));
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.toArray();
    }
}
