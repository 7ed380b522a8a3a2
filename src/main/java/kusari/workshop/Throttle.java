package kusari.workshop;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * At most {@code limit} events per key within {@code window} (the pattern of the sign-in throttle): wrong join
 * codes per address, cards per participant. Counted in memory with a bounded Caffeine table; a restart forgets.
 */
final class Throttle {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Cache<String, Deque<Instant>> table;

    Throttle(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.table = Caffeine.newBuilder().maximumSize(10_000).expireAfterAccess(window).executor(Runnable::run).build();
    }

    /** True while fewer than the limit were counted in the window. */
    boolean allowed(String key) {
        Deque<Instant> times = table.getIfPresent(key);
        if (times == null) {
            return true;
        }
        synchronized (times) {
            prune(times);
            return times.size() < limit;
        }
    }

    void count(String key) {
        Deque<Instant> times = table.get(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times);
            times.addLast(clock.instant());
        }
    }

    /** Counts and answers whether it was still within the limit. */
    boolean take(String key) {
        Deque<Instant> times = table.get(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times);
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(clock.instant());
            return true;
        }
    }

    private void prune(Deque<Instant> times) {
        Instant oldest = clock.instant().minus(window);
        while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) {
            times.pollFirst();
        }
    }
}
