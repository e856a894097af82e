package io.proxyherd.support;

import io.proxyherd.launcher.HerdFiles;
import io.proxyherd.launcher.LocalHerd;
import io.proxyherd.topology.NodeAddress;
import io.proxyherd.topology.Topology;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The herd the console tests share: the broker and five nodes of console/herd.properties (client ports
 * 14000-14004, HTTP 14080-14084, broker 63616), offline Places, and a console login. Started by the
 * first test class that asks for it and stopped when the test JVM ends, so every console IT class in
 * one failsafe run uses the same herd.
 *
 * <pre>{@code
 * @ExtendWith(ConsoleHerd.class)
 * class SomeIT {
 *     @BeforeAll
 *     static void herd(ConsoleHerd.Running herd) { ... }
 * }
 * }</pre>
 *
 * A class that stops a node must start it again ({@link Running#restart}) before it ends.
 */
public final class ConsoleHerd implements ParameterResolver {

    /** The console login every node of this herd is started with. */
    public static final String USER = "console-test";

    public static final String PASSWORD = "not-a-real-secret";

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Running.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.create(ConsoleHerd.class))
                .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class);
    }

    /** The running herd, as the tests see it. */
    public static final class Running implements ExtensionContext.Store.CloseableResource {

        private final Path config;
        private final LocalHerd herd;

        private Running(Path config, LocalHerd herd) {
            this.config = config;
            this.herd = herd;
        }

        static Running start() {
            try {
                Path config = Path.of(ConsoleHerd.class
                        .getResource("/console/herd.properties")
                        .toURI());
                Path state = Path.of("target", "console-it");
                HerdFiles files = HerdFiles.inCheckout(Path.of("").toAbsolutePath())
                        .withConfig(config)
                        .withState(state.resolve("data"), state.resolve("logs"));
                // No Places key: WHATSAT answers from the offline set shipped with the project.
                LocalHerd herd = LocalHerd.start(
                        files,
                        Map.of(
                                "PLACES_API_KEY",
                                "",
                                "PLACES_PROVIDER",
                                "offline",
                                "HERD_CONSOLE_USER",
                                USER,
                                "HERD_CONSOLE_PASSWORD",
                                PASSWORD),
                        START_TIMEOUT,
                        node -> {});
                return new Running(config, herd);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            } catch (Exception e) {
                throw new IllegalStateException("the console herd did not start: " + e.getMessage(), e);
            }
        }

        /** console/herd.properties, as a path (for the command line's --config, say). */
        public Path config() {
            return config;
        }

        public Topology topology() {
            return herd.topology();
        }

        public List<String> nodeNames() {
            return topology().nodes().stream().map(NodeAddress::name).toList();
        }

        public NodeAddress node(String name) {
            return topology().node(name);
        }

        /** {@code http://host:port<path>} of the node. */
        public URI uri(String node, String path) {
            NodeAddress address = node(node);
            return URI.create("http://" + address.host() + ":" + address.httpPort() + path);
        }

        /** The Authorization header value that opens the console. */
        public String authorization() {
            return "Basic "
                    + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        }

        /** Stops one node as an operator would; the others keep running. */
        public void stop(String node) {
            herd.stop(node);
        }

        /** Starts a stopped node again and waits until it serves (readiness included). */
        public void restart(String node) throws InterruptedException {
            herd.restart(node, START_TIMEOUT);
        }

        /** The broker itself, to compare what the API reports with what the broker holds. */
        public BrokerInspection broker() {
            return BrokerInspection.of(herd.broker());
        }

        public boolean isRunning(String node) {
            return herd.nodes().stream()
                    .anyMatch(process -> process.address().name().equals(node));
        }

        @Override
        public void close() {
            herd.close();
        }
    }
}
