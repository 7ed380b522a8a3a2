package kusari.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@link #PER_ACCOUNT} failed sign-ins of one account name, or
 * {@link #PER_ADDRESS} from one address, within {@link #WINDOW}, further attempts are refused (without checking
 * the password) until the oldest failure leaves the window. A success clears the account's failures. Counted in
 * memory: a restart forgets them, which an attacker cannot cause from outside.
 */
public final class LoginThrottle {

    static final int PER_ACCOUNT = 5;
    static final int PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** True when a sign-in for this account name from this address may be tried now. */
    public boolean allowed(String name, String address) {
        return count("a:" + key(name)) < PER_ACCOUNT && count("ip:" + address) < PER_ADDRESS;
    }

    public void failed(String name, String address) {
        add("a:" + key(name));
        add("ip:" + address);
    }

    public void succeeded(String name) {
        failures.remove("a:" + key(name));
    }

    private static String key(String name) {
        return name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private int count(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            Instant cutoff = clock.instant().minus(WINDOW);
            while (!times.isEmpty() && times.peekFirst().isBefore(cutoff)) {
                times.pollFirst();
            }
            return times.size();
        }
    }

    private void add(String key) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
            while (times.size() > 100) {
                times.pollFirst();
            }
        }
    }
}
