package io.proxyherd.bench;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What the benchmarks share: the current time as a client writes it, percentiles, and one printed line per figure. */
final class Figures {

    /** Where every benchmark client says it is. */
    static final String POSITION = "+34.068930-118.445127";

    private Figures() {}

    static String now() {
        Instant now = Instant.now();
        return now.getEpochSecond() + "." + String.format("%09d", now.getNano());
    }

    /** An IAMAT line for the client, stamped now, with its newline. */
    static String iamat(String clientId) {
        return "IAMAT " + clientId + " " + POSITION + " " + now() + "\n";
    }

    static long[] sorted(List<Long> values) {
        long[] array = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(array);
        return array;
    }

    /** The percentile of sorted nanosecond values. */
    static long percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1))];
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }

    static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    static void report(String what, String format, Object... values) {
        System.out.println(
                String.format(Locale.ROOT, "BENCH %-55s ", what) + String.format(Locale.ROOT, format, values));
    }
}
