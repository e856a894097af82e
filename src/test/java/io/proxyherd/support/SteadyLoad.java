package io.proxyherd.support;

import static org.awaitility.Awaitility.await;

import io.proxyherd.topology.Topology;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/** New clients reported at a steady rate, in turn at each of some nodes, each on its own kept connection. */
public final class SteadyLoad implements Runnable {

    private final Topology topology;
    private final List<String> nodes;
    private final int perSecond;
    private final Map<String, String> answered = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile int failed;

    private SteadyLoad(Topology topology, List<String> nodes, int perSecond) {
        this.topology = topology;
        this.nodes = nodes;
        this.perSecond = perSecond;
        this.thread = new Thread(this, "steady-load");
    }

    /** Starts reporting {@code perSecond} new clients a second, in turn at each of {@code nodes}. */
    public static SteadyLoad start(Topology topology, List<String> nodes, int perSecond) {
        SteadyLoad load = new SteadyLoad(topology, nodes, perSecond);
        load.thread.start();
        return load;
    }

    @Override
    public void run() {
        Map<String, LineConnection> connections = new HashMap<>();
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long next = System.nanoTime();
        try {
            for (int sent = 0; running.get(); sent++) {
                LockSupport.parkNanos(next - System.nanoTime());
                next += interval;
                String node = nodes.get(sent % nodes.size());
                String client = "steady-" + sent;
                try {
                    LineConnection connection = connections.get(node);
                    if (connection == null) {
                        connection = new LineConnection(topology.node(node).clientPort());
                        connections.put(node, connection);
                    }
                    String reply = connection
                            .ask("IAMAT " + client + " +34.068930-118.445127 " + now())
                            .strip();
                    if (reply.startsWith("AT " + node + " ")) {
                        answered.put(client, reply);
                    } else {
                        failed++;
                    }
                } catch (IOException e) {
                    // Not answered, so not owed to anyone: counted, and the connection made again.
                    failed++;
                    closeQuietly(connections.remove(node));
                }
            }
        } finally {
            connections.values().forEach(SteadyLoad::closeQuietly);
        }
    }

    private static void closeQuietly(LineConnection connection) {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (IOException alreadyBroken) {
            // Nothing left to release.
        }
    }

    public int answered() {
        return answered.size();
    }

    public int failed() {
        return failed;
    }

    public void awaitAnswered(int count) {
        await("the steady load has " + count + " answers")
                .atMost(Duration.ofMinutes(2))
                .until(() -> answered.size() >= count);
    }

    /** Stops the load and returns each client it reported with the AT line it was answered. */
    public Map<String, String> stop() throws InterruptedException {
        running.set(false);
        thread.join();
        return Map.copyOf(answered);
    }

    private static String now() {
        Instant now = Instant.now();
        return now.getEpochSecond() + "." + String.format(Locale.ROOT, "%09d", now.getNano());
    }
}
