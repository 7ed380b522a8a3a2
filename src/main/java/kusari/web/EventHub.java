package kusari.web;

import io.javalin.http.sse.SseClient;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Live push without losing anything: the events themselves are stored by their feature (written in the same
 * transaction as what they tell of, with increasing ids); the hub only wakes the streams of a channel after the
 * commit, and each stream reads what it has not yet sent from its {@link Source}, after its last id. A client
 * that reconnects with {@code Last-Event-ID} resumes from there, and a restarted server has all events still.
 * Knows no feature: a channel is a name such as {@code workshop:12}.
 */
public final class EventHub {

    /** One stored event: its id (the SSE id), its name and its JSON data. */
    public record Event(long id, String type, String data) {

        /** An event this stream passes over (not for this client): the stream moves past it, sending nothing. */
        public static Event skipped(long id) {
            return new Event(id, null, null);
        }
    }

    /** The stored events of one channel after an id, oldest first, at most {@link #PAGE} of them. */
    @FunctionalInterface
    public interface Source {
        List<Event> after(long id);
    }

    /** The most events a {@link Source} gives at once; a stream given this many asks again at once. */
    public static final int PAGE = 1000;
    /** The most streams one client (a phone's cookie, an account, an address) keeps open; older ones are closed. */
    public static final int STREAMS_PER_CLIENT = 4;
    /** A comment this often keeps proxies and phones from closing a quiet stream. */
    static final long KEEP_ALIVE_SECONDS = 15;

    private final Map<String, Set<Stream>> channels = new ConcurrentHashMap<>();
    private final Map<String, Deque<Stream>> byClient = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "kusari-events");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kusari-events-keepalive");
        t.setDaemon(true);
        return t;
    });

    public EventHub() {
        ticker.scheduleAtFixedRate(this::keepAlive, KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Keeps {@code client} open on {@code channel}: first what was stored after {@code lastId} (the request's
     * Last-Event-ID, else {@code after}), then every event the channel is woken for.
     */
    public void open(SseClient client, String channel, String clientKey, long after, Source source) {
        long lastId = startAfter(client, after);
        Stream stream = new Stream(client, channel, clientKey, source, lastId);
        client.keepAlive();
        client.onClose(() -> remove(stream));
        channels.computeIfAbsent(channel, k -> ConcurrentHashMap.newKeySet()).add(stream);
        Deque<Stream> mine = byClient.computeIfAbsent(clientKey, k -> new ArrayDeque<>());
        Stream dropped = null;
        synchronized (mine) {
            mine.addLast(stream);
            if (mine.size() > STREAMS_PER_CLIENT) {
                dropped = mine.pollFirst();
            }
        }
        if (dropped != null) {
            dropped.client.close();
        }
        client.sendComment("open");
        stream.schedule();
    }

    /** Where a stream starts: after the request's Last-Event-ID (a reconnecting client), else after {@code after}. */
    public static long startAfter(SseClient client, long after) {
        String header = client.ctx().header("Last-Event-ID");
        if (header != null) {
            try {
                return Math.max(0, Long.parseLong(header.strip()));
            } catch (NumberFormatException ignored) {
                // a made-up id: start from what the page knew
            }
        }
        return after;
    }

    /** After a commit: every stream of the channel sends what it has not sent yet. */
    public void wake(String channel) {
        Set<Stream> streams = channels.get(channel);
        if (streams != null) {
            streams.forEach(Stream::schedule);
        }
    }

    /**
     * After a commit that may concern every channel (a change to the chain: the streams of open journey pages):
     * each stream asks its source, which answers nothing when the change was not its own.
     */
    public void wakeAll() {
        channels.values().forEach(streams -> streams.forEach(Stream::schedule));
    }

    /** The channel ended (a workshop closed): its streams send what is left, then close. */
    public void end(String channel) {
        Set<Stream> streams = channels.remove(channel);
        if (streams != null) {
            streams.forEach(s -> senders.execute(() -> {
                s.drain();
                s.client.close();
            }));
        }
    }

    /** Closes every stream and ends the hub's threads (the server is stopping). */
    public void close() {
        ticker.shutdownNow();
        for (Set<Stream> streams : channels.values()) {
            for (Stream s : streams) {
                try {
                    s.client.close();
                } catch (RuntimeException gone) {
                    // already gone with its connection
                }
            }
        }
        channels.clear();
        senders.shutdownNow();
    }

    /** How many streams are open on a channel (tests and the benchmark). */
    public int streams(String channel) {
        Set<Stream> streams = channels.get(channel);
        return streams == null ? 0 : streams.size();
    }

    private void keepAlive() {
        for (Set<Stream> streams : channels.values()) {
            for (Stream s : streams) {
                try {
                    if (s.client.terminated()) {
                        remove(s);
                    } else {
                        s.client.sendComment("keep-alive");
                    }
                } catch (RuntimeException gone) {
                    // the phone went away between two keep-alives
                    remove(s);
                }
            }
        }
    }

    private void remove(Stream stream) {
        Set<Stream> streams = channels.get(stream.channel);
        if (streams != null) {
            streams.remove(stream);
        }
        Deque<Stream> mine = byClient.get(stream.clientKey);
        if (mine != null) {
            synchronized (mine) {
                mine.remove(stream);
                if (mine.isEmpty()) {
                    byClient.remove(stream.clientKey, mine);
                }
            }
        }
    }

    private final class Stream {
        final SseClient client;
        final String channel;
        final String clientKey;
        final Source source;
        final AtomicBoolean pending = new AtomicBoolean();
        long lastId;

        Stream(SseClient client, String channel, String clientKey, Source source, long lastId) {
            this.client = client;
            this.channel = channel;
            this.clientKey = clientKey;
            this.source = source;
            this.lastId = lastId;
        }

        /** At most one send is waiting per stream: wakes that come during a send are folded into the next read. */
        void schedule() {
            if (pending.compareAndSet(false, true)) {
                senders.execute(() -> {
                    pending.set(false);
                    drain();
                });
            }
        }

        synchronized void drain() {
            if (client.terminated()) {
                remove(this);
                return;
            }
            try {
                // a source gives at most PAGE events at a time: a stream that fell behind reads on until it has all,
                // or the rest would wait for the next wake, which may never come
                List<Event> batch;
                do {
                    batch = source.after(lastId);
                    for (Event e : batch) {
                        if (e.type() != null) {
                            client.sendEvent(e.type(), e.data(), Long.toString(e.id()));
                        }
                        lastId = e.id();
                    }
                } while (batch.size() >= PAGE);
            } catch (RuntimeException e) {
                client.close();
                remove(this);
            }
        }
    }
}
