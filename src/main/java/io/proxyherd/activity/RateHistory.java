package io.proxyherd.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Counts of each {@link Count} per wall-clock second over the last minute, in a ring of one slot per
 * second. Recording is lock-free: a slot is replaced, not cleared, when its second comes round again.
 */
public final class RateHistory {

    public static final int SECONDS = 60;

    private final AtomicReferenceArray<Slot> slots = new AtomicReferenceArray<>(SECONDS);

    /** One second of the history: when it began (epoch ms) and what happened in it, by flow. */
    public record Second(long startMillis, long[] counts) {

        public long count(Count flow) {
            return counts[flow.ordinal()];
        }
    }

    private record Slot(long second, AtomicLongArray counts) {}

    public void record(Count flow, long count, long nowMillis) {
        long second = Math.floorDiv(nowMillis, 1000);
        int index = (int) Math.floorMod(second, SECONDS);
        Slot slot = slots.get(index);
        while (slot == null || slot.second() < second) {
            Slot fresh = new Slot(second, new AtomicLongArray(Count.values().length));
            if (slots.compareAndSet(index, slot, fresh)) {
                slot = fresh;
            } else {
                slot = slots.get(index);
            }
        }
        if (slot.second() == second) {
            slot.counts().addAndGet(flow.ordinal(), count);
        }
    }

    /** The last {@link #SECONDS} seconds, oldest first, the current (unfinished) second last. */
    public List<Second> history(long nowMillis) {
        long now = Math.floorDiv(nowMillis, 1000);
        List<Second> seconds = new ArrayList<>(SECONDS);
        for (long second = now - SECONDS + 1; second <= now; second++) {
            seconds.add(new Second(second * 1000, counts(second)));
        }
        return seconds;
    }

    /** The mean per second over the {@code seconds} finished seconds before the current one. */
    public double rate(Count flow, int seconds, long nowMillis) {
        long now = Math.floorDiv(nowMillis, 1000);
        long sum = 0;
        for (long second = now - seconds; second < now; second++) {
            sum += counts(second)[flow.ordinal()];
        }
        return (double) sum / seconds;
    }

    private long[] counts(long second) {
        long[] counts = new long[Count.values().length];
        Slot slot = slots.get((int) Math.floorMod(second, SECONDS));
        if (slot != null && slot.second() == second) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] = slot.counts().get(i);
            }
        }
        return counts;
    }
}
