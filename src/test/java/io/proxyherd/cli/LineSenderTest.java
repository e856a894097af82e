package io.proxyherd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxyherd.topology.NodeAddress;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSenderTest {

    private final LineSender sender = new LineSender(Duration.ofSeconds(2), Duration.ofSeconds(5));

    @Test
    void sendsEveryLineOnOneConnectionAndReadsUntilTheNodeCloses() throws Exception {
        try (LineStub stub = new LineStub()) {
            List<String> replies = new ArrayList<>();

            sender.exchange(node(stub.port()), List.of("first line", "bad line", "third"), replies::add);

            assertThat(replies).containsExactly("ECHO first line", "? bad line", "ECHO third");
            assertThat(stub.received()).containsExactly("first line", "bad line", "third");
            assertThat(stub.connections()).isEqualTo(1);
        }
    }

    @Test
    void aRefusedConnectionIsOneLineNamingTheNodeAndWhere() throws Exception {
        int port = unusedPort();

        assertThatThrownBy(() -> sender.exchange(node(port), List.of("hello"), reply -> {}))
                .isInstanceOf(ConnectException.class)
                .hasMessage("cannot connect to Stub at localhost:" + port + ": Connection refused")
                .hasNoCause();
    }

    static NodeAddress node(int port) {
        return new NodeAddress("Stub", "localhost", port, 1);
    }

    static int unusedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
