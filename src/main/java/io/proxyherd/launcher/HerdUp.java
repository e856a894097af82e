package io.proxyherd.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/** The README's first command: brings up the local herd, says where each node serves, stops it on Ctrl-C. */
public final class HerdUp {

    private HerdUp() {}

    public static void main(String[] args) throws InterruptedException, IOException {
        int exitCode = run(HerdFiles.inCheckout(Path.of("").toAbsolutePath()));
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /**
     * Brings up the herd of these files and returns once Ctrl-C has stopped it (0), or at once with 1
     * if it did not come up.
     */
    public static int run(HerdFiles files) throws InterruptedException, IOException {
        BrokerLog.writeTo(files.logs().resolve("broker.log"));
        long started = System.nanoTime();
        System.out.println("Starting the broker and the herd's nodes (logs in " + files.logs() + ") ...");
        LocalHerd herd;
        try {
            herd = LocalHerd.start(files, Map.of(), Duration.ofMinutes(3), node -> System.out.printf(Locale.ROOT,
                    "  %-8s ready   client port %d   http://%s:%d/   after %.1f s%n",
                    node.address().name(), node.address().clientPort(), node.address().host(),
                    node.address().httpPort(), seconds(started)));
        } catch (Exception e) {
            System.err.println("The herd did not come up: " + e.getMessage());
            return 1;
        }
        System.out.printf(Locale.ROOT, "Herd up in %.1f s: %d nodes, broker on %s:%d (journal in %s). Ctrl-C stops it.%n",
                seconds(started), herd.nodes().size(), herd.topology().brokerHost(), herd.topology().brokerPort(),
                files.data().resolve("broker"));
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            System.out.println("Stopping the herd ...");
            herd.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "herd-shutdown"));
        for (NodeProcess node : herd.nodes()) {
            node.onExit(code -> {
                if (!stopping.get()) {
                    System.err.println(node.address().name() + " stopped unexpectedly (exit code " + code + "); see "
                            + node.log());
                }
            });
        }
        stopped.await();
        return 0;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
