package kusari.change;

import kusari.core.ForbiddenChangeException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Who is making changes on this thread, and what they may change.
 *
 * <p>Why a thread-local rather than an {@code author} parameter on every {@link EditService} method: every write
 * (forms, JSON API, journey map, revert, import, chain-check dismissals) ends in {@link ChangeLog#record} inside
 * its own transaction, but reaches it through a dozen service methods and three packages. Threading an author
 * argument through all of them would touch every signature and every caller, and a forgotten overload would
 * silently write "local". Instead the web layer sets the author once per request (kusari.account.Authorizer,
 * a before-handler, cleared in an after-handler and in a {@code finally} of {@link #as}), and the one place that
 * writes history reads it. The same place asks the author's {@link ChangeGuard} whether this change is theirs
 * to make (a department member may change only their own actors' actions), so no write path can skip the check.
 * Javalin runs a request's before-handlers, handler and after-handlers on one thread, which makes this safe.
 * Outside a request (the command line, the first-start import) the author is {@link ChangeLog#LOCAL_USER}.
 */
public final class Authors {

    /** The author of changes and the check of what they may change. */
    public record Author(String name, ChangeGuard guard) {
        public static Author unrestricted(String name) {
            return new Author(name, ChangeGuard.ANYTHING);
        }
    }

    /** Refuses a change its author may not make (by throwing {@link ForbiddenChangeException}). */
    @FunctionalInterface
    public interface ChangeGuard {
        ChangeGuard ANYTHING = (c, change) -> { };

        void check(Connection c, Change change) throws SQLException;
    }

    private static final ThreadLocal<Author> CURRENT = new ThreadLocal<>();

    private Authors() {
    }

    /** The author of changes made on this thread now. */
    public static Author current() {
        Author author = CURRENT.get();
        return author != null ? author : Author.unrestricted(ChangeLog.LOCAL_USER);
    }

    public static void set(Author author) {
        if (author == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(author);
        }
    }

    public static void clear() {
        CURRENT.remove();
    }

    /** Runs {@code work} as {@code author} (tests, command-line tools), restoring the previous author after. */
    public static <T> T as(Author author, Supplier<T> work) {
        Author before = CURRENT.get();
        set(author);
        try {
            return work.get();
        } finally {
            set(before);
        }
    }
}
