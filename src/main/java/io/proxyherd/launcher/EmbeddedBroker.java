package io.proxyherd.launcher;

import io.proxyherd.topology.NodeAddress;
import io.proxyherd.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;

/**
 * The local herd's Artemis broker, with the settings of {@code server-config/broker.xml} (as the compose broker),
 * placed here: its journal under a data folder, listening where herd.properties says, a live and a catch-up queue
 * made for every node before any node connects, and an account for each node that may do only what the herd's
 * links need ({@link BrokerSecurity}).
 */
public final class EmbeddedBroker implements AutoCloseable {

    static final String DEAD_LETTERS = "herd.dead-letters";

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();

    private EmbeddedBroker() {}

    public static EmbeddedBroker start(Topology topology, Path settings, Path dataDirectory, BrokerAccounts accounts)
            throws Exception {
        EmbeddedBroker embedded = new EmbeddedBroker();
        embedded.broker.setConfiguration(configuration(topology, settings, dataDirectory));
        embedded.broker.setSecurityManager(
                new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), BrokerSecurity.users(accounts)));
        embedded.broker.start();
        if (!embedded.broker.getActiveMQServer().isActive()) {
            // Artemis logs a failure in its initialisation and returns as if started.
            embedded.close();
            throw new IllegalStateException("the broker did not start; its log (logs/broker.log) says why");
        }
        return embedded;
    }

    /** The broker.xml file's settings as Artemis reads them. */
    static Configuration settings(Path file) throws Exception {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("no broker settings at " + file.toAbsolutePath());
        }
        FileConfiguration settings = new FileConfiguration();
        new FileDeploymentManager(file.toUri().toString()).addDeployable(settings).readConfiguration();
        return settings;
    }

    static Configuration configuration(Topology topology, Path settings, Path data) throws Exception {
        Configuration config = settings(settings)
                .setSecurityEnabled(true)
                .setSecurityRoles(BrokerSecurity.roles(topology))
                // No web console here to read JMX.
                .setJMXManagementEnabled(false)
                .setJournalDirectory(data.resolve("journal").toString())
                .setBindingsDirectory(data.resolve("bindings").toString())
                .setLargeMessagesDirectory(data.resolve("large-messages").toString())
                .setPagingDirectory(data.resolve("paging").toString());
        // Management questions checked operation by operation, so reading a count does not allow changing anything.
        config.setManagementMessageRbac(true);
        config.getAcceptorConfigurations().clear();
        config.addAcceptorConfiguration("herd", "tcp://" + topology.brokerHost() + ":" + topology.brokerPort());
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
