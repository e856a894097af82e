package io.proxyherd.launcher;

import io.proxyherd.topology.NodeAddress;
import io.proxyherd.topology.Topology;
import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * The local herd's Artemis broker: a persistent journal under a data folder and one durable queue
 * per node. Redelivery and the dead-letter address live here, in broker configuration, as in the
 * docker deployment's broker.
 */
public final class EmbeddedBroker implements AutoCloseable {

    static final String DEAD_LETTERS = "herd.dead-letters";

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();

    private EmbeddedBroker() {}

    public static EmbeddedBroker start(Topology topology, Path dataDirectory) throws Exception {
        EmbeddedBroker embedded = new EmbeddedBroker();
        embedded.broker.setConfiguration(configuration(topology, dataDirectory));
        embedded.broker.start();
        return embedded;
    }

    private static Configuration configuration(Topology topology, Path data) throws Exception {
        Configuration config = new ConfigurationImpl()
                .setName("herd-broker")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setJournalDirectory(data.resolve("journal").toString())
                .setBindingsDirectory(data.resolve("bindings").toString())
                .setLargeMessagesDirectory(data.resolve("large-messages").toString())
                .setPagingDirectory(data.resolve("paging").toString())
                // Flush the journal every 0.5 ms instead of NIO's default ~3.3 ms: every flood hop waits for it.
                .setJournalBufferTimeout_NIO(500_000)
                .addAcceptorConfiguration("herd", "tcp://" + topology.brokerHost() + ":" + topology.brokerPort());
        // Every other queue, such as the temporary reply queues of management questions (a node asks
        // every 1.5 s), is told where dead and expired messages go, or the broker warns at each one.
        config.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTERS))
                .setExpiryAddress(SimpleString.of(DEAD_LETTERS)));
        config.addAddressSetting("herd.#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTERS))
                // A batch whose forward failed is tried again for about 12 s (0.5 s doubling to 5 s); one
                // that cannot be read goes to the dead-letter queue after its sixth delivery.
                .setMaxDeliveryAttempts(6)
                .setRedeliveryDelay(500)
                .setRedeliveryMultiplier(2)
                .setMaxRedeliveryDelay(5_000)
                .setAutoCreateQueues(true)
                .setAutoDeleteQueues(false)
                .setAutoDeleteAddresses(false));
        config.addAddressConfiguration(anycastQueue(DEAD_LETTERS));
        for (NodeAddress node : topology.nodes()) {
            config.addAddressConfiguration(anycastQueue(Topology.queueOf(node.name())));
            config.addAddressConfiguration(anycastQueue(Topology.catchUpQueueOf(node.name())));
        }
        return config;
    }

    private static CoreAddressConfiguration anycastQueue(String name) {
        return new CoreAddressConfiguration()
                .setName(name)
                .addRoutingType(RoutingType.ANYCAST)
                .addQueueConfig(QueueConfiguration.of(name).setRoutingType(RoutingType.ANYCAST).setDurable(true));
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

    private long messageCount(String name) {
        Queue queue = queue(name);
        return queue == null ? 0 : queue.getMessageCount();
    }

    /** How many client connections are open now. */
    public int connectionsOpen() {
        return broker.getActiveMQServer().getConnectionCount();
    }

    /** How many client connections the broker has accepted since it started, open or closed since. */
    public long connectionsAccepted() {
        return broker.getActiveMQServer().getTotalConnectionCount();
    }

    private Queue queue(String name) {
        return broker.getActiveMQServer().locateQueue(SimpleString.of(name));
    }

    @Override
    public void close() throws Exception {
        broker.stop();
    }
}
