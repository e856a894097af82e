package io.proxyherd.herd;

import io.proxyherd.activity.Count;
import io.proxyherd.activity.NodeActivity;
import io.proxyherd.flood.FloodCodec;
import io.proxyherd.flood.FloodLinks;
import io.proxyherd.flood.Lane;
import io.proxyherd.flood.Update;
import io.proxyherd.topology.LocalNode;
import io.proxyherd.topology.Topology;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The flood links over Artemis, through its resource adapter: each message goes persistent to every node's
 * queue in one local transaction, so the broker stores it with one journal sync, and the call returns once
 * every message is stored. Each message carries a batch in {@link FloodCodec}'s format, and is logged once
 * stored: one record a message, so a catch-up answer of every client a node knows is as many records of a
 * batch each, not one record of them all (a line of 100,000 updates was tens of megabytes, and the full
 * collections it caused held up live updates during a catch-up).
 */
@ConnectionFactoryDefinition(
        name = JmsFloodLinks.CONNECTION_FACTORY,
        interfaceName = "org.apache.activemq.artemis.ra.ActiveMQRAConnectionFactory",
        resourceAdapter = "artemis-ra",
        transactionSupport = TransactionSupportLevel.NoTransaction,
        maxPoolSize = 32, // well above the 16 sessions this class keeps
        minPoolSize = 1,
        // The node's broker account: the adapter's own UserName reaches its inbound side (the message-driven beans)
        // only, and the pool signs on by itself, ignoring credentials an application passes.
        properties = {"UserName=${ENV=HERD_BROKER_USER:}", "Password=${ENV=HERD_BROKER_PASSWORD:}"})
@ApplicationScoped
public class JmsFloodLinks implements FloodLinks {

    static final String CONNECTION_FACTORY = "java:app/jms/herd";
    /** The node that sent a message, on every message: the receiver does not send its news back there. */
    static final String FROM = "herdFrom";
    /** Who holds the batch once it is stored (FloodLinks#send), comma-separated; a node of an older herd sends none. */
    static final String HELD_BY = "herdHeldBy";

    private static final int CHANNELS = 16;

    private static final Logger LOG = Logger.getLogger(JmsFloodLinks.class.getName());

    @Resource(lookup = CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Inject
    FloodCodec codec;

    @Inject
    NodeActivity activity;

    @Inject
    LocalNode node;

    // Creating a queue object asks the broker whether it exists: once per queue is enough.
    private final Map<String, Queue> queues = new ConcurrentHashMap<>();
    // At most as many as threads send at once (outbox senders, message-driven bean sessions), well within the pool.
    private final BlockingQueue<Channel> idle = new ArrayBlockingQueue<>(CHANNELS);

    @Override
    public void send(Lane lane, Set<String> nodes, Set<String> heldBy, List<Update> updates) {
        if (updates.isEmpty() || nodes.isEmpty()) {
            return;
        }
        String holders = String.join(",", new TreeSet<>(heldBy));
        codec.encode(updates, (body, carried) -> {
            inOneTransaction(carried.size() + " updates to " + nodes, (session, producer) -> {
                BytesMessage message = session.createBytesMessage();
                message.writeBytes(body);
                message.setStringProperty(FROM, node.name());
                message.setStringProperty(HELD_BY, holders);
                for (String to : nodes) {
                    producer.send(queue(lane, to, session), message);
                }
            });
            activity.count(Count.FLOOD_OUT, (long) carried.size() * nodes.size());
            activity.count(Count.FLOOD_MESSAGES_OUT, nodes.size());
            activity.count(Count.FLOOD_BYTES_OUT, (long) body.length * nodes.size());
            LOG.info(() -> FloodLog.lines("sent to " + nodes, lane, carried));
        });
    }

    @Override
    public void requestCatchUp(String neighbour) {
        inOneTransaction("catch-up request to " + neighbour, (session, producer) -> {
            Message request = session.createMessage();
            request.setStringProperty(MessageKind.PROPERTY, MessageKind.CATCH_UP_REQUEST.value());
            request.setStringProperty(FROM, node.name());
            producer.send(queue(Lane.CATCH_UP, neighbour, session), request);
        });
    }

    private interface Sends {
        void to(Session session, MessageProducer producer) throws JMSException;
    }

    /**
     * A transacted session and its producer, kept between sends: taking a session from the adapter's pool
     * and making a producer for every send cost about as much as the send itself. One thread uses a
     * channel at a time; one that failed is closed, and the next send opens a new one.
     */
    private record Channel(Connection connection, Session session, MessageProducer producer) {

        void close() {
            try {
                connection.close();
            } catch (JMSException | RuntimeException e) {
                LOG.fine(() -> "closing a broken flood channel: " + e.getMessage());
            }
        }
    }

    private void inOneTransaction(String what, Sends sends) {
        Channel channel = idle.poll();
        try {
            if (channel == null) {
                channel = open();
            }
            sends.to(channel.session(), channel.producer());
            channel.session().commit();
        } catch (JMSException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            LOG.warning(() -> what + " not stored: " + e.getMessage());
            throw new LinkFailure(what + " not stored: " + e.getMessage(), e);
        }
        if (!idle.offer(channel)) {
            channel.close();
        }
    }

    private Channel open() throws JMSException {
        // The classic API: the adapter's JMSContext refuses a transacted session outside JTA.
        Connection connection = connectionFactory.createConnection();
        try {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(null);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            return new Channel(connection, session, producer);
        } catch (JMSException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @PreDestroy
    void closeChannels() {
        for (Channel channel = idle.poll(); channel != null; channel = idle.poll()) {
            channel.close();
        }
    }

    private Queue queue(Lane lane, String node, Session session) throws JMSException {
        String name = lane == Lane.LIVE ? Topology.queueOf(node) : Topology.catchUpQueueOf(node);
        Queue queue = queues.get(name);
        if (queue == null) {
            queue = session.createQueue(name);
            queues.put(name, queue);
        }
        return queue;
    }
}
