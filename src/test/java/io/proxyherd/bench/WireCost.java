package io.proxyherd.bench;

import io.proxyherd.support.NodeMetrics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What flooding puts on the wire, from every node's counters read before and after a load run (once the
 * herd has drained): updates sent (each counted once per neighbour), JMS messages, and their body bytes.
 */
final class WireCost {

    static final String UPDATES = "herd_flood_out_total";
    static final String MESSAGES = "herd_flood_messages_out_total";
    static final String BYTES = "herd_flood_bytes_out_total";
    private static final List<String> COUNTERS = List.of(UPDATES, MESSAGES, BYTES);

    private final Map<String, Double> totals;

    private WireCost(Map<String, Double> totals) {
        this.totals = totals;
    }

    /** The three counters summed over every node. */
    static WireCost read(BenchHerd herd) throws Exception {
        Map<String, Double> totals = new HashMap<>();
        for (String node : herd.nodeNames()) {
            NodeMetrics metrics = herd.metrics(node);
            COUNTERS.forEach(counter -> totals.merge(counter, metrics.counter(counter), Double::sum));
        }
        return new WireCost(totals);
    }

    /** What happened between {@code before} and this reading. */
    Delta since(WireCost before) {
        return new Delta(difference(before, UPDATES), difference(before, MESSAGES), difference(before, BYTES));
    }

    private double difference(WireCost before, String counter) {
        return totals.get(counter) - before.totals.get(counter);
    }

    /** Counter increments over a run; a counter the nodes do not fill yet stays at 0. */
    record Delta(double updates, double messages, double bytes) {

        String updatesPer(long iamats) {
            return per(updates, iamats, "%.2f");
        }

        String messagesPer(long iamats) {
            return per(messages, iamats, "%.2f");
        }

        String bytesPer(long iamats) {
            return per(bytes, iamats, "%.0f");
        }

        /** Updates per message: how many updates a flood message carries on average. */
        String batchSize() {
            return messages == 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f", updates / messages);
        }

        private static String per(double count, long iamats, String format) {
            return count == 0 || iamats == 0 ? "n/a" : String.format(java.util.Locale.ROOT, format, count / iamats);
        }
    }
}
