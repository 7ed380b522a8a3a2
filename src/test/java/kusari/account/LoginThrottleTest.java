package kusari.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The throttle on its own: its limits and window, and a memory bound that a flood cannot break. */
class LoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-04-01T09:00:00Z");

        void pass(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovingClock clock = new MovingClock();
    final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void anAccountWaitsUntilItsOldestFailureLeavesTheWindow() {
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT; i++) {
            assertTrue(throttle.allowed("Taro", "198.51.100.1"));
            throttle.failed("Taro", "198.51.100." + i);
            clock.pass(Duration.ofMinutes(1));
        }
        assertFalse(throttle.allowed(" taro ", "203.0.113.7"), "the name counts whatever the address and the case");
        assertTrue(throttle.allowed("jiro", "203.0.113.7"));

        // The first failure was 5 minutes ago: exactly a window old 10 minutes from now it still counts, then not.
        clock.pass(LoginThrottle.WINDOW.minusMinutes(5));
        assertFalse(throttle.allowed("taro", "203.0.113.7"));
        clock.pass(Duration.ofSeconds(1));
        assertTrue(throttle.allowed("taro", "203.0.113.7"));
    }

    @Test
    void failuresSpreadOverMoreThanOneWindowAreNotForgottenEarly() {
        // The entry expires a window after its newest failure, not after its first: the ones still in the
        // window keep counting.
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT; i++) {
            throttle.failed("taro", "198.51.100.1");
            clock.pass(LoginThrottle.WINDOW.dividedBy(LoginThrottle.PER_ACCOUNT + 1));
        }
        throttle.failed("taro", "198.51.100.1");
        assertFalse(throttle.allowed("taro", "198.51.100.1"),
                "five failures in the last window, although the first of all is older than the window");
    }

    @Test
    void aSuccessClearsTheAccountButNotTheAddress() {
        for (int i = 0; i < LoginThrottle.PER_ADDRESS; i++) {
            throttle.failed("guess" + i, "203.0.113.9");
        }
        throttle.failed("hanako", "198.51.100.2");
        throttle.succeeded("hanako");
        assertFalse(throttle.allowed("hanako", "203.0.113.9"), "the guessing address still waits");
        assertTrue(throttle.allowed("hanako", "198.51.100.2"));
    }

    @Test
    void aFloodOfDistinctAddressesAndNamesStaysWithinTheBoundAndTheThrottleStillHolds() {
        // Four failures of taro first: the account being guessed, amid a flood of one-off names and addresses.
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT - 1; i++) {
            throttle.allowed("taro", "198.51.100.1");
            throttle.failed("taro", "198.51.100.1");
        }
        int flood = 3 * LoginThrottle.MAX_ENTRIES;
        for (int i = 0; i < flood; i++) {
            String address = "2001:db8::" + Integer.toHexString(i);
            throttle.allowed("name" + i, address);
            throttle.failed("name" + i, address);
            if (i % 1000 == 0) {
                throttle.allowed("taro", "198.51.100.1");  // the guesser keeps coming back
            }
        }
        long entries = throttle.entries();
        assertTrue(entries <= 2L * LoginThrottle.MAX_ENTRIES, "names and addresses remembered: " + entries);

        throttle.failed("taro", "198.51.100.1");
        assertFalse(throttle.allowed("taro", "192.0.2.1"), "the flood did not wash out the account's failures");

        for (int i = 0; i < LoginThrottle.PER_ADDRESS; i++) {
            throttle.failed("after" + i, "192.0.2.50");
        }
        assertFalse(throttle.allowed("someone", "192.0.2.50"), "a new guessing address is held up as before");
        assertTrue(throttle.allowed("someone", "192.0.2.51"));

        clock.pass(LoginThrottle.WINDOW.plusSeconds(1));
        assertTrue(throttle.allowed("taro", "198.51.100.1"));
        assertEquals(0L, throttle.entries(), "a window after the last failure nothing is left");
    }
}
