package io.proxyherd.launcher;

import io.proxyherd.topology.NodeAddress;
import io.proxyherd.topology.Topology;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds out before anything starts whether a port the herd needs is taken, and by which role. */
final class PortCheck {

    private PortCheck() {}

    /** The broker's port and every node's. */
    static void requireFree(Topology topology, Path config) {
        Map<Integer, String> roles = new LinkedHashMap<>(brokerPort(topology));
        topology.nodes().forEach(node -> roles.putAll(nodePorts(node)));
        requireFree(roles, config);
    }

    static void requireNodePortsFree(NodeAddress node, Path config) {
        requireFree(nodePorts(node), config);
    }

    private static Map<Integer, String> brokerPort(Topology topology) {
        return Map.of(topology.broker().port(), "the broker port");
    }

    private static Map<Integer, String> nodePorts(NodeAddress node) {
        Map<Integer, String> roles = new LinkedHashMap<>();
        roles.put(node.clientPort(), node.name() + "'s client port");
        roles.put(node.httpPort(), node.name() + "'s HTTP port");
        return roles;
    }

    /** Each port with the role it would have, as a message names it. */
    static void requireFree(Map<Integer, String> roles, Path config) {
        List<String> taken = new ArrayList<>();
        roles.forEach((port, role) -> check(port, role, taken));
        if (!taken.isEmpty()) {
            throw new IllegalStateException(
                    "ports in use: " + String.join(", ", taken) + " (stop what uses them, or change " + config + ")");
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
