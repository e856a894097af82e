package io.proxyherd.launcher;

import io.proxyherd.topology.NodeAddress;
import io.proxyherd.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.ClusterConnectionConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.ha.SharedStoreBackupPolicyConfiguration;
import org.apache.activemq.artemis.core.config.ha.SharedStorePrimaryPolicyConfiguration;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.server.ActivateCallback;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.cluster.impl.MessageLoadBalancingType;
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

    private static final String PRIMARY = "primary";
    private static final String BACKUP = "backup";

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();

    private EmbeddedBroker() {}

    /** The herd's only broker, serving once this returns. */
    public static EmbeddedBroker start(Topology topology, Path settings, Path dataDirectory, BrokerAccounts accounts)
            throws Exception {
        return start(topology, settings, dataDirectory, accounts, BrokerRole.ALONE, () -> {});
    }

    /**
     * A broker in the given role: serving once this returns, but for a backup, which returns waiting for its primary
     * and runs {@code serving} when it has taken over (an alone broker or a primary runs it before this returns).
     */
    public static EmbeddedBroker start(
            Topology topology,
            Path settings,
            Path dataDirectory,
            BrokerAccounts accounts,
            BrokerRole role,
            Runnable serving)
            throws Exception {
        EmbeddedBroker embedded = new EmbeddedBroker();
        embedded.broker.setConfiguration(configuration(topology, settings, dataDirectory, accounts, role));
        embedded.broker.setSecurityManager(
                new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), BrokerSecurity.users(accounts)));
        embedded.broker.createActiveMQServer();
        embedded.broker.getActiveMQServer().registerActivateCallback(new ActivateCallback() {
            @Override
            public void activationComplete() {
                serving.run();
            }
        });
        embedded.broker.start();
        ActiveMQServer server = embedded.broker.getActiveMQServer();
        // A backup waiting for its primary stays STARTING until it takes over.
        if (role == BrokerRole.BACKUP
                ? server.getState() != ActiveMQServer.SERVER_STATE.STARTING
                : !server.isActive()) {
            // Artemis logs a failure in its initialisation and returns as if started.
            embedded.close();
            throw new IllegalStateException("the broker did not start; its log says why");
        }
        return embedded;
    }

    /** The broker.xml file's settings as Artemis reads them. */
    static Configuration settings(Path file) throws Exception {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("no broker settings at " + file.toAbsolutePath());
        }
        FileConfiguration settings = new FileConfiguration();
        new FileDeploymentManager(file.toUri().toString())
                .addDeployable(settings)
                .readConfiguration();
        return settings;
    }

    static Configuration configuration(
            Topology topology, Path settings, Path data, BrokerAccounts accounts, BrokerRole role) throws Exception {
        Configuration config = settings(settings)
                .setSecurityEnabled(true)
                .setSecurityRoles(BrokerSecurity.roles(topology))
                // No web console here to read JMX.
                .setJMXManagementEnabled(false)
                .setJournalDirectory(data.resolve("journal").toString())
                .setBindingsDirectory(data.resolve("bindings").toString())
                .setLargeMessagesDirectory(data.resolve("large-messages").toString())
                .setPagingDirectory(data.resolve("paging").toString());
        // Artemis lets its cluster user do anything, and its default password is public: a broker alone has it too.
        config.setClusterUser(BrokerAccounts.CLUSTER);
        config.setClusterPassword(accounts.password(BrokerAccounts.CLUSTER));
        config.getAcceptorConfigurations().clear();
        config.addAcceptorConfiguration("herd", role.listensOn(topology).url());
        if (role != BrokerRole.ALONE) {
            pair(config, topology, role);
        }
        // The file has the default herd's queues; another herd.properties may name other nodes.
        Set<String> listed = config.getAddressConfigurations().stream()
                .map(CoreAddressConfiguration::getName)
                .collect(Collectors.toSet());
        for (NodeAddress node : topology.nodes()) {
            for (String queue : List.of(Topology.queueOf(node.name()), Topology.catchUpQueueOf(node.name()))) {
                if (!listed.contains(queue)) {
                    config.addAddressConfiguration(anycastQueue(queue));
                }
            }
        }
        return config;
    }

    /**
     * Shared store: both brokers use the one journal, and the lock on it decides which serves. The cluster connection
     * only lets the backup announce itself, so that clients learn from the primary where to go when it dies.
     */
    private static void pair(Configuration config, Topology topology, BrokerRole role) throws Exception {
        String own = role == BrokerRole.PRIMARY ? PRIMARY : BACKUP;
        String other = role == BrokerRole.PRIMARY ? BACKUP : PRIMARY;
        config.addConnectorConfiguration(PRIMARY, topology.broker().url());
        config.addConnectorConfiguration(BACKUP, topology.backupBroker().url());
        config.addClusterConfiguration(new ClusterConnectionConfiguration()
                .setName("herd-pair")
                .setConnectorName(own)
                .setStaticConnectors(List.of(other))
                .setMessageLoadBalancingType(MessageLoadBalancingType.OFF)
                .setRetryInterval(500)
                .setReconnectAttempts(-1));
        config.setHAPolicyConfiguration(
                role == BrokerRole.PRIMARY
                        ? new SharedStorePrimaryPolicyConfiguration()
                        : new SharedStoreBackupPolicyConfiguration());
    }

    private static CoreAddressConfiguration anycastQueue(String name) {
        return new CoreAddressConfiguration()
                .setName(name)
                .addRoutingType(RoutingType.ANYCAST)
                .addQueueConfig(QueueConfiguration.of(name)
                        .setRoutingType(RoutingType.ANYCAST)
                        .setDurable(true));
    }

    /** The running Artemis server, for a caller that wants to look inside it (the tests do). */
    public ActiveMQServer server() {
        return broker.getActiveMQServer();
    }

    @Override
    public void close() throws Exception {
        broker.stop();
    }
}
