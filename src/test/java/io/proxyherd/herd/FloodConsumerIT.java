package io.proxyherd.herd;

import io.proxyherd.topology.Topology;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.proxyherd.support.LineConnection;
import io.proxyherd.support.NodeDeployment;
import io.proxyherd.support.PlacesStandIn;
import io.proxyherd.support.TestBroker;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The message-driven bean's path on a real node (Alpha, linked with Beta and Gamma): an update on
 * Alpha's queue reaches Alpha's registry and goes on to every neighbour but its sender; an update
 * that is not newer stops at Alpha. Alpha asks its neighbours to catch up when it starts, and answers
 * a neighbour's request with what it knows.
 */
@ExtendWith({TestBroker.class, ArquillianExtension.class})
class FloodConsumerIT {

    private static final int ALPHA_PORT = 12100;

    private static ActiveMQConnectionFactory broker;
    private static JMSContext jms;
    private static PlacesStandIn places;
    private static List<Message> requestsAtStart;

    @Deployment(testable = false)
    static WebArchive node() {
        return NodeDeployment.war();
    }

    @BeforeAll
    static void connect() {
        broker = new ActiveMQConnectionFactory(TestBroker.url());
        jms = broker.createContext();
        places = new PlacesStandIn(12190);
        await().atMost(60, SECONDS).until(() -> TestBroker.broker().consumersOf("Alpha") > 0);
        // Nothing else has reached the neighbours' queues yet; taking them leaves those queues empty for the tests.
        requestsAtStart = List.of(receiveMessage("Beta"), receiveMessage("Gamma"));
    }

    @AfterAll
    static void disconnect() {
        places.close();
        jms.close();
        broker.close();
    }

    @Test
    void newerUpdateIsStoredAndForwardedToAllButItsSender() throws Exception {
        String line = "AT Welsh +0.000123456 flood-newer +34.068930-118.445127 1700000000.000000001";

        sendToAlpha(line, "Beta");

        assertThat(receive("Gamma")).isEqualTo(line);
        assertThat(answerAtAlpha("WHATSAT flood-newer 1 1")).startsWith(line + "\n{");
        awaitAlphaIdle();
        assertThat(TestBroker.broker().messagesWaitingFor("Beta")).isZero();
    }

    @Test
    void olderOrEqualUpdateStopsAtAlpha() throws Exception {
        String newer = "AT Welsh +0.000123456 flood-older +34.068930-118.445127 1700000000.000000002";
        String older = "AT Hands +0.000999999 flood-older +10.000000+010.000000 1700000000.000000001";
        sendToAlpha(newer, "Beta");
        assertThat(receive("Gamma")).isEqualTo(newer);

        sendToAlpha(older, "Beta");
        sendToAlpha(newer, "Gamma");
        awaitAlphaIdle();

        assertThat(TestBroker.broker().messagesWaitingFor("Beta")).isZero();
        assertThat(TestBroker.broker().messagesWaitingFor("Gamma")).isZero();
        assertThat(answerAtAlpha("WHATSAT flood-older 1 1")).startsWith(newer + "\n{");
    }

    @Test
    void malformedUpdateIsDroppedWithoutHarm() throws Exception {
        sendToAlpha("AT nonsense", "Beta");
        awaitAlphaIdle();

        assertThat(TestBroker.broker().messagesWaitingFor("Gamma")).isZero();
        try (LineConnection client = new LineConnection(ALPHA_PORT)) {
            assertThat(client.ask("WHATSAT nonsense 1 1")).isEqualTo("? WHATSAT nonsense 1 1\n");
        }
    }

    @Test
    void iamatAtAlphaIsPublishedToEveryNeighbour() throws Exception {
        String reply;
        try (LineConnection client = new LineConnection(ALPHA_PORT)) {
            reply = client.ask("IAMAT flood-origin +34.068930-118.445127 1700000000.5");
        }
        String atLine = reply.strip();

        assertThat(receive("Beta")).isEqualTo(atLine);
        assertThat(receive("Gamma")).isEqualTo(atLine);
    }

    @Test
    void alphaAsksEachNeighbourToCatchUpWhenItStarts() throws Exception {
        for (Message request : requestsAtStart) {
            assertThat(request.getStringProperty(MessageKind.PROPERTY)).isEqualTo(MessageKind.CATCH_UP_REQUEST.value());
            assertThat(request.getStringProperty(FloodMessage.FROM)).isEqualTo("Alpha");
        }
    }

    @Test
    void aCatchUpRequestIsAnsweredWithWhatAlphaKnowsToTheAskerOnly() throws Exception {
        String first = "AT Welsh +0.000123456 catch-up-1 +34.068930-118.445127 1700000000.000000001";
        String second = "AT Hands +0.000123456 catch-up-2 +10.000000+010.000000 1700000000.000000002";
        sendToAlpha(first, "Beta");
        sendToAlpha(second, "Beta");
        assertThat(List.of(receive("Gamma"), receive("Gamma"))).containsExactlyInAnyOrder(first, second);

        Message request = jms.createMessage();
        request.setStringProperty(MessageKind.PROPERTY, MessageKind.CATCH_UP_REQUEST.value());
        request.setStringProperty(FloodMessage.FROM, "Gamma");
        jms.createProducer().send(jms.createQueue(Topology.queueOf("Alpha")), request);
        awaitAlphaIdle();

        List<Message> answer = receiveAll("Gamma");
        assertThat(answer).extracting(message -> message.getBody(String.class)).contains(first, second);
        for (Message update : answer) {
            assertThat(update.getStringProperty(MessageKind.PROPERTY)).isNull();
            assertThat(update.getStringProperty(FloodMessage.FROM)).isEqualTo("Alpha");
            assertThat(update.getLongProperty(FloodMessage.STAMPED_AT)).isZero();
        }
        assertThat(TestBroker.broker().messagesWaitingFor("Beta")).isZero();
    }

    private static void sendToAlpha(String atLine, String from) throws Exception {
        TextMessage message = jms.createTextMessage(atLine);
        message.setStringProperty(FloodMessage.FROM, from);
        message.setLongProperty(FloodMessage.STAMPED_AT, System.currentTimeMillis());
        jms.createProducer().send(jms.createQueue(Topology.queueOf("Alpha")), message);
    }

    private static String receive(String node) {
        try (JMSConsumer consumer = jms.createConsumer(jms.createQueue(Topology.queueOf(node)))) {
            String body = consumer.receiveBody(String.class, 10_000);
            assertThat(body).as("an update in " + node + "'s queue").isNotNull();
            return body;
        }
    }

    private static Message receiveMessage(String node) {
        try (JMSConsumer consumer = jms.createConsumer(jms.createQueue(Topology.queueOf(node)))) {
            Message message = consumer.receive(30_000);
            assertThat(message).as("a message in " + node + "'s queue").isNotNull();
            return message;
        }
    }

    /** Everything in the node's queue, once nothing more arrives for a second. */
    private static List<Message> receiveAll(String node) {
        List<Message> messages = new ArrayList<>();
        try (JMSConsumer consumer = jms.createConsumer(jms.createQueue(Topology.queueOf(node)))) {
            for (Message message = consumer.receive(1_000); message != null; message = consumer.receive(1_000)) {
                messages.add(message);
            }
        }
        return messages;
    }

    private static void awaitAlphaIdle() {
        await().atMost(10, SECONDS).until(() -> TestBroker.broker().messagesWaitingFor("Alpha") == 0);
    }

    private static String answerAtAlpha(String whatsat) throws Exception {
        try (LineConnection client = new LineConnection(ALPHA_PORT)) {
            return client.askWhatsAt(whatsat);
        }
    }
}
