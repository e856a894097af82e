package io.proxyherd.launcher;

import io.proxyherd.topology.BrokerAddress;
import io.proxyherd.topology.NodeAddress;
import io.proxyherd.topology.Topology;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code herd node NAME}: one node of the configuration in the foreground, against the broker the
 * configuration names or another one, so that a herd can be spread over machines that share
 * {@code server-config/}. Runs until the node exits, or stops it on Ctrl-C or SIGTERM.
 */
public final class SingleNode {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private SingleNode() {}

    /**
     * The node's broker account: HERD_BROKER_USER and HERD_BROKER_PASSWORD if set (the node inherits them), else the
     * node's account in the data folder's accounts, which {@code herd broker} made (copy that file to the node's
     * machine, or set the two variables), else none, for a broker that asks for none.
     */
    static Map<String, String> credentials(HerdFiles files, String name) throws IOException {
        if (System.getenv("HERD_BROKER_USER") != null) {
            return Map.of();
        }
        return BrokerAccounts.inFolder(files.data())
                .map(accounts -> accounts.environmentOf(name))
                .orElse(Map.of());
    }

    /**
     * Starts the node and returns its exit code once it has stopped: 0 after a requested stop, the node's
     * own code if it died, 1 if it did not come up.
     */
    public static int run(HerdFiles given, String name, Optional<BrokerAddress> broker)
            throws IOException, InterruptedException {
        HerdFiles files = broker.isPresent() ? given.withConfig(withBroker(given, name, broker.get())) : given;
        files.requireBuilt();
        Topology topology = Topology.load(files.config());
        NodeAddress address = topology.node(name);
        PortCheck.requireNodePortsFree(address, files.config());
        long started = System.nanoTime();
        System.out.printf(
                "Starting %s against the broker at %s:%d (log in %s) ...%n",
                name,
                topology.broker().host(),
                topology.broker().port(),
                files.logs().resolve(name + ".log"));
        NodeProcess node = NodeProcess.start(address, files, credentials(files, name));
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stopping.set(true);
                            System.out.println("Stopping " + name + " ...");
                            node.close();
                        },
                        "node-shutdown"));
        long deadline = started + START_TIMEOUT.toNanos();
        while (!node.isReady()) {
            Optional<String> notDeployed = node.deploymentFailure();
            if (notDeployed.isPresent()) {
                System.err.println(name + " stopped: " + notDeployed.get() + " (see " + node.log() + ")");
                node.close();
                return 1;
            }
            if (!node.isAlive() || System.nanoTime() > deadline) {
                String why = node.isAlive()
                        ? "not serving after " + START_TIMEOUT.toMinutes() + " min"
                        : "exited with code " + node.exitCode();
                System.err.println(name + " did not come up: " + why + "; its last lines:");
                node.logTail(15).forEach(line -> System.err.println("  " + line));
                node.close();
                return 1;
            }
            Thread.sleep(100);
        }
        System.out.printf(
                Locale.ROOT,
                "%s ready   client port %d   http://%s:%d/   after %.1f s. Ctrl-C stops it.%n",
                name,
                address.clientPort(),
                address.host(),
                address.httpPort(),
                (System.nanoTime() - started) / 1e9);
        int code = node.waitFor();
        if (stopping.get()) {
            return 0;
        }
        System.err.println(name + " stopped unexpectedly (exit code " + code + "); see " + node.log());
        return code == 0 ? 1 : code;
    }

    /** A copy of the configuration (and its logging.properties) naming the given broker instead. */
    private static Path withBroker(HerdFiles files, String name, BrokerAddress broker) throws IOException {
        return ConfigCopy.write(
                files.config(),
                files.nodeData(name).resolve("config"),
                files.config() + " with the broker at " + broker.host() + ":" + broker.port(),
                (key, value) -> switch (key) {
                    case "herd.broker.host" -> broker.host();
                    case "herd.broker.port" -> Integer.toString(broker.port());
                    default -> value;
                });
    }
}
