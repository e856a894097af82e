package io.proxyherd.activity;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Percentiles of durations over the last minute: six 10-second slices of an HdrHistogram, so memory
 * stays fixed whatever the rate. Recording is lock-free except when a new slice begins.
 */
public final class LatencyWindow {

    static final long SLICE_MILLIS = 10_000;
    static final int SLICES = 6;

    private static final long HIGHEST_MICROS = 3_600_000_000L;
    private static final int DIGITS = 2;

    private final Recorder recorder = new Recorder(HIGHEST_MICROS, DIGITS);
    private final Histogram[] slices = new Histogram[SLICES];
    private final long[] sliceNumbers = new long[SLICES];
    private volatile long current = Long.MIN_VALUE;
    private Histogram spare;

    /** Counts, percentiles and maximum in milliseconds. */
    public record Summary(long count, double p50, double p90, double p99, double max) {}

    public LatencyWindow() {
        for (int i = 0; i < SLICES; i++) {
            slices[i] = new Histogram(HIGHEST_MICROS, DIGITS);
            sliceNumbers[i] = Long.MIN_VALUE;
        }
    }

    public void record(long nanos, long nowMillis) {
        long slice = Math.floorDiv(nowMillis, SLICE_MILLIS);
        if (slice > current) {
            advance(slice);
        }
        recorder.recordValue(Math.min(Math.max(nanos / 1_000, 0), HIGHEST_MICROS));
    }

    /** What the last minute (the current slice and the five before it) holds. */
    public synchronized Summary summary(long nowMillis) {
        advance(Math.floorDiv(nowMillis, SLICE_MILLIS));
        flush();
        Histogram sum = new Histogram(HIGHEST_MICROS, DIGITS);
        for (int i = 0; i < SLICES; i++) {
            if (sliceNumbers[i] > current - SLICES) {
                sum.add(slices[i]);
            }
        }
        if (sum.getTotalCount() == 0) {
            return new Summary(0, 0, 0, 0, 0);
        }
        return new Summary(
                sum.getTotalCount(),
                millis(sum.getValueAtPercentile(50)),
                millis(sum.getValueAtPercentile(90)),
                millis(sum.getValueAtPercentile(99)),
                millis(sum.getMaxValue()));
    }

    private synchronized void advance(long slice) {
        if (slice <= current) {
            return;
        }
        // What the recorder holds was recorded in the slice now ending.
        flush();
        current = slice;
        int index = (int) Math.floorMod(slice, SLICES);
        slices[index].reset();
        sliceNumbers[index] = slice;
    }

    private void flush() {
        spare = recorder.getIntervalHistogram(spare);
        if (current != Long.MIN_VALUE) {
            slices[(int) Math.floorMod(current, SLICES)].add(spare);
        }
    }

    private static double millis(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
