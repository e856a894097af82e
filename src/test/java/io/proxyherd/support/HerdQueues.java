package io.proxyherd.support;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.JMSFactoryType;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The herd's queues as the broker sees them, through its management address: every queue named
 * {@code herd.*} but the dead letters, whatever queues the nodes use (live updates, catch-up), and the
 * messages each holds, those being delivered but not yet acknowledged included.
 */
public final class HerdQueues implements AutoCloseable {

    private static final String PREFIX = "herd.";
    private static final String DEAD_LETTERS = "herd.dead-letters";
    private static final long ANSWER_MILLIS = 5_000;

    private final ActiveMQConnectionFactory factory;
    private final QueueConnection connection;
    private final QueueSession session;
    private final TemporaryQueue replies;
    private final MessageProducer requests;
    private final MessageConsumer answers;

    public HerdQueues(String host, int port) throws JMSException {
        factory = ActiveMQJMSClient.createConnectionFactoryWithoutHA(JMSFactoryType.QUEUE_CF, new TransportConfiguration(
                NettyConnectorFactory.class.getName(), Map.of(TransportConstants.HOST_PROP_NAME, host, TransportConstants.PORT_PROP_NAME, port)));
        connection = factory.createQueueConnection();
        session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
        replies = session.createTemporaryQueue();
        requests = session.createProducer(ActiveMQJMSClient.createQueue("activemq.management"));
        requests.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        answers = session.createConsumer(replies);
        connection.start();
    }

    /** Messages held by each herd queue, by name. */
    public synchronized Map<String, Long> messages() throws Exception {
        Map<String, Long> held = new LinkedHashMap<>();
        for (String queue : names()) {
            held.put(queue, ((Number) ask(ResourceNames.QUEUE + queue, "messageCount")).longValue());
        }
        return held;
    }

    /** True if no herd queue holds a message. */
    public boolean empty() throws Exception {
        return messages().values().stream().allMatch(count -> count == 0);
    }

    private List<String> names() throws Exception {
        Object names = ask(ResourceNames.BROKER, "queueNames");
        return Arrays.stream((Object[]) names).map(String::valueOf)
                .filter(name -> name.startsWith(PREFIX) && !name.equals(DEAD_LETTERS)).sorted().toList();
    }

    private Object ask(String resource, String attribute) throws Exception {
        Message request = session.createMessage();
        request.setJMSReplyTo(replies);
        JMSManagementHelper.putAttribute(request, resource, attribute);
        requests.send(request);
        Message reply = answers.receive(ANSWER_MILLIS);
        if (reply == null || !JMSManagementHelper.hasOperationSucceeded(reply)) {
            throw new IllegalStateException("the broker did not tell " + resource + " " + attribute
                    + (reply == null ? " within " + ANSWER_MILLIS + " ms" : ": " + JMSManagementHelper.getResult(reply)));
        }
        return JMSManagementHelper.getResult(reply);
    }

    @Override
    public void close() throws JMSException {
        try {
            connection.close();
        } finally {
            factory.close();
        }
    }
}
