package io.proxyherd.bench;

import java.time.Duration;
import java.util.List;

/**
 * What a load run measured: how many IAMATs were answered in how long, each reply's latency (sorted,
 * nanoseconds), and the AT lines of the last few replies, to check later that the herd took them in.
 */
record LoadResult(long answered, Duration elapsed, long[] sortedLatencies, List<String> lastReplies) {

    double perSecond() {
        return answered / (elapsed.toNanos() / 1e9);
    }

    /** The reply latency at the percentile, in milliseconds. */
    double millisAt(double percent) {
        return Figures.millis(Figures.percentile(sortedLatencies, percent));
    }
}
