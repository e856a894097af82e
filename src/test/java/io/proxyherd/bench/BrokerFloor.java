package io.proxyherd.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;

/**
 * The convergence floor of this machine and broker: a message carried over as many hops as an update from
 * Welsh to Hands, each hop as the herd makes it (received, sent on persistent in a local transaction,
 * committed), by bare JMS clients in this JVM with no herd around them. An update cannot cross the herd
 * faster than this; the herd's convergence is printed beside it.
 */
final class BrokerFloor implements AutoCloseable {

    private static final String QUEUE = "bench.floor.";
    /** The account the chain logs in with: the broker lets nobody else at bench.floor.*, nor this one at anything else. */
    private static final String USER = "bench-floor";

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final List<Connection> connections = new ArrayList<>();
    private final List<Thread> relays = new ArrayList<>();
    private final Session originSession;
    private final MessageProducer origin;
    private final Session endSession;
    private final MessageConsumer end;

    /**
     * Opens the chain on the herd's broker, which runs in this JVM: {@code hops} queues after the first, each emptied
     * and forwarded by a relay of its own.
     */
    BrokerFloor(ActiveMQServer broker, String host, int port, int hops) throws JMSException {
        String password = allowChain(broker);
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://" + host + ":" + port, USER, password);
        Connection first = open(factory);
        originSession = first.createSession(true, Session.SESSION_TRANSACTED);
        origin = originSession.createProducer(originSession.createQueue(QUEUE + 0));
        origin.setDeliveryMode(DeliveryMode.PERSISTENT);
        for (int hop = 0; hop < hops - 1; hop++) {
            Session session = open(factory).createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer in = session.createConsumer(session.createQueue(QUEUE + hop));
            MessageProducer out = session.createProducer(session.createQueue(QUEUE + (hop + 1)));
            out.setDeliveryMode(DeliveryMode.PERSISTENT);
            Thread relay = new Thread(() -> relay(session, in, out), "floor-relay-" + hop);
            relay.setDaemon(true);
            relay.start();
            relays.add(relay);
        }
        Connection last = open(factory);
        endSession = last.createSession(false, Session.AUTO_ACKNOWLEDGE);
        end = endSession.createConsumer(endSession.createQueue(QUEUE + (hops - 1)));
    }

    /** Sends {@code samples} messages one at a time, {@code pause} apart; returns each one's time to the end (ns), sorted. */
    long[] measure(int samples, Duration pause) throws JMSException, InterruptedException {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long sent = System.nanoTime();
            origin.send(originSession.createTextMessage("floor " + i));
            originSession.commit();
            Message arrived = end.receive(PATIENCE.toMillis());
            if (arrived == null) {
                throw new IllegalStateException(
                        "a message took longer than " + PATIENCE.toSeconds() + " s over the chain");
            }
            times.add(System.nanoTime() - sent);
            Thread.sleep(pause.toMillis());
        }
        return Figures.sorted(times);
    }

    private static void relay(Session session, MessageConsumer in, MessageProducer out) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Message message = in.receive(1_000);
                if (message != null) {
                    out.send(message);
                    session.commit();
                }
            }
        } catch (JMSException | RuntimeException e) {
            // the chain is closing (close() interrupts a relay waiting on the broker)
        }
    }

    /** Adds the chain's account to the broker, with every right on the chain's queues alone; returns its password. */
    private static String allowChain(ActiveMQServer broker) {
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        var accounts = ((ActiveMQJAASSecurityManager) broker.getSecurityManager()).getConfiguration();
        accounts.addUser(USER, password);
        accounts.addRole(USER, USER);
        broker.getSecurityRepository()
                .addMatch(
                        QUEUE + "#",
                        Set.of(new Role(
                                USER, true, true, true, true, true, true, false, true, true, true, false, false)));
        return password;
    }

    private Connection open(ActiveMQConnectionFactory factory) throws JMSException {
        Connection connection = factory.createConnection();
        connections.add(connection);
        connection.start();
        return connection;
    }

    @Override
    public void close() throws JMSException {
        relays.forEach(Thread::interrupt);
        for (Connection connection : connections) {
            connection.close();
        }
    }
}
