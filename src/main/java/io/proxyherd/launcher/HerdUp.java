package io.proxyherd.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** The README's first command: brings up the local herd, says where each node serves, stops it on Ctrl-C. */
public final class HerdUp {

    private HerdUp() {}

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    public static void main(String[] args) throws InterruptedException, IOException {
        int exitCode = run(HerdFiles.inCheckout(Path.of("").toAbsolutePath()), false, false);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /**
     * Brings up the herd of these files and returns once Ctrl-C has stopped it (0), or at once with 1
     * if it did not come up. While it runs, {@code herd stop|kill|start|restart|status} drive it through its
     * control socket in the data folder; with {@code restartDied}, a node that dies is started again after a backoff.
     * With {@code withBackup}, a primary and a backup broker run as processes of their own, and the nodes move to the
     * backup when the primary dies.
     */
    public static int run(HerdFiles files, boolean restartDied, boolean withBackup)
            throws InterruptedException, IOException {
        if (!withBackup) {
            // The brokers of a pair write their own logs.
            BrokerLog.writeTo(files.logs().resolve("broker.log"));
        }
        long started = System.nanoTime();
        System.out.println("Starting the " + (withBackup ? "primary and backup brokers" : "broker")
                + " and the herd's nodes" + " (logs in " + files.logs() + ") ...");
        LocalHerd herd;
        try {
            herd = LocalHerd.start(
                    files,
                    withBackup,
                    Map.of(),
                    START_TIMEOUT,
                    node -> System.out.printf(
                            Locale.ROOT,
                            "  %-8s ready   client port %d   http://%s:%d/   after %.1f s%n",
                            node.address().name(),
                            node.address().clientPort(),
                            node.address().host(),
                            node.address().httpPort(),
                            seconds(started)));
        } catch (Exception e) {
            System.err.println("The herd did not come up: " + e.getMessage());
            return 1;
        }
        HerdLifecycle lifecycle = new HerdLifecycle(
                herd, restartDied, RestartBackoff.DEFAULT, START_TIMEOUT, System.out::println, System.err::println);
        ControlSocket control;
        try {
            control = ControlSocket.open(files.data(), request -> act(lifecycle, request));
        } catch (IOException | RuntimeException e) {
            System.err.println("The herd's control socket did not open: " + e.getMessage());
            lifecycle.close();
            herd.close();
            return 1;
        }
        System.out.printf(
                Locale.ROOT,
                "Herd up in %.1f s: %d nodes, %s (journal in %s). Ctrl-C stops it.%n",
                seconds(started),
                herd.nodes().size(),
                brokers(herd),
                files.data().resolve("broker"));
        if (herd.hasBackupBroker()) {
            herd.brokerPair()
                    .primary()
                    .onExit(code -> System.out.printf(
                            "The primary broker has exited (code %d); the backup takes over on %s.%n",
                            code, herd.topology().backupBroker()));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("Stopping the herd ...");
                            control.close();
                            lifecycle.close();
                            herd.close();
                            System.out.println("Stopped.");
                            stopped.countDown();
                        },
                        "herd-shutdown"));
        stopped.await();
        return 0;
    }

    /** The control socket's requests, as the lifecycle's actions. */
    private static String act(HerdLifecycle lifecycle, ControlRequest request) throws InterruptedException {
        return switch (request.verb()) {
            case STOP -> lifecycle.stop(request.node());
            case KILL -> lifecycle.kill(request.node());
            case START -> lifecycle.start(request.node());
            case RESTART -> lifecycle.restart(request.node());
            case STATUS -> NodeState.format(lifecycle.states());
        };
    }

    private static String brokers(LocalHerd herd) {
        if (!herd.hasBackupBroker()) {
            return "broker on " + herd.topology().broker();
        }
        BrokerPair pair = herd.brokerPair();
        return String.format(
                Locale.ROOT,
                "primary broker on %s (pid %d), backup waiting to serve on %s (pid %d)",
                herd.topology().broker(),
                pair.primary().pid(),
                herd.topology().backupBroker(),
                pair.backup().pid());
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
