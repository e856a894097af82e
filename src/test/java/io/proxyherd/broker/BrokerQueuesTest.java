package io.proxyherd.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.proxyherd.launcher.BrokerAccounts;
import io.proxyherd.launcher.EmbeddedBroker;
import io.proxyherd.support.BrokerInspection;
import io.proxyherd.topology.BrokerAddress;
import io.proxyherd.topology.Topology;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The management questions against a real embedded broker, and against brokers that are not there. */
class BrokerQueuesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final Path SETTINGS = Path.of("server-config", "broker.xml");
    private static final BrokerAccounts ACCOUNTS = BrokerAccounts.of(Map.of(
            "Alpha",
            "alpha-password",
            "Beta",
            "beta-password",
            BrokerAccounts.MONITOR,
            "monitor-password",
            BrokerAccounts.CLUSTER,
            "cluster-password"));
    private static final String MONITOR = BrokerAccounts.MONITOR;
    private static final String MONITOR_PASSWORD = "monitor-password";

    // Held so the setting stays: the broker's audit log would print every management question.
    private static final Logger AUDIT = Logger.getLogger("org.apache.activemq.audit");

    @BeforeAll
    static void quietAudit() {
        AUDIT.setLevel(Level.WARNING);
    }

    @TempDir
    Path data;

    @Test
    @Timeout(60)
    void aBackupThatIsNotListeningCostsNoWaitBeforeThePrimaryAnswers() throws Exception {
        int port = unusedPort();
        try (EmbeddedBroker broker = EmbeddedBroker.start(topology(port), SETTINGS, data, ACCOUNTS)) {
            try (BrokerQueues warmUp =
                    new BrokerQueues(topology(port).brokers(), MONITOR, MONITOR_PASSWORD, Duration.ofSeconds(10))) {
                warmUp.states(List.of("herd.Alpha"));
            }
            // Each new connection starts at the primary or at the absent backup, at random; starting at the backup
            // must not spend the whole timeout (shorter than the client's default 2 s between brokers) waiting.
            for (int connection = 0; connection < 8; connection++) {
                try (BrokerQueues queues = new BrokerQueues(
                        topology(port).brokers(), MONITOR, MONITOR_PASSWORD, Duration.ofMillis(1500))) {
                    assertThat(queues.states(List.of("herd.Alpha")))
                            .containsExactly(Map.entry("herd.Alpha", QueueState.of("herd.Alpha", 0, 0)));
                }
            }
        }
    }

    @Test
    @Timeout(30)
    void aRunningBrokerDescribesEachQueueAndSaysWhichItDoesNotKnow() throws Exception {
        int port = unusedPort();
        try (EmbeddedBroker broker = EmbeddedBroker.start(topology(port), SETTINGS, data, ACCOUNTS);
                // Generous: a broker just started on a busy machine is slow to answer its first questions.
                BrokerQueues queues =
                        new BrokerQueues(topology(port).brokers(), MONITOR, MONITOR_PASSWORD, Duration.ofSeconds(10))) {
            // Of the primary and the backup, which does not listen: both named until one answers, then that one.
            assertThat(queues.address()).isEqualTo("localhost:" + port + " or localhost:" + (port + 1));
            Map<String, QueueState> states = queues.states(List.of("herd.Alpha", "herd.Nobody"));
            assertThat(queues.address()).isEqualTo("localhost:" + port);

            assertThat(states)
                    .containsExactly(
                            Map.entry("herd.Alpha", QueueState.of("herd.Alpha", 0, 0)),
                            Map.entry("herd.Nobody", QueueState.unknown("herd.Nobody", "no such queue")));
        }
    }

    @Test
    @Timeout(30)
    void countsTheConsumersAttachedAndTheMessagesWaiting() throws Exception {
        int port = unusedPort();
        try (EmbeddedBroker broker = EmbeddedBroker.start(topology(port), SETTINGS, data, ACCOUNTS);
                BrokerQueues queues = new BrokerQueues(at(port), MONITOR, MONITOR_PASSWORD, Duration.ofSeconds(10));
                ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://localhost:" + port);
                Connection alpha = factory.createConnection("Alpha", "alpha-password");
                Connection beta = factory.createConnection("Beta", "beta-password")) {
            attachConsumersAndLeaveMessages(alpha, beta);

            assertThat(queues.states(List.of("herd.Alpha", "herd.Beta", "herd.Nobody")))
                    .containsExactly(
                            Map.entry("herd.Alpha", QueueState.of("herd.Alpha", 2, 3)),
                            Map.entry("herd.Beta", QueueState.of("herd.Beta", 1, 0)),
                            Map.entry("herd.Nobody", QueueState.unknown("herd.Nobody", "no such queue")));
        }
    }

    @Test
    @Timeout(30)
    void consecutiveCallsShareOneConnectionThatCloseCloses() throws Exception {
        int port = unusedPort();
        try (EmbeddedBroker broker = EmbeddedBroker.start(topology(port), SETTINGS, data, ACCOUNTS)) {
            BrokerQueues queues = new BrokerQueues(at(port), MONITOR, MONITOR_PASSWORD, Duration.ofSeconds(10));
            for (int i = 0; i < 5; i++) {
                assertThat(queues.states(List.of("herd.Alpha")))
                        .containsEntry("herd.Alpha", QueueState.of("herd.Alpha", 0, 0));
            }

            assertThat(BrokerInspection.of(broker).connectionsAccepted()).isEqualTo(1);
            assertThat(BrokerInspection.of(broker).connectionsOpen()).isEqualTo(1);

            queues.close();

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> BrokerInspection.of(broker).connectionsOpen() == 0);
        }
    }

    @Test
    @Timeout(90)
    void aBrokerThatStopsFailsTheNextCallWithinTheTimeoutAndOnceBackIsAskedOverANewConnection() throws Exception {
        int port = unusedPort();
        try (BrokerQueues queues = new BrokerQueues(at(port), MONITOR, MONITOR_PASSWORD, TIMEOUT)) {
            try (EmbeddedBroker broker = EmbeddedBroker.start(topology(port), SETTINGS, data, ACCOUNTS)) {
                // The first answers of a broker just started may take longer than the timeout.
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> queues.states(List.of("herd.Alpha"))
                                .get("herd.Alpha")
                                .known());
            }

            long started = System.nanoTime();
            assertThatThrownBy(() -> queues.states(List.of("herd.Alpha"))).isInstanceOf(JMSException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

            try (EmbeddedBroker restarted = EmbeddedBroker.start(topology(port), SETTINGS, data, ACCOUNTS)) {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> queues.states(List.of("herd.Alpha"))
                                .get("herd.Alpha")
                                .known());

                assertThat(BrokerInspection.of(restarted).connectionsAccepted()).isEqualTo(1);
            }
        }
    }

    @Test
    @Timeout(30)
    void aRoundThatGaveUpLeavesItsLateAnswersOutOfTheNext() throws Exception {
        int port = unusedPort();
        try (EmbeddedBroker broker = EmbeddedBroker.start(topology(port), SETTINGS, data, ACCOUNTS);
                ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://localhost:" + port);
                Connection alpha = factory.createConnection("Alpha", "alpha-password");
                Connection beta = factory.createConnection("Beta", "beta-password");
                ManagementSession session =
                        ManagementSession.open(at(port), MONITOR, MONITOR_PASSWORD, Duration.ofSeconds(10))) {
            attachConsumersAndLeaveMessages(alpha, beta);
            // Past its deadline before it starts: the questions go out, their answers come after the round gave up.
            Map<String, QueueState> gaveUp = session.states(List.of("herd.Alpha"), System.nanoTime());

            Map<String, QueueState> next = session.states(
                    List.of("herd.Beta"),
                    System.nanoTime() + Duration.ofSeconds(10).toNanos());

            assertThat(gaveUp)
                    .containsExactly(Map.entry("herd.Alpha", QueueState.unknown("herd.Alpha", "no answer in time")));
            assertThat(next).containsExactly(Map.entry("herd.Beta", QueueState.of("herd.Beta", 1, 0)));
        }
    }

    @Test
    @Timeout(10)
    void aBrokerThatIsNotThereFailsAtOnce() throws Exception {
        try (BrokerQueues nobody = new BrokerQueues(at(unusedPort()), null, null, TIMEOUT)) {
            assertThatThrownBy(() -> nobody.states(List.of("herd.Alpha"))).isInstanceOf(JMSException.class);
        }
    }

    @Test
    @Timeout(10)
    void aPortThatAcceptsButNeverAnswersFailsWithinTheTimeout() throws Exception {
        // The kernel completes the TCP handshake for the backlog; nothing ever speaks Artemis' protocol.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                BrokerQueues mute = new BrokerQueues(at(silent.getLocalPort()), null, null, TIMEOUT)) {
            long started = System.nanoTime();

            assertThatThrownBy(() -> mute.states(List.of("herd.Alpha"))).isInstanceOf(JMSException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        }
    }

    /** Two consumers (Alpha's) and three messages (from Beta) on herd.Alpha, one consumer (Beta's) on herd.Beta. */
    private static void attachConsumersAndLeaveMessages(Connection alpha, Connection beta) throws JMSException {
        // Never started, so the consumers take nothing: the messages stay waiting in the queue.
        Session asAlpha = alpha.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue alphaQueue = asAlpha.createQueue("herd.Alpha");
        asAlpha.createConsumer(alphaQueue);
        asAlpha.createConsumer(alphaQueue);
        Session asBeta = beta.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = asBeta.createProducer(asBeta.createQueue("herd.Alpha"));
        for (int i = 0; i < 3; i++) {
            producer.send(asBeta.createTextMessage("AT " + i));
        }
        asBeta.createConsumer(asBeta.createQueue("herd.Beta"));
    }

    private static List<BrokerAddress> at(int port) {
        return List.of(new BrokerAddress("localhost", port));
    }

    private static Topology topology(int brokerPort) {
        Map<String, String> herd = Map.ofEntries(
                Map.entry("herd.nodes", "Alpha,Beta"),
                Map.entry("herd.links", "Alpha-Beta"),
                Map.entry("herd.node.Alpha.host", "localhost"),
                Map.entry("herd.node.Alpha.client-port", "1"),
                Map.entry("herd.node.Alpha.http-port", "2"),
                Map.entry("herd.node.Beta.host", "localhost"),
                Map.entry("herd.node.Beta.client-port", "3"),
                Map.entry("herd.node.Beta.http-port", "4"),
                Map.entry("herd.broker.host", "localhost"),
                Map.entry("herd.broker.port", Integer.toString(brokerPort)),
                Map.entry("herd.broker.backup-host", "localhost"),
                // Nothing listens there: the watch must not mind a backup that is not serving.
                Map.entry("herd.broker.backup-port", Integer.toString(brokerPort + 1)));
        return Topology.from(key -> Optional.ofNullable(herd.get(key)));
    }

    private static int unusedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
