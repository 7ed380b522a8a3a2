package kusari.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import kusari.account.AccountService.AccountException;
import kusari.db.DataAccessException;
import kusari.db.Database;

/**
 * API tokens: what scripts and other systems use instead of a session (a department's monthly import of actual
 * values). The token is shown once; only its hash is kept, and it works only while its account is enabled.
 */
final class ApiTokens {

    private final Database database;
    private final Clock clock;

    ApiTokens(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** A new API token: the returned text is shown once; only its hash is kept. */
    String create(long accountId, String label) {
        String token = Tokens.random("kst_");
        String l = label == null || label.isBlank() ? "token" : label.strip();
        if (l.length() > 100) {
            throw new AccountException("account.token.labelTooLong");
        }
        database.inTransaction(c -> AccountRepository.insertToken(c, accountId, l, Tokens.sha256(token), clock.instant()));
        return token;
    }

    /** The enabled account a token belongs to; notes when the token was last used. */
    Optional<Account> account(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        String hash = Tokens.sha256(token);
        Optional<Account> account = database.read(c -> AccountRepository.accountOfToken(c, hash)
                .flatMap(id -> {
                    try {
                        return AccountRepository.byId(c, id);
                    } catch (java.sql.SQLException e) {
                        throw new DataAccessException(e);
                    }
                })).filter(a -> !a.disabled());
        account.ifPresent(a -> database.inTransaction(c -> {
            AccountRepository.tokenUsed(c, hash, clock.instant());
            return null;
        }));
        return account;
    }

    List<AccountRepository.TokenRow> of(long accountId) {
        return database.read(c -> AccountRepository.tokens(c, accountId));
    }

    boolean revoke(long accountId, long tokenId) {
        return database.inTransaction(c -> AccountRepository.revokeToken(c, accountId, tokenId, clock.instant())) == 1;
    }
}
