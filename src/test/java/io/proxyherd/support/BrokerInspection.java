package io.proxyherd.support;

import io.proxyherd.launcher.EmbeddedBroker;
import io.proxyherd.topology.Topology;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;

/** What a test reads inside a running local broker: its queues' consumers and messages, its connections. */
public final class BrokerInspection {

    public static final String DEAD_LETTERS = "herd.dead-letters";

    private final ActiveMQServer server;

    private BrokerInspection(ActiveMQServer server) {
        this.server = server;
    }

    public static BrokerInspection of(EmbeddedBroker broker) {
        return new BrokerInspection(broker.server());
    }

    /** How many consumers (a node's message-driven bean sessions) read the node's queue. */
    public int consumersOf(String node) {
        Queue queue = queue(Topology.queueOf(node));
        return queue == null ? 0 : queue.getConsumerCount();
    }

    /** How many flood messages wait for the node, live and catch-up. */
    public long messagesWaitingFor(String node) {
        return messageCount(Topology.queueOf(node)) + messageCount(Topology.catchUpQueueOf(node));
    }

    /** How many messages the dead-letter queue holds. */
    public long deadLetters() {
        return messageCount(DEAD_LETTERS);
    }

    /** How many client connections are open now. */
    public int connectionsOpen() {
        return server.getConnectionCount();
    }

    /** How many client connections the broker has accepted since it started, open or closed since. */
    public long connectionsAccepted() {
        return server.getTotalConnectionCount();
    }

    private long messageCount(String name) {
        Queue queue = queue(name);
        return queue == null ? 0 : queue.getMessageCount();
    }

    private Queue queue(String name) {
        return server.locateQueue(SimpleString.of(name));
    }
}
