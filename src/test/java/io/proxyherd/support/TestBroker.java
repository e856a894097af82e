package io.proxyherd.support;

import io.proxyherd.topology.Topology;
import io.proxyherd.launcher.EmbeddedBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the real Artemis broker for the in-container tests, as the local herd does, with the topology
 * of {@code it/herd.properties}. Register it before Arquillian so the broker is up when the node boots.
 */
public final class TestBroker implements BeforeAllCallback, AfterAllCallback {

    public static final Path CONFIG = Path.of(System.getProperty("herd.it.config", "target/test-classes/it/herd.properties"));
    /** The herd's broker settings, as every broker of the herd reads them. */
    public static final Path SETTINGS = Path.of("server-config", "broker.xml");

    private static EmbeddedBroker broker;
    private static Path data;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        data = Files.createTempDirectory(Path.of("target"), "it-broker");
        broker = EmbeddedBroker.start(Topology.load(CONFIG), SETTINGS, data);
    }

    /** Stops the broker, as an outage would. */
    public static void stop() throws Exception {
        broker.close();
    }

    /** Starts the broker again on the same journal: what was stored before the outage is still there. */
    public static void start() throws Exception {
        broker = EmbeddedBroker.start(Topology.load(CONFIG), SETTINGS, data);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        broker.close();
        broker = null;
    }

    public static EmbeddedBroker broker() {
        return broker;
    }

    public static String url() {
        Topology topology = Topology.load(CONFIG);
        return "tcp://" + topology.brokerHost() + ":" + topology.brokerPort();
    }
}
