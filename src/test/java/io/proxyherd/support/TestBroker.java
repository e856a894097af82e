package io.proxyherd.support;

import io.proxyherd.launcher.BrokerAccounts;
import io.proxyherd.launcher.EmbeddedBroker;
import io.proxyherd.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the real Artemis broker for the in-container tests, as the local herd does, with the topology
 * of {@code it/herd.properties}. Register it before Arquillian so the broker is up when the node boots.
 */
public final class TestBroker implements BeforeAllCallback, AfterAllCallback {

    public static final Path CONFIG =
            Path.of(System.getProperty("herd.it.config", "target/test-classes/it/herd.properties"));
    /** The herd's broker settings, as every broker of the herd reads them. */
    public static final Path SETTINGS = Path.of("server-config", "broker.xml");

    /**
     * The accounts of it/herd.properties' nodes, with passwords known to the tests: Alpha, the deployed node, gets its
     * own from the environment failsafe gives the test JVM (pom.xml), which the node inherits.
     */
    public static final BrokerAccounts ACCOUNTS = BrokerAccounts.of(Map.of(
            "Alpha",
            "it-alpha-password",
            "Beta",
            "it-beta-password",
            "Gamma",
            "it-gamma-password",
            BrokerAccounts.MONITOR,
            "it-monitor-password",
            BrokerAccounts.CLUSTER,
            "it-cluster-password"));

    private static EmbeddedBroker broker;
    private static Path data;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        data = Files.createTempDirectory(Path.of("target"), "it-broker");
        broker = EmbeddedBroker.start(Topology.load(CONFIG), SETTINGS, data, ACCOUNTS);
    }

    /** Stops the broker, as an outage would. */
    public static void stop() throws Exception {
        broker.close();
    }

    /** Starts the broker again on the same journal: what was stored before the outage is still there. */
    public static void start() throws Exception {
        broker = EmbeddedBroker.start(Topology.load(CONFIG), SETTINGS, data, ACCOUNTS);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        broker.close();
        broker = null;
    }

    public static BrokerInspection broker() {
        return BrokerInspection.of(broker);
    }

    /** A connection factory logged in as one of it/herd.properties' nodes, which may do what that node may. */
    public static ActiveMQConnectionFactory as(String node) {
        return new ActiveMQConnectionFactory(url(), node, ACCOUNTS.password(node));
    }

    public static String url() {
        Topology topology = Topology.load(CONFIG);
        return "tcp://" + topology.broker().host() + ":" + topology.broker().port();
    }
}
