package io.proxyherd.broker;

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
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.JMSFactoryType;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Asks a running broker, through its management address, how many consumers read each queue and how
 * many messages wait in it. Used by the command line and by each node (the node loads the Artemis
 * client from the resource adapter, which Payara shares with every application).
 *
 * <p>Each call opens its own connection with short timeouts and no reconnection, so a broker that is
 * down costs at most the timeout, never a hang.
 */
public final class BrokerQueues {

    private static final String MANAGEMENT_ADDRESS = "activemq.management";

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final Duration timeout;

    public BrokerQueues(String host, int port, String user, String password, Duration timeout) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.timeout = timeout;
    }

    /**
     * The state of each queue, in the order asked; a queue the broker does not know, or that it does not
     * describe within the timeout, is reported as unknown. Fails with a JMSException if the broker cannot
     * be reached.
     */
    public Map<String, QueueState> states(List<String> queues) throws JMSException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (ActiveMQConnectionFactory factory = factory();
                QueueConnection connection = factory.createQueueConnection(blankToNull(user), blankToNull(password))) {
            QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue management = ActiveMQJMSClient.createQueue(MANAGEMENT_ADDRESS);
            // A requestor of our own rather than QueueRequestor, whose request() waits for ever.
            TemporaryQueue replies = session.createTemporaryQueue();
            MessageProducer requests = session.createProducer(management);
            MessageConsumer answers = session.createConsumer(replies);
            connection.start();
            Map<String, QueueState> states = new LinkedHashMap<>();
            for (String queue : queues) {
                Attribute consumers = ask(session, requests, answers, replies, queue, "consumerCount", deadline);
                Attribute messages = consumers.known()
                        ? ask(session, requests, answers, replies, queue, "messageCount", deadline)
                        : consumers;
                states.put(queue, messages.known()
                        ? QueueState.of(queue, consumers.value().intValue(), messages.value().longValue())
                        : QueueState.unknown(queue, messages.unknownBecause()));
            }
            return states;
        }
    }

    /**
     * Built from a transport configuration rather than a URL: parsing a URL needs commons-collections,
     * which the resource adapter, where the node finds this client, does not ship.
     */
    private ActiveMQConnectionFactory factory() {
        TransportConfiguration transport = new TransportConfiguration(NettyConnectorFactory.class.getName(), Map.of(
                TransportConstants.HOST_PROP_NAME, host,
                TransportConstants.PORT_PROP_NAME, port,
                TransportConstants.NETTY_CONNECT_TIMEOUT, (int) timeout.toMillis()));
        ActiveMQConnectionFactory factory = ActiveMQJMSClient.createConnectionFactoryWithoutHA(JMSFactoryType.QUEUE_CF, transport);
        factory.setCallTimeout(timeout.toMillis());
        factory.setReconnectAttempts(0);
        factory.setInitialConnectAttempts(1);
        return factory;
    }

    private static Attribute ask(QueueSession session, MessageProducer requests, MessageConsumer answers,
            TemporaryQueue replies, String queue, String attribute, long deadline) throws JMSException {
        long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
        if (remainingMillis <= 0) {
            return Attribute.unknown("no answer in time");
        }
        Message request = session.createMessage();
        request.setJMSReplyTo(replies);
        JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, attribute);
        requests.send(request);
        return Attribute.in(answers.receive(remainingMillis));
    }

    public String address() {
        return host + ":" + port;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private record Attribute(Number value, String unknownBecause) {

        static Attribute unknown(String because) {
            return new Attribute(null, because);
        }

        static Attribute in(Message reply) {
            if (reply == null) {
                return unknown("no answer in time");
            }
            try {
                if (JMSManagementHelper.hasOperationSucceeded(reply)
                        && JMSManagementHelper.getResult(reply) instanceof Number number) {
                    return new Attribute(number, null);
                }
                return unknown("no such queue");
            } catch (Exception e) {
                return unknown("unreadable answer");
            }
        }

        boolean known() {
            return unknownBecause == null;
        }
    }
}
