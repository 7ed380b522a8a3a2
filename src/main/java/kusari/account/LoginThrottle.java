package kusari.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Slows down password guessing: after {@link #PER_ACCOUNT} failed sign-ins of one account name, or
 * {@link #PER_ADDRESS} from one address, within {@link #WINDOW}, further attempts are refused (without checking
 * the password) until the oldest failure leaves the window. A success clears the account's failures. Counted in
 * memory: a restart forgets them, which an attacker cannot cause from outside.
 *
 * <p>Memory stays bounded under a flood of made-up names or addresses: the failures of a name or an address are
 * forgotten {@link #WINDOW} after its latest failure (they no longer count by then), and each of the two tables
 * keeps at most {@link #MAX_ENTRIES} of them. Names and addresses are kept apart so that a flood of addresses
 * (cheap with IPv6) cannot push out the failures of an account being guessed; when a table is full, Caffeine keeps
 * the entries used most often, such as that account's, and drops the one-off ones.
 */
public final class LoginThrottle {

    static final int PER_ACCOUNT = 5;
    static final int PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int MAX_ENTRIES = 10_000;

    /** Only the newest failures decide: fewer than the limit in the window is all that is asked. */
    private static final int KEPT = Math.max(PER_ACCOUNT, PER_ADDRESS);

    private final Clock clock;
    private final Cache<String, List<Instant>> accounts;
    private final Cache<String, List<Instant>> addresses;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
        this.accounts = table(clock);
        this.addresses = table(clock);
    }

    private static Cache<String, List<Instant>> table(Clock clock) {
        return Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .expireAfterWrite(WINDOW)
                // the throttle's clock, so that expiry and the window agree (and tests can move time)
                .ticker(() -> {
                    Instant now = clock.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
                // eviction runs in the thread that signs in, not later on a pool: the bound holds at once
                .executor(Runnable::run)
                .build();
    }

    /** True when a sign-in for this account name from this address may be tried now. */
    public boolean allowed(String name, String address) {
        return count(accounts, key(name)) < PER_ACCOUNT && count(addresses, String.valueOf(address)) < PER_ADDRESS;
    }

    public void failed(String name, String address) {
        add(accounts, key(name));
        add(addresses, String.valueOf(address));
    }

    public void succeeded(String name) {
        accounts.invalidate(key(name));
    }

    /** How many names and addresses are remembered now (after pending evictions). */
    long entries() {
        accounts.cleanUp();
        addresses.cleanUp();
        return accounts.estimatedSize() + addresses.estimatedSize();
    }

    private static String key(String name) {
        return name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private int count(Cache<String, List<Instant>> table, String key) {
        List<Instant> times = table.getIfPresent(key);
        if (times == null) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(WINDOW);
        int n = 0;
        for (Instant t : times) {
            if (!t.isBefore(cutoff)) {
                n++;
            }
        }
        return n;
    }

    private void add(Cache<String, List<Instant>> table, String key) {
        // A new list each time (never changed in place): readers see a whole one, and the write restarts the expiry.
        table.asMap().compute(key, (k, old) -> {
            Instant now = clock.instant();
            Instant cutoff = now.minus(WINDOW);
            List<Instant> times = new ArrayList<>(KEPT);
            if (old != null) {
                for (Instant t : old.subList(Math.max(0, old.size() - (KEPT - 1)), old.size())) {
                    if (!t.isBefore(cutoff)) {
                        times.add(t);
                    }
                }
            }
            times.add(now);
            return List.copyOf(times);
        });
    }
}
