package io.proxyherd.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxyherd.herd.Topology;
import io.proxyherd.launcher.EmbeddedBroker;
import jakarta.jms.JMSException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The management questions against a real embedded broker, and against brokers that are not there. */
class BrokerQueuesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    // Held so the setting stays: the broker's audit log would print every management question.
    private static final Logger AUDIT = Logger.getLogger("org.apache.activemq.audit");

    @BeforeAll
    static void quietAudit() {
        AUDIT.setLevel(Level.WARNING);
    }

    @TempDir
    Path data;

    @Test
    @Timeout(30)
    void aRunningBrokerDescribesEachQueueAndSaysWhichItDoesNotKnow() throws Exception {
        int port = unusedPort();
        try (EmbeddedBroker broker = EmbeddedBroker.start(topology(port), data)) {
            // Generous: a broker just started on a busy machine is slow to answer its first questions.
            Map<String, QueueState> states = new BrokerQueues("localhost", port, null, null, Duration.ofSeconds(10))
                    .states(List.of("herd.Alpha", "herd.Nobody"));

            assertThat(states).containsExactly(
                    Map.entry("herd.Alpha", QueueState.of("herd.Alpha", 0, 0)),
                    Map.entry("herd.Nobody", QueueState.unknown("herd.Nobody", "no such queue")));
        }
    }

    @Test
    @Timeout(10)
    void aBrokerThatIsNotThereFailsAtOnce() throws Exception {
        BrokerQueues nobody = new BrokerQueues("localhost", unusedPort(), null, null, TIMEOUT);

        assertThatThrownBy(() -> nobody.states(List.of("herd.Alpha"))).isInstanceOf(JMSException.class);
    }

    @Test
    @Timeout(10)
    void aPortThatAcceptsButNeverAnswersFailsWithinTheTimeout() throws Exception {
        // The kernel completes the TCP handshake for the backlog; nothing ever speaks Artemis' protocol.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            BrokerQueues mute = new BrokerQueues("localhost", silent.getLocalPort(), null, null, TIMEOUT);
            long started = System.nanoTime();

            assertThatThrownBy(() -> mute.states(List.of("herd.Alpha"))).isInstanceOf(JMSException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        }
    }

    private static Topology topology(int brokerPort) {
        Map<String, String> herd = Map.of(
                "herd.nodes", "Alpha",
                "herd.node.Alpha.host", "localhost",
                "herd.node.Alpha.client-port", "1",
                "herd.node.Alpha.http-port", "2",
                "herd.broker.host", "localhost",
                "herd.broker.port", Integer.toString(brokerPort));
        return Topology.from(key -> Optional.ofNullable(herd.get(key)));
    }

    private static int unusedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
