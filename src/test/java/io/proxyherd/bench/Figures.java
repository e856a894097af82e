package io.proxyherd.bench;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What the benchmarks share: the current time as a client writes it, percentiles, and one printed line per figure. */
final class Figures {

    private Figures() {}

    static String now() {
        Instant now = Instant.now();
        return now.getEpochSecond() + "." + String.format("%09d", now.getNano());
    }

    static long[] sorted(List<Long> values) {
        long[] array = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(array);
        return array;
    }

    /** The percentile of sorted nanosecond values. */
    static long percentile(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    static void report(String what, String format, Object... values) {
        System.out.println(String.format(Locale.ROOT, "BENCH %-55s ", what) + String.format(Locale.ROOT, format, values));
    }
}
