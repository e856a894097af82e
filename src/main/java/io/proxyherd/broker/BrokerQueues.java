package io.proxyherd.broker;

import io.proxyherd.topology.BrokerAddress;
import jakarta.jms.JMSException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Asks a running broker, through its management address, how many consumers read each queue and how
 * many messages wait in it. Used by the command line, once, and by each node, every few seconds (the
 * node loads the Artemis client from the resource adapter, which Payara shares with every application).
 *
 * <p>The first call opens a {@link ManagementSession} and later calls reuse it; after a failure it is
 * closed and the next call opens a new one. Connecting and asking have short timeouts and nothing
 * reconnects by itself, so a broker that is down costs at most the timeout per call, never a hang. Of a primary and a
 * backup broker, it asks the one that serves.
 */
public final class BrokerQueues implements AutoCloseable {

    private final List<BrokerAddress> brokers;
    private final String user;
    private final String password;
    private final Duration timeout;
    private ManagementSession session;

    /** Asks whichever of {@code brokers} serves (a backup serves only once its primary is gone). */
    public BrokerQueues(List<BrokerAddress> brokers, String user, String password, Duration timeout) {
        this.brokers = List.copyOf(brokers);
        this.user = user;
        this.password = password;
        this.timeout = timeout;
    }

    /**
     * The state of each queue, in the order asked; a queue the broker does not know, or that it does not
     * describe within the timeout, is reported as unknown. Fails with a JMSException if the broker cannot
     * be reached or the connection to it fails.
     */
    public synchronized Map<String, QueueState> states(List<String> queues) throws JMSException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (session != null && !session.usable()) {
            discard();
        }
        if (session == null) {
            session = ManagementSession.open(brokers, blankToNull(user), blankToNull(password), timeout);
        }
        try {
            return session.states(queues, deadline);
        } catch (JMSException | RuntimeException e) {
            discard();
            throw e;
        }
    }

    /** The broker the kept connection reaches; without one, every broker this asks, as "a or b". */
    public synchronized String address() {
        if (session != null) {
            return session.connectedTo();
        }
        return brokers.stream().map(BrokerAddress::toString).collect(Collectors.joining(" or "));
    }

    /** Closes the connection kept between calls, if any; a later call would open a new one. */
    @Override
    public synchronized void close() {
        discard();
    }

    private void discard() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
