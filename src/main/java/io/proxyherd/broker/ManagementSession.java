package io.proxyherd.broker;

import io.proxyherd.topology.BrokerAddress;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.time.Duration;
import java.util.HashMap;
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
import org.apache.activemq.artemis.jms.client.ActiveMQConnection;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * An open line to the broker's management address: one connection and session, a temporary queue for
 * the replies, and the producer and consumer that use them. A round sends every question before it
 * waits for any answer; the broker copies each request's correlation id into its reply, and that id
 * pairs answers with questions whatever order they arrive in.
 *
 * <p>Not thread-safe, like the JMS session it holds: its owner asks one round at a time.
 */
final class ManagementSession implements AutoCloseable {

    private static final String MANAGEMENT_ADDRESS = "activemq.management";
    private static final String CONSUMERS = "consumerCount";
    private static final String MESSAGES = "messageCount";
    private static final Answer NO_ANSWER = Answer.unknown("no answer in time");

    private final ActiveMQConnectionFactory factory;
    private final QueueConnection connection;
    private final QueueSession session;
    private final TemporaryQueue replies;
    private final MessageProducer requests;
    private final MessageConsumer answers;
    private volatile JMSException lost;
    private long asked;

    private ManagementSession(ActiveMQConnectionFactory factory, QueueConnection connection) throws JMSException {
        this.factory = factory;
        this.connection = connection;
        connection.setExceptionListener(failure -> lost = failure);
        session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
        // A requestor of our own rather than QueueRequestor, whose request() waits for ever.
        replies = session.createTemporaryQueue();
        requests = session.createProducer(ActiveMQJMSClient.createQueue(MANAGEMENT_ADDRESS));
        // Non-persistent: each send leaves without waiting for the broker's receipt, so a round's questions go out
        // together.
        requests.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        answers = session.createConsumer(replies);
        connection.start();
    }

    /**
     * Connects with short timeouts and no reconnection: a broker that is down costs at most the timeout.
     * Fails with a JMSException if the broker cannot be reached.
     */
    static ManagementSession open(List<BrokerAddress> brokers, String user, String password, Duration timeout)
            throws JMSException {
        ActiveMQConnectionFactory factory = factory(brokers, timeout);
        QueueConnection connection = null;
        try {
            connection = factory.createQueueConnection(user, password);
            return new ManagementSession(factory, connection);
        } catch (JMSException | RuntimeException e) {
            closeQuietly(connection, factory);
            throw e;
        }
    }

    /**
     * Built from a transport configuration rather than a URL: parsing a URL needs commons-collections,
     * which the resource adapter, where the node finds this client, does not ship.
     */
    private static ActiveMQConnectionFactory factory(List<BrokerAddress> brokers, Duration timeout) {
        TransportConfiguration[] transports = brokers.stream()
                .map(broker -> new TransportConfiguration(
                        NettyConnectorFactory.class.getName(),
                        Map.of(
                                TransportConstants.HOST_PROP_NAME, broker.host(),
                                TransportConstants.PORT_PROP_NAME, broker.port(),
                                TransportConstants.NETTY_CONNECT_TIMEOUT, (int) timeout.toMillis())))
                .toArray(TransportConfiguration[]::new);
        // Each broker is tried once in turn: a backup that has not taken over refuses at once.
        ActiveMQConnectionFactory factory =
                ActiveMQJMSClient.createConnectionFactoryWithoutHA(JMSFactoryType.QUEUE_CF, transports);
        factory.setCallTimeout(timeout.toMillis());
        factory.setReconnectAttempts(0);
        factory.setInitialConnectAttempts(1);
        // The other broker at once when one refuses. The client starts at a random one of the two and waited its
        // default 2 s before the next: half of a node's first questions, with no backup running, took 2 s more.
        factory.setRetryInterval(0);
        // No producer flow control: waiting for credits from a broker that has stopped answering has no deadline.
        factory.setProducerWindowSize(-1);
        return factory;
    }

    /** False once the client has seen the connection fail; a session in that state is only good for closing. */
    /** The broker this session is connected to, {@code host:port}: of a primary and a backup, the one that serves. */
    String connectedTo() {
        Map<String, Object> params = ((ActiveMQConnection) connection)
                .getSessionFactory()
                .getConnectorConfiguration()
                .getParams();
        return params.get(TransportConstants.HOST_PROP_NAME) + ":" + params.get(TransportConstants.PORT_PROP_NAME);
    }

    boolean usable() {
        return lost == null;
    }

    /**
     * The state of each queue, in the order asked; a queue the broker does not know, or that it does not
     * describe by the deadline, is reported as unknown. Fails with a JMSException if the connection fails.
     */
    Map<String, QueueState> states(List<String> queues, long deadlineNanos) throws JMSException {
        Map<String, Question> pending = new HashMap<>();
        for (String queue : queues) {
            for (String attribute : List.of(CONSUMERS, MESSAGES)) {
                pending.put(ask(queue, attribute), new Question(queue, attribute));
            }
        }
        Map<Question, Answer> answered = new HashMap<>();
        long remainingMillis;
        while (!pending.isEmpty() && (remainingMillis = (deadlineNanos - System.nanoTime()) / 1_000_000) > 0) {
            Message reply = answers.receive(remainingMillis);
            if (reply == null) {
                break;
            }
            // A reply to an earlier round that gave up waiting carries an id no longer pending, and is dropped.
            Question question = pending.remove(reply.getJMSCorrelationID());
            if (question != null) {
                answered.put(question, Answer.in(reply));
            }
        }
        JMSException failure = lost;
        if (failure != null) {
            JMSException report = new JMSException("connection to the broker lost: " + failure.getMessage());
            report.initCause(failure);
            throw report;
        }
        Map<String, QueueState> states = new LinkedHashMap<>();
        for (String queue : queues) {
            states.put(
                    queue,
                    state(
                            queue,
                            answered.getOrDefault(new Question(queue, CONSUMERS), NO_ANSWER),
                            answered.getOrDefault(new Question(queue, MESSAGES), NO_ANSWER)));
        }
        return states;
    }

    private String ask(String queue, String attribute) throws JMSException {
        String id = "herd-watch-" + ++asked;
        Message request = session.createMessage();
        request.setJMSReplyTo(replies);
        request.setJMSCorrelationID(id);
        JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, attribute);
        requests.send(request);
        return id;
    }

    private static QueueState state(String queue, Answer consumers, Answer messages) {
        if (!consumers.known()) {
            return QueueState.unknown(queue, consumers.unknownBecause());
        }
        if (!messages.known()) {
            return QueueState.unknown(queue, messages.unknownBecause());
        }
        return QueueState.of(
                queue, consumers.value().intValue(), messages.value().longValue());
    }

    /** Closes the connection, and with it the session, its temporary queue, producer and consumer. */
    @Override
    public void close() {
        closeQuietly(connection, factory);
    }

    // A failing close says nothing new: the failure that made us close has already been reported.
    private static void closeQuietly(QueueConnection connection, ActiveMQConnectionFactory factory) {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (JMSException | RuntimeException alreadyReported) {
        } finally {
            factory.close();
        }
    }

    private record Question(String queue, String attribute) {}

    private record Answer(Number value, String unknownBecause) {

        static Answer unknown(String because) {
            return new Answer(null, because);
        }

        static Answer in(Message reply) {
            try {
                if (JMSManagementHelper.hasOperationSucceeded(reply)
                        && JMSManagementHelper.getResult(reply) instanceof Number number) {
                    return new Answer(number, null);
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
