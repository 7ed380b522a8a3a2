package kusari.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import kusari.TestApp;
import kusari.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TOTP against RFC 6238's own test vectors (Appendix B), and the second factor at sign-in. */
class TotpTest {

    static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SHA512_SEED = "1234567890123456789012345678901234567890123456789012345678901234"
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void rfc6238AppendixBVectors() {
        long[] times = {59L, 1111111109L, 1111111111L, 1234567890L, 2000000000L, 20000000000L};
        String[] sha1 = {"94287082", "07081804", "14050471", "89005924", "69279037", "65353130"};
        String[] sha256 = {"46119246", "68084774", "67062674", "91819424", "90698825", "77737706"};
        String[] sha512 = {"90693936", "25091201", "99943326", "93441116", "38618901", "47863826"};
        for (int i = 0; i < times.length; i++) {
            long step = times[i] / 30;
            assertEquals(sha1[i], Totp.code(SHA1_SEED, step, 8, "HmacSHA1"), "SHA1 at " + times[i]);
            assertEquals(sha256[i], Totp.code(SHA256_SEED, step, 8, "HmacSHA256"), "SHA256 at " + times[i]);
            assertEquals(sha512[i], Totp.code(SHA512_SEED, step, 8, "HmacSHA512"), "SHA512 at " + times[i]);
        }
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertEquals("MZXW6YTBOI", Totp.Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("foobar", new String(Totp.Base32.decode("MZXW6YTBOI"), StandardCharsets.US_ASCII));
        String secret = Totp.Base32.encode(SHA1_SEED);
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", secret);
    }

    @Test
    void aCodeIsGoodForItsStepAndTheNeighboursAndOnlyOnce() {
        String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        long now = 1111111111L;
        String code = Totp.code(SHA1_SEED, now / 30);
        assertEquals(now / 30, Totp.matchingStep(secret, code, now, null));
        assertEquals(now / 30, Totp.matchingStep(secret, code, now + 30, null), "one step late is accepted");
        assertEquals(-1, Totp.matchingStep(secret, code, now + 90, null), "three steps late is not");
        assertEquals(-1, Totp.matchingStep(secret, code, now, now / 30), "a used code is not good again");
        assertEquals(-1, Totp.matchingStep(secret, "12345", now, null));
    }

    @TempDir
    Path dir;

    @Test
    void signingInWithASecondFactorNeedsTheCodeOrARecoveryCodeOnce() {
        Database db = TestApp.freshSampleDatabase(dir);
        MutableClock clock = new MutableClock(Instant.parse("2026-05-01T00:00:00Z"));
        AccountService accounts = new AccountService(db, clock, Duration.ofMinutes(30));
        Account account = accounts.create("two-step", TestApp.PASSWORD, false);
        String secret = accounts.startTotp(account.id());
        byte[] key = Totp.Base32.decode(secret);
        List<String> recovery = accounts.confirmTotp(account.id(), Totp.code(key, clock.instant().getEpochSecond() / 30));
        assertEquals(10, recovery.size());

        clock.now = clock.now.plusSeconds(60);
        assertEquals("account.login.codeNeeded", accounts.signIn("two-step", TestApp.PASSWORD, null, "a").problem());
        assertEquals("account.login.codeWrong", accounts.signIn("two-step", TestApp.PASSWORD, "000000", "a").problem());
        String code = Totp.code(key, clock.instant().getEpochSecond() / 30);
        assertTrue(accounts.signIn("two-step", TestApp.PASSWORD, code, "a").ok());
        assertEquals("account.login.codeWrong", accounts.signIn("two-step", TestApp.PASSWORD, code, "a").problem(),
                "the same code twice is refused (replay)");
        assertTrue(accounts.signIn("two-step", TestApp.PASSWORD, recovery.get(0).toUpperCase(), "a").ok());
        assertEquals("account.login.codeWrong", accounts.signIn("two-step", TestApp.PASSWORD, recovery.get(0), "b").problem(),
                "a recovery code works once");
    }

    @Test
    void aWorkspaceCanRequireTheSecondFactorOfItsAdministrators() {
        Account admin = new Account(1, "a", false, false, false);
        Principal principal = new Principal(admin, false, null,
                java.util.Map.of(7L, new AccountRepository.Membership(Role.ADMIN, java.util.Set.of())));
        assertEquals(Role.ADMIN, principal.role(7, new AccountRepository.AccessSetting(true, false)));
        assertEquals(Role.PLANNER, principal.role(7, new AccountRepository.AccessSetting(true, true)),
                "without a second factor an administrator acts as a planner there");
        Principal withTotp = new Principal(new Account(1, "a", false, false, true), false, null, principal.memberships());
        assertEquals(Role.ADMIN, withTotp.role(7, new AccountRepository.AccessSetting(true, true)));
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void guessingTheCurrentPasswordFromASignedInSessionIsThrottledToo() {
        Database db = TestApp.freshSampleDatabase(dir);
        AccountService accounts = new AccountService(db, Clock.systemUTC(), Duration.ofMinutes(30));
        Account account = accounts.create("borrowed", TestApp.PASSWORD, false);
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT; i++) {
            int n = i;
            AccountService.AccountException e = org.junit.jupiter.api.Assertions.assertThrows(
                    AccountService.AccountException.class,
                    () -> accounts.changePassword(account.id(), "guess " + n, "a new long password", null));
            assertEquals("account.password.currentWrong", e.messageKey());
        }
        AccountService.AccountException blocked = org.junit.jupiter.api.Assertions.assertThrows(
                AccountService.AccountException.class,
                () -> accounts.changePassword(account.id(), TestApp.PASSWORD, "a new long password", null));
        assertEquals("account.login.throttled", blocked.messageKey());
        assertEquals("account.login.throttled", accounts.signIn("borrowed", TestApp.PASSWORD, null, "x").problem(),
                "the account's sign-ins wait too");
    }
}
