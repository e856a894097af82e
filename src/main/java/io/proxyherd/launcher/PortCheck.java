package io.proxyherd.launcher;

import io.proxyherd.topology.NodeAddress;
import io.proxyherd.topology.Topology;
import java.io.IOException;
import java.nio.file.Path;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Finds out before anything starts whether a port the herd needs is taken, and by which role. */
final class PortCheck {

    private PortCheck() {}

    static void requireFree(Topology topology, Path config) {
        List<String> taken = new ArrayList<>();
        check(topology.brokerPort(), "the broker port", taken);
        for (NodeAddress node : topology.nodes()) {
            check(node.clientPort(), node.name() + "'s client port", taken);
            check(node.httpPort(), node.name() + "'s HTTP port", taken);
        }
        if (!taken.isEmpty()) {
            throw new IllegalStateException("ports in use: " + String.join(", ", taken)
                    + " (stop what uses them, or change " + config + ")");
        }
    }

    private static void check(int port, String role, List<String> taken) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            taken.add(port + " (" + role + ")");
        }
    }
}
