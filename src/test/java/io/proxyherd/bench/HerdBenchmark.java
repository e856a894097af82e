package io.proxyherd.bench;

import static io.proxyherd.bench.Figures.now;
import static io.proxyherd.bench.Figures.percentile;
import static io.proxyherd.bench.Figures.report;
import static io.proxyherd.bench.Figures.sorted;
import io.proxyherd.launcher.HerdFiles;
import io.proxyherd.launcher.LocalHerd;
import io.proxyherd.launcher.NodeProcess;
import io.proxyherd.support.LineConnection;
import io.proxyherd.support.OneShotClient;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The herd's figures, printed, never asserted: herd start-up time, memory per node, one-shot IAMAT
 * throughput on one node, flood convergence from Welsh to Hands, how long a restarted node takes to
 * learn back what the herd knows, and 10,000 open connections on one node. Run with {@code ./mvnw verify -Pbenchmark}.
 */
class HerdBenchmark {

    private static final int CLIENTS = Integer.getInteger("bench.clients", 16);
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup-seconds", 30));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
    private static final int SAMPLES = Integer.getInteger("bench.convergence-samples", 300);
    private static final int CONNECTIONS = Integer.getInteger("bench.connections", 10_000);
    /** Numbers every one-shot client's id, across runs of the load, so each IAMAT reports a client of its own. */
    private static final AtomicLong SEQUENCE = new AtomicLong();

    @Test
    void printFigures() throws Exception {
        Path state = Path.of("target", "herd-bench");
        HerdFiles files = HerdFiles.inCheckout(Path.of("").toAbsolutePath()).withState(state.resolve("data"), state.resolve("logs"));
        {
            long started = System.nanoTime();
            // No Places key: a WHATSAT then answers at once (REQUEST_DENIED), so polling Hands measures
            // flooding alone, not a Places round trip.
            try (LocalHerd herd = LocalHerd.start(files, Map.of("PLACES_API_KEY", ""), Duration.ofMinutes(5), node -> {})) {
                report("herd up (broker + " + herd.nodes().size() + " nodes, each serving)", "%.1f s", seconds(started));
                for (NodeProcess node : herd.nodes()) {
                    report("RSS after start, " + node.address().name(), "%d MB", node.residentKib() / 1024);
                }
                int welsh = herd.topology().node("Welsh").clientPort();
                int hands = herd.topology().node("Hands").clientPort();

                // Five JVMs share two cores: let the JIT compilers finish before measuring anything.
                long[] warmUp = oneShotIamats(welsh, WARM_UP);
                awaitQuiet(herd);
                long[] convergence = convergence(welsh, hands, SAMPLES);
                report("IAMAT at Welsh visible at Hands (idle herd), p50 / p99 / max", "%.1f / %.1f / %.1f ms",
                        percentile(convergence, 50) / 1e6, percentile(convergence, 99) / 1e6,
                        convergence[convergence.length - 1] / 1e6);

                long[] latencies = oneShotIamats(welsh, MEASURE);
                long loaded = System.nanoTime();
                report("one-shot IAMAT at Welsh, " + CLIENTS + " clients", "%.0f /s", latencies.length / (double) MEASURE.toSeconds());
                report("  reply latency p50 / p99", "%.2f / %.2f ms", percentile(latencies, 50) / 1e6, percentile(latencies, 99) / 1e6);
                awaitQuiet(herd);
                report("  every update flooded to every node after", "%.1f s more", seconds(loaded));

                // Each one-shot IAMAT and each convergence sample reported a client of its own.
                catchUp(herd, welsh, hands, warmUp.length + SAMPLES + latencies.length);
                openConnections(welsh, CONNECTIONS, herd.node("Welsh"));
                for (NodeProcess node : herd.nodes()) {
                    report("RSS after the run, " + node.address().name(), "%d MB", node.residentKib() / 1024);
                }
            }
        }
    }

    /** Waits until no node's queue holds a message: the herd has taken in every update. */
    private static void awaitQuiet(LocalHerd herd) throws InterruptedException {
        while (herd.nodes().stream().anyMatch(node -> herd.broker().messagesWaitingFor(node.address().name()) > 0)) {
            Thread.sleep(20);
        }
    }

    /** Clients in the graders' style, as fast as they can for the duration; returns each reply's latency. */
    private static long[] oneShotIamats(int port, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            results.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                while (running.get()) {
                    long sent = System.nanoTime();
                    String reply = OneShotClient.exchange(port, "IAMAT bench-" + client + "-" + SEQUENCE.incrementAndGet()
                            + " +34.068930-118.445127 " + now());
                    if (!reply.startsWith("AT ")) {
                        throw new IllegalStateException("unexpected reply " + reply);
                    }
                    latencies.add(System.nanoTime() - sent);
                }
                return latencies;
            }));
        }
        Thread.sleep(duration.toMillis());
        running.set(false);
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> result : results) {
            all.addAll(result.get());
        }
        pool.shutdown();
        return sorted(all);
    }

    /** For each sample: an IAMAT at one node, then WHATSAT at another until it answers with that line. */
    private static long[] convergence(int origin, int observer, int samples) throws Exception {
        List<Long> times = new ArrayList<>();
        try (LineConnection reporter = new LineConnection(origin); LineConnection asker = new LineConnection(observer)) {
            for (int i = 0; i < samples; i++) {
                String client = "converge-" + System.nanoTime();
                long sent = System.nanoTime();
                String at = reporter.ask("IAMAT " + client + " +34.068930-118.445127 " + now()).strip();
                times.add(awaitAnswered(asker, client, at, 1) - sent);
            }
        }
        return sorted(times);
    }

    /**
     * Restarts Hands once the herd knows every client the load reported, and times how long until Hands
     * answers for a client reported before it stopped, and until every catch-up answer is taken in.
     */
    private static void catchUp(LocalHerd herd, int welsh, int hands, long clientsKnown) throws Exception {
        String probe = "catch-up-probe-" + System.nanoTime();
        String at;
        try (LineConnection reporter = new LineConnection(welsh)) {
            at = reporter.ask("IAMAT " + probe + " +34.068930-118.445127 " + now()).strip();
        }
        awaitQuiet(herd);
        herd.stop("Hands");
        long started = System.nanoTime();
        herd.restart("Hands", Duration.ofMinutes(3));
        report("Hands restarted, the herd knowing " + clientsKnown + " clients; serving after", "%.1f s", seconds(started));
        try (LineConnection asker = new LineConnection(hands)) {
            // Asked less often than in the convergence samples: the node is busy taking in the answers.
            awaitAnswered(asker, probe, at, 10);
        }
        report("  answers for a client reported before it stopped after", "%.1f s", seconds(started));
        awaitQuiet(herd);
        report("  every catch-up answer taken in after", "%.1f s", seconds(started));
    }

    /**
     * Asks WHATSAT for the client every {@code pauseMillis} until the node answers it with the AT line;
     * returns when that line arrived (System.nanoTime).
     */
    private static long awaitAnswered(LineConnection asker, String client, String at, long pauseMillis) throws Exception {
        while (true) {
            asker.write("WHATSAT " + client + " 1 1\n");
            String first = asker.readLine();
            if (first.startsWith("?")) {
                Thread.sleep(pauseMillis);
                continue;
            }
            long answeredAt = System.nanoTime();
            asker.readUntil("\n\n");
            if (!first.strip().equals(at)) {
                throw new IllegalStateException("expected " + at + " but got " + first);
            }
            return answeredAt;
        }
    }

    /** Opens the connections, checks the node still answers on a new one and on the oldest one, closes them. */
    private static void openConnections(int port, int count, NodeProcess node) throws Exception {
        List<Socket> sockets = new ArrayList<>(count);
        long started = System.nanoTime();
        try {
            for (int i = 0; i < count; i++) {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress("localhost", port), 5_000);
                sockets.add(socket);
            }
            report(count + " connections opened at Welsh", "%.1f s", seconds(started));
            try (LineConnection fresh = new LineConnection(port)) {
                report("  a new client's IAMAT meanwhile", "%s", fresh.ask("IAMAT crowded +1+1 " + now()).startsWith("AT ") ? "answered" : "NOT answered");
            }
            Socket oldest = sockets.get(0);
            oldest.getOutputStream().write(("IAMAT oldest +1+1 " + now() + "\n").getBytes());
            oldest.setSoTimeout(10_000);
            byte[] reply = new byte[2];
            report("  the oldest connection's IAMAT", "%s", oldest.getInputStream().read(reply) > 0 && reply[0] == 'A' ? "answered" : "NOT answered");
            report("  RSS of Welsh holding them", "%d MB", node.residentKib() / 1024);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
