package io.proxyherd.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady background of one-shot IAMATs at a fixed rate, spread over the ports in turn, for a set time
 * (or until closed).
 * Each sender keeps to its own schedule: one that falls behind sends at once rather than skipping, so
 * the rate holds on average as long as the nodes keep up.
 */
final class PacedLoad implements AutoCloseable {

    /**
     * Enough that each sender's turn comes round after its exchange is done: a one-shot exchange takes
     * 1.7 ms at the one-shot run's pace and several ms while the cores are busy, and 4 senders reached
     * only 865 of the 4,797 /s asked (run S), so the "loaded" figures were taken under a fifth of the load.
     */
    private static final int SENDERS = 32;

    private final ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final long started = System.nanoTime();
    private volatile long stopped;

    private final long end;

    private PacedLoad(List<Integer> ports, double perSecond, Duration lasting) {
        end = started + lasting.toNanos();
        long intervalNanos = (long) (SENDERS * 1e9 / perSecond);
        for (int s = 0; s < SENDERS; s++) {
            long offset = s * intervalNanos / SENDERS;
            int first = s;
            pool.submit(() -> send(ports, first, offset, intervalNanos));
        }
    }

    static PacedLoad start(List<Integer> ports, double perSecond, Duration lasting) {
        return new PacedLoad(ports, perSecond, lasting);
    }

    private void send(List<Integer> ports, int first, long offset, long intervalNanos) {
        long due = started + offset;
        for (int i = first; running.get() && due < end; i += SENDERS) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
            }
            try {
                OneShotLoad.once(ports.get(i % ports.size()), LoadClients.next());
                sent.incrementAndGet();
            } catch (Exception e) {
                failed.incrementAndGet();
            }
            due += intervalNanos;
        }
    }

    /** IAMATs answered per second while it ran (so far, if it still runs). */
    double achievedPerSecond() {
        long last = Math.min(end, stopped == 0 ? System.nanoTime() : stopped);
        return sent.get() / ((last - started) / 1e9);
    }

    long failures() {
        return failed.get();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        stopped = System.nanoTime();
        pool.shutdown();
        pool.awaitTermination(15, TimeUnit.SECONDS);
    }
}
