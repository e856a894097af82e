package io.proxyherd.flood;

import io.proxyherd.protocol.AtLine;
import io.proxyherd.protocol.IAmAt;
import io.proxyherd.protocol.Request;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What one update costs a forwarding node, in this JVM's CPU time: decoding it from a batch, offering it to
 * the registry, encoding it again for the next hop; and how much heap each client the registry knows keeps.
 * Prints figures, asserts none. Not in the normal suite (the name does not end in Test). The nodes run C1
 * only, so run it the same way, with a fixed heap touched in advance (a growing heap's page faults count as
 * the thread's CPU time and swamp the figures):
 * {@code ./mvnw -B test -Dtest=FloodCostBenchmark -DargLine="-XX:TieredStopAtLevel=1 -Xms2g -Xmx2g -XX:+AlwaysPreTouch"
 * [-Dflood.clients=200000]}.
 */
class FloodCostBenchmark {

    private static final int CLIENTS = Integer.getInteger("flood.clients", 200_000);
    private static final int BATCH = 100;
    private static final ThreadMXBean THREAD_CPU = ManagementFactory.getThreadMXBean();

    @Test
    void costPerUpdate() throws Exception {
        FloodCodec codec = new FloodCodec(new BatchBounds(BATCH, 96 * 1024));
        List<byte[]> bodies = codec.encode(updates(CLIENTS));
        for (int round = 0; round < 5; round++) {
            run(codec, bodies); // warm-up
        }
        for (int round = 1; round <= 5; round++) {
            System.out.println("round " + round + ": " + run(codec, bodies));
        }
        System.out.printf(
                "registry: %d bytes of heap per client known (%,d clients)%n", heapPerClient(bodies), CLIENTS);
    }

    private static String run(FloodCodec codec, List<byte[]> bodies) throws MalformedFloodMessage {
        long decode = 0;
        long offer = 0;
        long encode = 0;
        LocationRegistry registry = new LocationRegistry();
        for (byte[] body : bodies) {
            long started = THREAD_CPU.getCurrentThreadCpuTime();
            List<Update> updates = FloodCodec.decode(body);
            long decoded = THREAD_CPU.getCurrentThreadCpuTime();
            List<Update> news = new ArrayList<>(updates.size());
            for (Update update : updates) {
                if (registry.offer(update.line())) {
                    news.add(update);
                }
            }
            long offered = THREAD_CPU.getCurrentThreadCpuTime();
            codec.encode(news);
            encode += THREAD_CPU.getCurrentThreadCpuTime() - offered;
            offer += offered - decoded;
            decode += decoded - started;
        }
        return String.format(
                "per update: decode %.2f µs, registry offer %.2f µs, encode %.2f µs",
                decode / 1e3 / CLIENTS, offer / 1e3 / CLIENTS, encode / 1e3 / CLIENTS);
    }

    private static long heapPerClient(List<byte[]> bodies) throws MalformedFloodMessage {
        long before = usedAfterGc();
        LocationRegistry registry = new LocationRegistry();
        for (byte[] body : bodies) {
            for (Update update : FloodCodec.decode(body)) {
                registry.offer(update.line());
            }
        }
        long after = usedAfterGc();
        if (registry.size() != CLIENTS) {
            throw new IllegalStateException(registry.size() + " clients known of " + CLIENTS);
        }
        return (after - before) / CLIENTS;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static List<Update> updates(int count) {
        List<Update> updates = new ArrayList<>(count);
        Instant received = Instant.parse("2026-12-02T09:00:00.123456789Z");
        for (int i = 0; i < count; i++) {
            String iamat = String.format(
                    "IAMAT bench-client-%d +34.%06d-118.%06d 1764666000.%09d",
                    i, i % 1_000_000, (i * 7) % 1_000_000, i);
            IAmAt request = (IAmAt) Request.parse(iamat);
            updates.add(new Update(AtLine.stamp("Welsh", received, request), received.toEpochMilli()));
        }
        return updates;
    }
}
