package io.proxyherd.herd;

import io.proxyherd.activity.Count;
import io.proxyherd.activity.NodeActivity;
import io.proxyherd.topology.Topology;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends updates and catch-up requests to neighbours' queues through the Artemis resource adapter,
 * persistent so a neighbour that is down finds them when it returns. All messages of one call go in one
 * local transaction: the broker stores them with one journal sync, and the call returns once they are stored.
 */
@ApplicationScoped
public class FloodPublisher {

    private static final Logger LOG = Logger.getLogger(FloodPublisher.class.getName());

    @Resource(lookup = FloodConsumer.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Inject
    NodeActivity activity;

    // Creating a queue object asks the broker whether it exists: once per node is enough.
    private final Map<String, Queue> queues = new ConcurrentHashMap<>();

    /** Sends every message to every node's queue; throws if any is not stored, so the caller can retry. */
    public void send(Collection<FloodMessage> messages, Collection<String> nodes) {
        if (messages.isEmpty() || nodes.isEmpty()) {
            return;
        }
        inOneTransaction("flood of " + messages.size() + " updates to " + nodes, (session, producer) -> {
            for (FloodMessage message : messages) {
                TextMessage text = session.createTextMessage(message.atLine());
                text.setStringProperty(FloodMessage.FROM, message.from());
                text.setLongProperty(FloodMessage.STAMPED_AT, message.stampedAtMillis());
                for (String node : nodes) {
                    producer.send(queueOf(node, session), text);
                }
            }
        });
        activity.count(Count.FLOOD_OUT, (long) messages.size() * nodes.size());
        messages.forEach(message -> LOG.info(() -> "flood sent to " + nodes + ": " + message.atLine()));
    }

    /** Asks a neighbour, on its queue, to send {@code from} everything it knows; throws if not stored. */
    public void requestCatchUp(String from, String neighbour) {
        inOneTransaction("catch-up request to " + neighbour, (session, producer) -> {
            Message request = session.createMessage();
            request.setStringProperty(MessageKind.PROPERTY, MessageKind.CATCH_UP_REQUEST.value());
            request.setStringProperty(FloodMessage.FROM, from);
            producer.send(queueOf(neighbour, session), request);
        });
    }

    private interface Sends {
        void to(Session session, MessageProducer producer) throws JMSException;
    }

    private void inOneTransaction(String what, Sends sends) {
        // The classic API: the adapter's JMSContext refuses a transacted session outside JTA.
        try (Connection connection = connectionFactory.createConnection();
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageProducer producer = session.createProducer(null)) {
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            sends.to(session, producer);
            session.commit();
        } catch (JMSException e) {
            LOG.log(Level.WARNING, what + " failed: " + e.getMessage());
            throw new JMSRuntimeException(what + " failed: " + e.getMessage(), e.getErrorCode(), e);
        }
    }

    private Queue queueOf(String node, Session session) throws JMSException {
        Queue queue = queues.get(node);
        if (queue == null) {
            queue = session.createQueue(Topology.queueOf(node));
            queues.put(node, queue);
        }
        return queue;
    }
}
