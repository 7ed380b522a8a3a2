package kusari.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kusari.account.AccountService.AccountException;
import kusari.db.Database;

/**
 * The optional second factor: a TOTP secret in an authenticator app (each code good once), set up in two steps
 * so a secret is in force only once a code from it was confirmed, and ten recovery codes for a lost phone.
 */
final class SecondFactor {

    private final Database database;
    private final Clock clock;

    SecondFactor(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** A TOTP code (each good once) or an unused recovery code. */
    boolean accepts(long accountId, String code) {
        if (code == null || code.isBlank()) {
            return false;
        }
        return database.inTransaction(c -> {
            String secret = AccountRepository.totpSecret(c, accountId).orElse(null);
            if (secret == null) {
                return true;
            }
            long step = Totp.matchingStep(secret, code, clock.instant().getEpochSecond(),
                    AccountRepository.totpLastStep(c, accountId));
            if (step >= 0) {
                AccountRepository.totpUsed(c, accountId, step);
                return true;
            }
            return AccountRepository.useRecoveryCode(c, accountId, Tokens.sha256(normaliseRecovery(code)), clock.instant());
        });
    }

    private static String normaliseRecovery(String code) {
        return code.strip().toLowerCase(Locale.ROOT).replace(" ", "");
    }

    /** Starts setting up TOTP: a new secret, not in force until a code from it is confirmed. */
    String start(long accountId) {
        String secret = Totp.newSecret();
        database.inTransaction(c -> {
            AccountRepository.setTotpPending(c, accountId, secret);
            return null;
        });
        return secret;
    }

    Optional<String> pending(long accountId) {
        return database.read(c -> AccountRepository.totpPending(c, accountId));
    }

    /** Confirms the pending secret with a code from it; returns the ten recovery codes (shown once). */
    List<String> confirm(long accountId, String code) {
        String pending = pending(accountId).orElseThrow(() -> new AccountException("account.totp.notStarted"));
        long step = Totp.matchingStep(pending, code, clock.instant().getEpochSecond(), null);
        if (step < 0) {
            throw new AccountException("account.login.codeWrong");
        }
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            codes.add(Tokens.recoveryCode());
        }
        database.inTransaction(c -> {
            AccountRepository.confirmTotp(c, accountId, step);
            AccountRepository.replaceRecoveryCodes(c, accountId, codes.stream().map(Tokens::sha256).toList());
            return null;
        });
        return codes;
    }

    /** Turns the second factor off; the caller has checked the password. */
    void remove(long accountId) {
        database.inTransaction(c -> {
            AccountRepository.removeTotp(c, accountId);
            return null;
        });
    }
}
