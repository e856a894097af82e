package io.proxyherd.cli;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** Asks a running broker, through its management address, how many consumers read each queue. */
public final class BrokerQueues {

    // Held so the settings stay: a broker that is down is reported once, in the table, not by the client's own warnings.
    private static final List<Logger> CLIENT_LOGGERS = List.of(
            Logger.getLogger("org.apache.activemq.artemis.core.client"),
            Logger.getLogger("org.apache.activemq.artemis.jms.client"),
            Logger.getLogger("io.netty"));

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final String host;
    private final int port;
    private final String user;
    private final String password;

    public BrokerQueues(String host, int port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /**
     * The consumer count of each queue, in the order asked; a queue the broker does not know is
     * reported as unknown. Fails with a JMSException if the broker cannot be reached.
     */
    public Map<String, ConsumerCount> consumerCounts(List<String> queues) throws JMSException {
        CLIENT_LOGGERS.forEach(logger -> logger.setLevel(Level.OFF));
        String url = "tcp://" + host + ":" + port + "?callTimeout=" + TIMEOUT.toMillis() + "&connectTimeoutMillis="
                + TIMEOUT.toMillis() + "&reconnectAttempts=0&initialConnectAttempts=1";
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
                QueueConnection connection = factory.createQueueConnection(user, password)) {
            QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue management = ActiveMQJMSClient.createQueue("activemq.management");
            // A requestor of our own rather than QueueRequestor, whose request() waits for ever.
            TemporaryQueue replies = session.createTemporaryQueue();
            MessageProducer requests = session.createProducer(management);
            MessageConsumer answers = session.createConsumer(replies);
            connection.start();
            Map<String, ConsumerCount> counts = new LinkedHashMap<>();
            for (String queue : queues) {
                Message request = session.createMessage();
                request.setJMSReplyTo(replies);
                JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, "consumerCount");
                requests.send(request);
                Message reply = answers.receive(TIMEOUT.toMillis());
                counts.put(queue, countIn(reply));
            }
            return counts;
        }
    }

    private static ConsumerCount countIn(Message reply) {
        if (reply == null) {
            return ConsumerCount.unknown("no answer");
        }
        try {
            if (JMSManagementHelper.hasOperationSucceeded(reply)
                    && JMSManagementHelper.getResult(reply) instanceof Number count) {
                return ConsumerCount.of(count.intValue());
            }
            return ConsumerCount.unknown("no such queue");
        } catch (Exception e) {
            return ConsumerCount.unknown("unreadable answer");
        }
    }

    public String address() {
        return host + ":" + port;
    }
}
