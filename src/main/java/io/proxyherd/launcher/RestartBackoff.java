package io.proxyherd.launcher;

import java.time.Duration;

/**
 * How long {@code herd up --restart} waits before starting a node that died again: {@code first}, doubling at each
 * death up to {@code max}, and back to {@code first} once the node has served for {@code resetAfter}. Times are
 * {@link System#nanoTime()} readings passed in, so the rule is tested without waiting.
 */
final class RestartBackoff {

    static final RestartBackoff DEFAULT =
            new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(2));

    private final Duration first;
    private final Duration max;
    private final Duration resetAfter;
    private Duration next;
    private long servingSince;
    private boolean serving;

    RestartBackoff(Duration first, Duration max, Duration resetAfter) {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 < first <= max, not " + first + " and " + max);
        }
        this.first = first;
        this.max = max;
        this.resetAfter = resetAfter;
        this.next = first;
    }

    /** A fresh backoff with the same settings, for one node. */
    RestartBackoff copy() {
        return new RestartBackoff(first, max, resetAfter);
    }

    /** The node serves from {@code nowNanos} on. */
    synchronized void serving(long nowNanos) {
        serving = true;
        servingSince = nowNanos;
    }

    /** The node died (or did not come up) at {@code nowNanos}: how long to wait before starting it again. */
    synchronized Duration afterDeath(long nowNanos) {
        if (serving && nowNanos - servingSince >= resetAfter.toNanos()) {
            next = first;
        }
        serving = false;
        Duration delay = next;
        next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
        return delay;
    }
}
