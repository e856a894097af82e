package io.proxyherd.launcher;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxyherd.topology.Topology;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortCheckTest {

    @Test
    void aTakenPortIsNamedWithItsRole() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            Topology herd = herdWithClientPort(taken.getLocalPort());

            assertThatThrownBy(() -> PortCheck.requireFree(herd, Path.of("conf", "mine.properties")))
                    .hasMessage("ports in use: " + taken.getLocalPort() + " (A's client port)"
                            + " (stop what uses them, or change " + Path.of("conf", "mine.properties") + ")");
        }
    }

    @Test
    void freePortsPass() throws Exception {
        int free;
        try (ServerSocket probe = new ServerSocket(0)) {
            free = probe.getLocalPort();
        }
        Topology herd = herdWithClientPort(free);

        assertThatCode(() -> PortCheck.requireFree(herd, Path.of("herd.properties")))
                .doesNotThrowAnyException();
    }

    private static Topology herdWithClientPort(int clientPort) throws Exception {
        int[] others = new int[3];
        for (int i = 0; i < others.length; i++) {
            try (ServerSocket probe = new ServerSocket(0)) {
                others[i] = probe.getLocalPort();
            }
        }
        Map<String, String> settings = Map.of(
                "herd.nodes", "A",
                "herd.links", "",
                "herd.node.A.host", "localhost",
                "herd.node.A.client-port", Integer.toString(clientPort),
                "herd.node.A.http-port", Integer.toString(others[0]),
                "herd.broker.host", "localhost",
                "herd.broker.port", Integer.toString(others[1]),
                "herd.broker.backup-host", "localhost",
                "herd.broker.backup-port", Integer.toString(others[2]));
        return Topology.from(key -> Optional.ofNullable(settings.get(key)));
    }
}
