package io.proxyherd.launcher;

import io.proxyherd.topology.NodeAddress;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Asks a node, wherever it runs, whether its application serves: the launcher while starting it, the status command later. */
public final class ReadinessProbe {

    /** The name of the application's own readiness check (see ListenerReadiness). */
    private static final String READINESS_CHECK = "\"client-listener\"";

    private ReadinessProbe() {}

    /**
     * True once the application itself serves: its readiness checks are up (the client listener is bound
     * and the broker counts a consumer on the node's queue) and its client port accepts connections.
     * Payara answers /health/ready with UP before the WAR is deployed, so UP alone says nothing about the
     * application.
     */
    public static boolean isReady(NodeAddress address) {
        try {
            // HttpURLConnection rather than java.net.http: its timeouts hold while Payara is half up.
            HttpURLConnection health = (HttpURLConnection) URI.create(
                    "http://" + address.host() + ":" + address.httpPort() + "/health/ready").toURL().openConnection();
            health.setConnectTimeout(2_000);
            health.setReadTimeout(2_000);
            try (InputStream body = health.getInputStream()) {
                String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                return health.getResponseCode() == 200 && text.contains(READINESS_CHECK) && acceptsClients(address);
            } finally {
                health.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean acceptsClients(NodeAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.host(), address.clientPort()), 2_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
