package io.proxyherd.herd;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends updates to neighbours' queues through the Artemis resource adapter, persistent so a neighbour
 * that is down finds them when it returns. A send returns once the broker has stored the message.
 */
@ApplicationScoped
public class FloodPublisher {

    private static final Logger LOG = Logger.getLogger(FloodPublisher.class.getName());

    @Resource(lookup = FloodConsumer.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    // Creating a queue object asks the broker whether it exists: once per node is enough.
    private final Map<String, Queue> queues = new ConcurrentHashMap<>();

    private Queue queueOf(String node, JMSContext context) {
        return queues.computeIfAbsent(node, name -> context.createQueue(Topology.queueOf(name)));
    }

    /** Sends every message to every node's queue; throws if a send fails, so the caller can retry. */
    public void send(Collection<FloodMessage> messages, Collection<String> nodes) {
        if (messages.isEmpty() || nodes.isEmpty()) {
            return;
        }
        try (JMSContext context = connectionFactory.createContext()) {
            List<Queue> queues = nodes.stream().map(node -> queueOf(node, context)).toList();
            var producer = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
            for (FloodMessage message : messages) {
                TextMessage text = context.createTextMessage(message.atLine());
                text.setStringProperty(FloodMessage.FROM, message.from());
                text.setLongProperty(FloodMessage.STAMPED_AT, message.stampedAtMillis());
                for (Queue queue : queues) {
                    producer.send(queue, text);
                }
                LOG.info(() -> "flood sent to " + nodes + ": " + message.atLine());
            }
        } catch (JMSRuntimeException e) {
            LOG.log(Level.WARNING, "flood of " + messages.size() + " updates to " + nodes + " failed: " + e.getMessage());
            throw e;
        } catch (jakarta.jms.JMSException e) {
            throw new JMSRuntimeException("cannot build a flood message: " + e.getMessage(), e.getErrorCode(), e);
        }
    }
}
