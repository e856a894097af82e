package io.proxyherd.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxyherd.broker.BrokerQueues;
import io.proxyherd.broker.QueueState;
import io.proxyherd.support.BrokerInspection;
import io.proxyherd.topology.BrokerAddress;
import io.proxyherd.topology.Topology;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local broker's accounts against a real broker, with the default herd's links: Welsh's only neighbour is
 * Holiday; Goloman is not Welsh's neighbour.
 */
class BrokerSecurityTest {

    private static final Logger ARTEMIS = Logger.getLogger("org.apache.activemq");
    private static final BrokerAccounts ACCOUNTS = BrokerAccounts.of(Map.of(
            "Goloman",
            "goloman-pw",
            "Hands",
            "hands-pw",
            "Holiday",
            "holiday-pw",
            "Welsh",
            "welsh-pw",
            "Wilkes",
            "wilkes-pw",
            BrokerAccounts.MONITOR,
            "monitor-pw",
            BrokerAccounts.CLUSTER,
            "cluster-pw"));

    @TempDir
    Path data;

    private int port;
    private EmbeddedBroker broker;
    private ActiveMQConnectionFactory factory;

    @BeforeAll
    static void quietRefusals() {
        // Each refusal below is a broker warning; the assertions say what was refused.
        ARTEMIS.setLevel(Level.SEVERE);
    }

    @BeforeEach
    void start() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Topology here = defaultHerdWithBrokerOn(port);
        assertThat(here.neighbours("Welsh")).containsExactly("Holiday");
        broker = EmbeddedBroker.start(here, Path.of("server-config", "broker.xml"), data, ACCOUNTS);
        factory = new ActiveMQConnectionFactory("tcp://localhost:" + port);
        factory.setReconnectAttempts(0);
    }

    @AfterEach
    void stop() throws Exception {
        factory.close();
        broker.close();
    }

    @Test
    void noCredentialsOrAWrongPasswordGetNoConnection() {
        assertThatThrownBy(() -> factory.createConnection().close()).isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> factory.createConnection("Welsh", "holiday-pw").close())
                .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> factory.createConnection("Nobody", "welsh-pw").close())
                .isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void artemisDefaultClusterCredentialsGetNoConnection() {
        // Artemis lets its cluster user do anything; its default password is public.
        assertThatThrownBy(() -> factory.createConnection("ACTIVEMQ.CLUSTER.ADMIN.USER", "CHANGE ME!!")
                        .close())
                .isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void aNodeSendsToItsNeighboursQueuesOnlyAndReadsItsOwnOnly() throws Exception {
        try (Connection welsh = factory.createConnection("Welsh", "welsh-pw")) {
            Session session = welsh.createSession(false, Session.AUTO_ACKNOWLEDGE);

            session.createProducer(session.createQueue("herd.Holiday"))
                    .send(session.createTextMessage("to a neighbour"));
            session.createProducer(session.createQueue("herd.Holiday.catch-up"))
                    .send(session.createTextMessage("catch-up lane"));
            session.createConsumer(session.createQueue("herd.Welsh")).close();
            session.createConsumer(session.createQueue("herd.Welsh.catch-up")).close();

            assertRefused(() -> session.createProducer(session.createQueue("herd.Goloman"))
                    .send(session.createTextMessage("forged")));
            assertRefused(() -> session.createProducer(session.createQueue("herd.Welsh"))
                    .send(session.createTextMessage("to itself")));
            assertRefused(() -> session.createConsumer(session.createQueue("herd.Holiday")));
            assertRefused(() -> session.createConsumer(session.createQueue("herd.Goloman.catch-up")));
            assertRefused(() -> session.createConsumer(session.createQueue("herd.dead-letters")));
            assertRefused(() -> session.createProducer(session.createQueue("herd.Newcomer"))
                    .send(session.createTextMessage("new")));
        }
        assertThat(BrokerInspection.of(broker).messagesWaitingFor("Holiday")).isEqualTo(2);
        assertThat(BrokerInspection.of(broker).messagesWaitingFor("Goloman")).isZero();
    }

    @Test
    void theMonitorReadsQueueCountsAndNothingElse() throws Exception {
        List<BrokerAddress> broker = List.of(new BrokerAddress("localhost", port));
        try (BrokerQueues queues =
                new BrokerQueues(broker, BrokerAccounts.MONITOR, "monitor-pw", Duration.ofSeconds(10))) {
            Map<String, QueueState> states = queues.states(List.of("herd.Welsh", "herd.Holiday"));

            assertThat(states.values())
                    .allSatisfy(state -> assertThat(state.known()).isTrue());
        }
        try (Connection monitor = factory.createConnection(BrokerAccounts.MONITOR, "monitor-pw")) {
            Session session = monitor.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertRefused(() -> session.createConsumer(session.createQueue("herd.Welsh")));
            assertRefused(() ->
                    session.createProducer(session.createQueue("herd.Welsh")).send(session.createTextMessage("x")));
            assertThat(manage(monitor, "queue.herd.Welsh", "removeAllMessages"))
                    .as("changing a queue through management")
                    .contains("does not have permission='EDIT'");
        }
    }

    @Test
    void aNodeMayReadQueueCountsButNotChangeAnotherNodesQueue() throws Exception {
        try (Connection welsh = factory.createConnection("Welsh", "welsh-pw")) {
            assertThat(manage(welsh, "queue.herd.Goloman", "getMessageCount")).isEqualTo("0");
            assertThat(manage(welsh, "queue.herd.Goloman", "removeAllMessages"))
                    .contains("does not have permission='EDIT'");
            assertThat(manage(welsh, "queue.herd.Goloman", "browse"))
                    .as("reading its messages")
                    .contains("does not have permission='VIEW'");
        }
    }

    private static Topology defaultHerdWithBrokerOn(int port) throws IOException {
        Properties herd = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("server-config", "herd.properties"), StandardCharsets.UTF_8)) {
            herd.load(in);
        }
        herd.setProperty("herd.broker.host", "localhost");
        herd.setProperty("herd.broker.port", Integer.toString(port));
        return Topology.from(key -> Optional.ofNullable(herd.getProperty(key)).map(String::strip));
    }

    /** Asks the broker to run a management operation or read an attribute; the answer, or why it refused. */
    private static String manage(Connection connection, String resource, String operation) throws JMSException {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        connection.start();
        TemporaryQueue replies = session.createTemporaryQueue();
        MessageConsumer answers = session.createConsumer(replies);
        Message question = session.createMessage();
        if (operation.startsWith("get")) {
            JMSManagementHelper.putAttribute(
                    question, resource, Character.toLowerCase(operation.charAt(3)) + operation.substring(4));
        } else {
            JMSManagementHelper.putOperationInvocation(question, resource, operation);
        }
        question.setJMSReplyTo(replies);
        session.createProducer(session.createQueue("activemq.management")).send(question);
        Message answer = answers.receive(10_000);
        assertThat(answer).as("an answer to " + operation).isNotNull();
        try {
            return String.valueOf(JMSManagementHelper.getResult(answer));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRefused(ThrowingAction action) {
        assertThatThrownBy(action::run).isInstanceOf(JMSSecurityException.class);
    }

    @FunctionalInterface
    private interface ThrowingAction {
        void run() throws Exception;
    }
}
