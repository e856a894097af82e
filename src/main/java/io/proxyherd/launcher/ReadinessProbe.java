package io.proxyherd.launcher;

import io.proxyherd.health.HealthChecks;
import io.proxyherd.topology.NodeAddress;
import io.proxyherd.topology.Topology;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one rule for whether a node's application serves, wherever the node runs: the launcher asks it while starting a
 * node, {@code herd status} later, and the node image's HEALTHCHECK runs {@link #main}. Payara answers
 * {@code /health/ready} with UP before the WAR is deployed, so UP alone says nothing about the application: the answer
 * must also name the application's own check, and the client port must accept connections.
 */
public final class ReadinessProbe {

    private static final int TIMEOUT_MS = 2_000;

    private ReadinessProbe() {}

    /**
     * The image's HEALTHCHECK: exits 0 if the node named by HERD_NODE, asked on this machine at the ports of the given
     * herd.properties, serves; 1 with the reason if not; 2 if it cannot tell which node or where.
     */
    public static void main(String[] args) {
        String name = System.getenv("HERD_NODE");
        try {
            if (args.length != 1 || name == null || name.isBlank()) {
                throw new IllegalArgumentException("usage: HERD_NODE=NAME ReadinessProbe HERD_PROPERTIES");
            }
            NodeAddress node = Topology.load(Path.of(args[0])).node(name);
            NodeAddress here = new NodeAddress(node.name(), "127.0.0.1", node.clientPort(), node.httpPort());
            Optional<String> notReady = whyNotReady(here);
            if (notReady.isPresent()) {
                System.out.println(name + " not ready: " + notReady.get());
                System.exit(1);
            }
            System.out.println(name + " ready");
        } catch (RuntimeException e) {
            System.out.println("readiness probe failed: " + e.getMessage());
            System.exit(2);
        }
    }

    /** True once the application itself serves (see the class comment). */
    public static boolean isReady(NodeAddress address) {
        return whyNotReady(address).isEmpty();
    }

    /** Why the node does not serve yet, or empty if it does. */
    static Optional<String> whyNotReady(NodeAddress address) {
        HttpURLConnection health = null;
        try {
            // HttpURLConnection rather than java.net.http: its timeouts hold while Payara is half up.
            health = (HttpURLConnection)
                    URI.create("http://" + address.host() + ":" + address.httpPort() + "/health/ready")
                            .toURL()
                            .openConnection();
            health.setConnectTimeout(TIMEOUT_MS);
            health.setReadTimeout(TIMEOUT_MS);
            int status = health.getResponseCode();
            if (status != 200) {
                // 503: a readiness check is down, such as the flood consumer while the broker is away.
                return Optional.of("/health/ready answered " + status);
            }
            try (InputStream body = health.getInputStream()) {
                if (!new String(body.readAllBytes(), StandardCharsets.UTF_8)
                        .contains("\"" + HealthChecks.CLIENT_LISTENER + "\"")) {
                    return Optional.of("/health/ready does not name " + HealthChecks.CLIENT_LISTENER
                            + " yet (Payara is up," + " the application is not)");
                }
            }
        } catch (IOException e) {
            return Optional.of("/health/ready: " + e);
        } finally {
            if (health != null) {
                health.disconnect();
            }
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.host(), address.clientPort()), TIMEOUT_MS);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("client port " + address.clientPort() + ": " + e);
        }
    }
}
