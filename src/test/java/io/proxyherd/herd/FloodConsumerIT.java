package io.proxyherd.herd;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.proxyherd.flood.BatchBounds;
import io.proxyherd.flood.FloodCodec;
import io.proxyherd.flood.Update;
import io.proxyherd.protocol.AtLine;
import io.proxyherd.support.LineConnection;
import io.proxyherd.support.NodeDeployment;
import io.proxyherd.support.NodeMetrics;
import io.proxyherd.support.PlacesStandIn;
import io.proxyherd.support.TestBroker;
import io.proxyherd.topology.Topology;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The message-driven beans' path on a real node (Alpha, linked with Beta and Gamma): a batch on
 * Alpha's queue reaches Alpha's registry and its news goes on to every neighbour but its sender, as one
 * message; what is not newer stops at Alpha; a message Alpha cannot read ends in the dead-letter queue.
 * Alpha asks its neighbours to catch up when it starts, and answers a neighbour's request on the
 * neighbour's catch-up queue with what it knows.
 */
@ExtendWith({TestBroker.class, ArquillianExtension.class})
class FloodConsumerIT {

    private static final int ALPHA_PORT = 12100;
    private static final FloodCodec CODEC = new FloodCodec(new BatchBounds(500, 98_304));

    /** Alpha's neighbours, each logged in as itself: it may send to Alpha and read its own queues only. */
    private static final Map<String, ActiveMQConnectionFactory> NEIGHBOURS = new HashMap<>();

    private static final Map<String, JMSContext> AS = new HashMap<>();
    private static PlacesStandIn places;
    private static List<Message> requestsAtStart;

    @Deployment(testable = false)
    static WebArchive node() {
        return NodeDeployment.war();
    }

    @BeforeAll
    static void connect() {
        for (String neighbour : List.of("Beta", "Gamma")) {
            NEIGHBOURS.put(neighbour, TestBroker.as(neighbour));
            AS.put(neighbour, NEIGHBOURS.get(neighbour).createContext());
        }
        places = new PlacesStandIn(12190);
        await().atMost(60, SECONDS).until(() -> TestBroker.broker().consumersOf("Alpha") > 0);
        // Nothing else has reached the neighbours' queues yet; taking them leaves those queues empty for the tests.
        requestsAtStart = List.of(
                receiveMessage("Beta", Topology.catchUpQueueOf("Beta")),
                receiveMessage("Gamma", Topology.catchUpQueueOf("Gamma")));
    }

    @AfterAll
    static void disconnect() {
        places.close();
        AS.values().forEach(JMSContext::close);
        NEIGHBOURS.values().forEach(ActiveMQConnectionFactory::close);
    }

    @Test
    void newerUpdateIsStoredAndForwardedToAllButItsSender() throws Exception {
        String line = "AT Welsh +0.000123456 flood-newer +34.068930-118.445127 1700000000.000000001";

        sendToAlpha("Beta", line);

        assertThat(receive("Gamma")).containsExactly(line);
        assertThat(answerAtAlpha("WHATSAT flood-newer 1 1")).startsWith(line + "\n{");
        awaitAlphaIdle();
        assertThat(TestBroker.broker().messagesWaitingFor("Beta")).isZero();
    }

    @Test
    void olderOrEqualUpdateStopsAtAlpha() throws Exception {
        String newer = "AT Welsh +0.000123456 flood-older +34.068930-118.445127 1700000000.000000002";
        String older = "AT Hands +0.000999999 flood-older +10.000000+010.000000 1700000000.000000001";
        sendToAlpha("Beta", newer);
        assertThat(receive("Gamma")).containsExactly(newer);

        sendToAlpha("Beta", older);
        sendToAlpha("Gamma", newer);
        awaitAlphaIdle();

        assertThat(TestBroker.broker().messagesWaitingFor("Beta")).isZero();
        assertThat(TestBroker.broker().messagesWaitingFor("Gamma")).isZero();
        assertThat(answerAtAlpha("WHATSAT flood-older 1 1")).startsWith(newer + "\n{");
    }

    @Test
    void newsGoesOnlyToNeighboursThatDoNotHoldItAndTheForwardNamesWhoDoes() throws Exception {
        String held = "AT Welsh +0.000123456 held-by-gamma +34.068930-118.445127 1700000000.000000001";
        // Beta stored this one for Gamma as well: Alpha keeps it and sends it nowhere.
        sendToAlpha("Beta", Set.of("Beta", "Alpha", "Gamma"), held);
        awaitAlphaIdle();
        assertThat(answerAtAlpha("WHATSAT held-by-gamma 1 1")).startsWith(held + "\n{");
        assertThat(TestBroker.broker().messagesWaitingFor("Gamma")).isZero();

        String news = "AT Welsh +0.000123456 held-by-beta +34.068930-118.445127 1700000000.000000001";
        sendToAlpha("Beta", Set.of("Beta", "Alpha", "Delta"), news);

        Message forward = receiveMessage("Gamma", Topology.queueOf("Gamma"));
        assertThat(FloodCodec.decode(forward.getBody(byte[].class)))
                .extracting(update -> update.line().text())
                .containsExactly(news);
        assertThat(forward.getStringProperty(JmsFloodLinks.HELD_BY).split(","))
                .containsExactlyInAnyOrder("Alpha", "Beta", "Delta", "Gamma");

        String repeated = "AT Welsh +0.000123456 held-twice +34.068930-118.445127 1700000000.000000001";
        sendToAlpha("Beta", List.of("Beta", "Beta", "Alpha"), repeated);
        assertThat(receive("Gamma")).containsExactly(repeated);
    }

    @Test
    void aBatchForwardsOnlyItsNewsAsOneMessage() throws Exception {
        String known = "AT Welsh +0.000123456 batch-known +34.068930-118.445127 1700000000.000000005";
        sendToAlpha("Beta", known);
        assertThat(receive("Gamma")).containsExactly(known);
        String stale = "AT Hands +0.000123456 batch-known +34.068930-118.445127 1700000000.000000004";
        String first = "AT Hands +0.000123456 batch-new-1 +34.068930-118.445127 1700000000.000000004";
        String second = "AT Hands +0.000123456 batch-new-2 +34.068930-118.445127 1700000000.000000004";

        sendToAlpha("Beta", first, stale, second);

        assertThat(receive("Gamma")).containsExactly(first, second);
        assertThat(answerAtAlpha("WHATSAT batch-known 1 1")).startsWith(known + "\n{");
        assertThat(answerAtAlpha("WHATSAT batch-new-2 1 1")).startsWith(second + "\n{");
    }

    @Test
    void unreadableMessagesEndInTheDeadLetterQueueAndAlphaKeepsFlooding() throws Exception {
        long deadBefore = TestBroker.broker().deadLetters();
        double countedBefore = unreadableCountedAtAlpha();
        JMSContext jms = AS.get("Beta");
        BytesMessage malformed = jms.createBytesMessage();
        malformed.writeBytes("herd-flood/1\n1 AT nonsense\n".getBytes(StandardCharsets.UTF_8));
        malformed.setStringProperty(JmsFloodLinks.FROM, "Beta");
        jms.createProducer().send(jms.createQueue(Topology.queueOf("Alpha")), malformed);
        TextMessage olderFormat =
                jms.createTextMessage("AT Welsh +0.000123456 text-format +34.068930-118.445127 1700000000.5");
        olderFormat.setStringProperty(JmsFloodLinks.FROM, "Beta");
        jms.createProducer().send(jms.createQueue(Topology.queueOf("Alpha")), olderFormat);

        await().atMost(60, SECONDS).until(() -> TestBroker.broker().deadLetters() == deadBefore + 2);
        assertThat(unreadableCountedAtAlpha())
                .as("counted once each, redeliveries aside")
                .isEqualTo(countedBefore + 2);
        String after = "AT Welsh +0.000123456 after-malformed +34.068930-118.445127 1700000000.5";
        sendToAlpha("Beta", after);

        assertThat(receive("Gamma")).containsExactly(after);
        awaitAlphaIdle();
        assertThat(TestBroker.broker().messagesWaitingFor("Gamma")).isZero();
        try (LineConnection client = new LineConnection(ALPHA_PORT)) {
            assertThat(client.ask("WHATSAT text-format 1 1")).isEqualTo("? WHATSAT text-format 1 1\n");
        }
    }

    @Test
    void iamatAtAlphaIsPublishedToEveryNeighbour() throws Exception {
        String reply;
        try (LineConnection client = new LineConnection(ALPHA_PORT)) {
            reply = client.ask("IAMAT flood-origin +34.068930-118.445127 1700000000.5");
        }
        String atLine = reply.strip();

        assertThat(receive("Beta")).containsExactly(atLine);
        assertThat(receive("Gamma")).containsExactly(atLine);
    }

    @Test
    void alphaAsksEachNeighbourToCatchUpOnItsCatchUpQueueWhenItStarts() throws Exception {
        for (Message request : requestsAtStart) {
            assertThat(request.getStringProperty(MessageKind.PROPERTY)).isEqualTo(MessageKind.CATCH_UP_REQUEST.value());
            assertThat(request.getStringProperty(JmsFloodLinks.FROM)).isEqualTo("Alpha");
        }
    }

    @Test
    void aCatchUpRequestIsAnsweredWithWhatAlphaKnowsToTheAskersCatchUpQueueOnly() throws Exception {
        String first = "AT Welsh +0.000123456 catch-up-1 +34.068930-118.445127 1700000000.000000001";
        String second = "AT Hands +0.000123456 catch-up-2 +10.000000+010.000000 1700000000.000000002";
        sendToAlpha("Beta", first, second);
        assertThat(receive("Gamma")).containsExactly(first, second);

        JMSContext jms = AS.get("Gamma");
        Message request = jms.createMessage();
        request.setStringProperty(MessageKind.PROPERTY, MessageKind.CATCH_UP_REQUEST.value());
        request.setStringProperty(JmsFloodLinks.FROM, "Gamma");
        jms.createProducer().send(jms.createQueue(Topology.catchUpQueueOf("Alpha")), request);
        await().atMost(10, SECONDS).until(() -> TestBroker.broker().messagesWaitingFor("Gamma") > 0);

        List<Update> answer = new ArrayList<>();
        for (Message message : receiveAll("Gamma", Topology.catchUpQueueOf("Gamma"))) {
            assertThat(message.getStringProperty(MessageKind.PROPERTY)).isNull();
            assertThat(message.getStringProperty(JmsFloodLinks.FROM)).isEqualTo("Alpha");
            answer.addAll(FloodCodec.decode(message.getBody(byte[].class)));
        }
        assertThat(answer).extracting(update -> update.line().text()).contains(first, second);
        assertThat(answer).extracting(Update::stampedAtMillis).containsOnly(0L);
        assertThat(TestBroker.broker().messagesWaitingFor("Beta")).isZero();
        assertThat(TestBroker.broker().messagesWaitingFor("Gamma")).isZero();
    }

    /** Sends Alpha one batch, as neighbour {@code from} would, naming no other holders (as an older herd's node does). */
    private static void sendToAlpha(String from, String... atLines) throws Exception {
        sendToAlpha(from, Set.of(), atLines);
    }

    /** Sends Alpha one batch, as neighbour {@code from} would, saying that {@code heldBy} hold it. */
    private static void sendToAlpha(String from, Collection<String> heldBy, String... atLines) throws Exception {
        List<Update> updates = new ArrayList<>();
        for (String line : atLines) {
            updates.add(new Update(AtLine.parse(line).orElseThrow(), System.currentTimeMillis()));
        }
        JMSContext jms = AS.get(from);
        BytesMessage message = jms.createBytesMessage();
        message.writeBytes(CODEC.encode(updates).get(0));
        message.setStringProperty(JmsFloodLinks.FROM, from);
        if (!heldBy.isEmpty()) {
            message.setStringProperty(JmsFloodLinks.HELD_BY, String.join(",", heldBy));
        }
        jms.createProducer().send(jms.createQueue(Topology.queueOf("Alpha")), message);
    }

    /** The AT lines of the next batch in the node's live queue. */
    private static List<String> receive(String node) throws Exception {
        JMSContext jms = AS.get(node);
        try (JMSConsumer consumer = jms.createConsumer(jms.createQueue(Topology.queueOf(node)))) {
            Message message = consumer.receive(10_000);
            assertThat(message).as("a batch in " + node + "'s queue").isNotNull();
            return FloodCodec.decode(message.getBody(byte[].class)).stream()
                    .map(update -> update.line().text())
                    .toList();
        }
    }

    /** The next message in one of {@code node}'s queues, read as that node. */
    private static Message receiveMessage(String node, String queue) {
        JMSContext jms = AS.get(node);
        try (JMSConsumer consumer = jms.createConsumer(jms.createQueue(queue))) {
            Message message = consumer.receive(30_000);
            assertThat(message).as("a message in " + queue).isNotNull();
            return message;
        }
    }

    /** Everything in one of {@code node}'s queues, read as that node, once nothing more arrives for a second. */
    private static List<Message> receiveAll(String node, String queue) {
        JMSContext jms = AS.get(node);
        List<Message> messages = new ArrayList<>();
        try (JMSConsumer consumer = jms.createConsumer(jms.createQueue(queue))) {
            for (Message message = consumer.receive(1_000); message != null; message = consumer.receive(1_000)) {
                messages.add(message);
            }
        }
        return messages;
    }

    private static void awaitAlphaIdle() {
        await().atMost(10, SECONDS).until(() -> TestBroker.broker().messagesWaitingFor("Alpha") == 0);
    }

    private static double unreadableCountedAtAlpha() throws Exception {
        return NodeMetrics.read("localhost", 12180).counter("herd_flood_unreadable_total");
    }

    private static String answerAtAlpha(String whatsat) throws Exception {
        try (LineConnection client = new LineConnection(ALPHA_PORT)) {
            return client.askWhatsAt(whatsat);
        }
    }
}
