package io.proxyherd.bench;

import io.proxyherd.launcher.ConfigCopy;
import io.proxyherd.launcher.HerdFiles;
import io.proxyherd.launcher.LocalHerd;
import io.proxyherd.launcher.NodeProcess;
import io.proxyherd.support.BrokerInspection;
import io.proxyherd.support.ConsoleClient;
import io.proxyherd.support.Folders;
import io.proxyherd.support.NodeMetrics;
import io.proxyherd.topology.NodeAddress;
import io.proxyherd.topology.Topology;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.core.server.ActiveMQServer;

/**
 * The herd the benchmark measures: server-config's herd (nodes, links, settings) with every port moved
 * up (by {@code bench.port-shift}, 3700: client ports 15700+, HTTP 15780+, broker 65316), so that
 * it does not meet a herd that tests or {@code ./herd up} run meanwhile on the same machine. No Places key: a WHATSAT then answers at once (REQUEST_DENIED), so polling a node
 * measures flooding alone, not a Places round trip.
 */
final class BenchHerd implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final LocalHerd herd;
    private final ConsoleClient console = new ConsoleClient(null);

    private BenchHerd(LocalHerd herd) {
        this.herd = herd;
    }

    /** Starts from nothing: an earlier run's registries and journal in {@code state} would be measured as if new. */
    static BenchHerd start(Path checkout, Path state, int portShift) throws Exception {
        Folders.deleteRecursively(state);
        Path config = shiftedConfig(checkout.resolve("server-config"), state.resolve("config"), portShift);
        HerdFiles files = HerdFiles.inCheckout(checkout)
                .withConfig(config)
                .withState(state.resolve("data"), state.resolve("logs"));
        return new BenchHerd(LocalHerd.start(files, Map.of("PLACES_API_KEY", ""), START_TIMEOUT, node -> {}));
    }

    /** herd.properties with every port setting moved up, and logging.properties beside it unchanged. */
    private static Path shiftedConfig(Path serverConfig, Path folder, int shift) throws IOException {
        return ConfigCopy.write(
                serverConfig.resolve("herd.properties"),
                folder,
                "server-config/herd.properties, ports moved up by " + shift + " for the benchmark",
                (key, value) ->
                        ConfigCopy.isPort(key) ? Integer.toString(Integer.parseInt(value.strip()) + shift) : value);
    }

    /** The broker, which runs in this JVM. */
    ActiveMQServer broker() {
        return herd.broker().server();
    }

    Topology topology() {
        return herd.topology();
    }

    int clientPort(String node) {
        return topology().node(node).clientPort();
    }

    List<Integer> clientPorts(List<String> nodes) {
        return nodes.stream().map(this::clientPort).toList();
    }

    List<String> nodeNames() {
        return topology().nodes().stream().map(NodeAddress::name).toList();
    }

    List<NodeProcess> processes() {
        return herd.nodes();
    }

    /** True once no herd queue on the broker holds a message: every update sent has been taken in. */
    boolean queuesEmpty() {
        return queuedMessages() == 0;
    }

    /** Messages held by the herd's queues (live and catch-up, those being delivered included), all together. */
    long queuedMessages() {
        return nodeNames().stream()
                .mapToLong(node -> BrokerInspection.of(herd.broker()).messagesWaitingFor(node))
                .sum();
    }

    void awaitQueuesEmpty() throws Exception {
        while (!queuesEmpty()) {
            Thread.sleep(50);
        }
    }

    /** How many clients the node knows, as its console API counts them (a search that matches none lists none). */
    long knownClients(String node) throws Exception {
        NodeAddress address = topology().node(node);
        URI uri = URI.create("http://" + address.host() + ":" + address.httpPort() + "/api/clients?limit=0&q=%00");
        return console.json(uri).getJsonNumber("total").longValue();
    }

    NodeMetrics metrics(String node) throws Exception {
        NodeAddress address = topology().node(node);
        return NodeMetrics.read(address.host(), address.httpPort());
    }

    void kill(String node) {
        herd.kill(node);
    }

    void restart(String node) throws InterruptedException {
        herd.restart(node, START_TIMEOUT);
    }

    @Override
    public void close() {
        herd.close();
    }
}
