package io.proxyherd.activity;

import io.proxyherd.places.PlacesListener;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * What this node has done: totals since start, counts per second over the last minute, and latency
 * percentiles over the last minute. The boundaries (listener, message-driven bean, publisher, Places
 * decorators) report to it; the console reads {@link #snapshot()}.
 */
public final class NodeActivity implements PlacesListener {

    /** The seconds the API's rates average over. */
    public static final int RATE_SECONDS = 10;
    /** How many of the latest unreadable flood messages the node keeps to show. */
    public static final int RECENT_UNREADABLE = 10;

    private final Clock clock;
    private final ActivitySink sink;
    private final Map<Count, LongAdder> totals = new EnumMap<>(Count.class);
    private final Map<Timing, LatencyWindow> latencies = new EnumMap<>(Timing.class);
    private final RateHistory history = new RateHistory();
    private final Deque<UnreadableMessage> unreadable = new ArrayDeque<>(RECENT_UNREADABLE);

    /** Everything at one moment. */
    public record Snapshot(
            long takenAt,
            Map<Count, Long> totals,
            Map<Count, Double> rates,
            Map<Timing, LatencyWindow.Summary> latencies,
            List<RateHistory.Second> history,
            List<UnreadableMessage> recentUnreadable) {}

    public NodeActivity(Clock clock, ActivitySink sink) {
        this.clock = clock;
        this.sink = sink;
        for (Count count : Count.values()) {
            totals.put(count, new LongAdder());
        }
        for (Timing timing : Timing.values()) {
            latencies.put(timing, new LatencyWindow());
        }
    }

    public void count(Count count) {
        count(count, 1);
    }

    public void count(Count count, long n) {
        if (n <= 0) {
            return;
        }
        totals.get(count).add(n);
        history.record(count, n, clock.millis());
        sink.counted(count, n);
    }

    public void time(Timing timing, long nanos) {
        latencies.get(timing).record(nanos, clock.millis());
        sink.timed(timing, nanos);
    }

    /** A flooded update taken off this node's queue, stamped by its origin at {@code stampedAtMillis} (0: unknown). */
    public void floodReceived(long stampedAtMillis) {
        count(Count.FLOOD_IN);
        if (stampedAtMillis > 0) {
            time(Timing.FLOOD_DELIVERY, TimeUnit.MILLISECONDS.toNanos(Math.max(0, clock.millis() - stampedAtMillis)));
        }
    }

    /** A flood message that cannot be read, at its first delivery: counted, and kept among the latest few. */
    public void unreadableFloodMessage(String from, String messageId, String problem) {
        count(Count.FLOOD_UNREADABLE);
        synchronized (unreadable) {
            if (unreadable.size() == RECENT_UNREADABLE) {
                unreadable.removeLast();
            }
            unreadable.addFirst(new UnreadableMessage(clock.millis(), from, messageId, problem));
        }
    }

    @Override
    public void cacheLookup(boolean hit) {
        count(hit ? Count.CACHE_HITS : Count.CACHE_MISSES);
    }

    @Override
    public void called(boolean succeeded) {
        count(Count.PLACES_CALLS);
        if (!succeeded) {
            count(Count.PLACES_FAILURES);
        }
    }

    public Snapshot snapshot() {
        long now = clock.millis();
        Map<Count, Long> sums = new EnumMap<>(Count.class);
        totals.forEach((count, adder) -> sums.put(count, adder.sum()));
        Map<Count, Double> rates = new EnumMap<>(Count.class);
        for (Count count : Count.FLOWS) {
            rates.put(count, history.rate(count, RATE_SECONDS, now));
        }
        Map<Timing, LatencyWindow.Summary> summaries = new EnumMap<>(Timing.class);
        latencies.forEach((timing, window) -> summaries.put(timing, window.summary(now)));
        List<UnreadableMessage> recent;
        synchronized (unreadable) {
            recent = List.copyOf(unreadable);
        }
        return new Snapshot(now, sums, rates, summaries, history.history(now), recent);
    }
}
