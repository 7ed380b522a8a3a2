package kusari.workshop;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kusari.web.EventHub;

/**
 * The newest events of each live workshop, kept in memory so that a card is read from the database once and not
 * once per phone: after a commit the workshop's tail is marked stale ({@link #changed}); the first stream that then
 * asks reads what is new, and every other stream is answered from memory. A stream further behind than the tail
 * (a phone reconnecting after a long while) is answered from the database, which holds every event.
 */
final class EventTail {

    /** Events kept per workshop; when there are more, the older half goes (those streams read the database). */
    static final int KEEP = 4 * EventHub.PAGE;

    private final WorkshopRepository workshops;
    // a workshop no stream asked about for an hour is forgotten (its events stay in the database)
    private final Cache<Long, Tail> tails = Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(1))
            .maximumSize(200).build();

    EventTail(WorkshopRepository workshops) {
        this.workshops = workshops;
    }

    /** After a commit that stored events of the workshop: the next read fetches them. */
    void changed(long workshopId) {
        Tail t = tails.getIfPresent(workshopId);
        if (t != null) {
            t.stale = true;
        }
    }

    /** The workshop's events after {@code after}, oldest first, at most {@link EventHub#PAGE}. */
    List<EventHub.Event> after(long workshopId, long after) {
        return tails.get(workshopId, id -> new Tail(id, workshops.lastEvent(id))).after(after);
    }

    private final class Tail {
        final long workshopId;
        /** Every event with an id above this is in {@link #events} (once not stale). */
        long base;
        final ArrayList<EventHub.Event> events = new ArrayList<>();
        // a new tail is stale: an event committed while it was being made is read at its first use
        volatile boolean stale = true;

        Tail(long workshopId, long base) {
            this.workshopId = workshopId;
            this.base = base;
        }

        synchronized List<EventHub.Event> after(long after) {
            if (stale) {
                // cleared before reading, so a commit during the read marks it stale again
                stale = false;
                long last = events.isEmpty() ? base : events.get(events.size() - 1).id();
                List<EventHub.Event> fresh;
                do {
                    fresh = workshops.events(workshopId, last);
                    events.addAll(fresh);
                    if (!fresh.isEmpty()) {
                        last = fresh.get(fresh.size() - 1).id();
                    }
                } while (fresh.size() >= EventHub.PAGE);
                if (events.size() > KEEP) {
                    List<EventHub.Event> old = events.subList(0, events.size() - KEEP / 2);
                    base = old.get(old.size() - 1).id();
                    old.clear();
                }
            }
            if (after < base) {
                return workshops.events(workshopId, after);
            }
            int from = firstAfter(after);
            return List.copyOf(events.subList(from, Math.min(events.size(), from + EventHub.PAGE)));
        }

        private int firstAfter(long id) {
            int lo = 0;
            int hi = events.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (events.get(mid).id() <= id) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
