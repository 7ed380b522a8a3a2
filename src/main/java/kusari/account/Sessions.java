package kusari.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import kusari.db.Database;

/**
 * Sign-in sessions: a random cookie token of which only the hash is kept, over after a while unused
 * (KUSARI_SESSION_IDLE_MINUTES) and at the latest {@link #MAX_SESSION} after sign-in, however busy. A borrowed or
 * forgotten browser at the town hall does not stay signed in for days.
 */
final class Sessions {

    /** A session is over this long after sign-in, however busy. */
    static final Duration MAX_SESSION = Duration.ofHours(12);
    /** The last use is written at most this often: reading a page should not be a write each time. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Database database;
    private final Clock clock;
    private final Duration idleTimeout;

    Sessions(Database database, Clock clock, Duration idleTimeout) {
        this.database = database;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
    }

    Duration idleTimeout() {
        return idleTimeout;
    }

    /** Opens a session for an authenticated account (sessions long unused are cleared on the way). */
    String open(long accountId) {
        String token = Tokens.random("");
        database.inTransaction(c -> {
            AccountRepository.deleteSessionsSeenBefore(c, clock.instant().minus(idleTimeout));
            AccountRepository.insertSession(c, Tokens.sha256(token), accountId, clock.instant());
            return null;
        });
        return token;
    }

    /** The account of a session cookie, if the session is current; refreshes its last use. */
    Optional<Account> account(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        String hash = Tokens.sha256(token);
        Instant now = clock.instant();
        // the session and its account in one read: this runs before every request of a signed-in person
        record Found(AccountRepository.SessionRow row, Optional<Account> account) {
        }
        Found found = database.read(c -> {
            var session = AccountRepository.session(c, hash).orElse(null);
            return session == null ? null : new Found(session, AccountRepository.byId(c, session.accountId()));
        });
        if (found == null) {
            return Optional.empty();
        }
        var row = found.row();
        if (row.lastSeenAt().plus(idleTimeout).isBefore(now) || row.createdAt().plus(MAX_SESSION).isBefore(now)) {
            database.inTransaction(c -> {
                AccountRepository.deleteSession(c, hash);
                return null;
            });
            return Optional.empty();
        }
        Optional<Account> account = found.account().filter(a -> !a.disabled());
        if (account.isPresent() && row.lastSeenAt().plus(TOUCH_EVERY).isBefore(now)) {
            database.inTransaction(c -> {
                AccountRepository.touchSession(c, hash, now);
                return null;
            });
        }
        return account;
    }

    void close(String token) {
        if (token != null) {
            database.inTransaction(c -> {
                AccountRepository.deleteSession(c, Tokens.sha256(token));
                return null;
            });
        }
    }
}
