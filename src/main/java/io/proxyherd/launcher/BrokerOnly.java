package io.proxyherd.launcher;

import io.proxyherd.topology.NodeAddress;
import io.proxyherd.topology.Topology;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code herd broker}: the herd's broker alone, with the same journal and settings as in {@code herd up},
 * for a herd whose nodes run elsewhere ({@code herd node}). Runs until Ctrl-C or SIGTERM.
 */
public final class BrokerOnly {

    private BrokerOnly() {}

    /** Runs the broker of the configuration until the JVM is asked to stop; 1 at once if it cannot start. */
    public static int run(HerdFiles files) throws InterruptedException, IOException {
        Topology topology = Topology.load(files.config());
        Path journal = files.data().resolve("broker");
        BrokerLog.writeTo(files.logs().resolve("broker.log"));
        EmbeddedBroker broker;
        try {
            PortCheck.requireBrokerPortFree(topology, files.config());
            BrokerAccounts accounts = BrokerAccounts.inFolder(files.data(), topology.nodes().stream().map(NodeAddress::name).toList());
            broker = EmbeddedBroker.start(topology, files.brokerSettings(), journal, accounts);
        } catch (Exception e) {
            System.err.println("The broker did not start: " + e.getMessage());
            return 1;
        }
        System.out.printf("Broker up on %s:%d (journal in %s, log in %s, each node's account in %s). Ctrl-C stops it.%n",
                topology.brokerHost(), topology.brokerPort(), journal, files.logs().resolve("broker.log"),
                files.data().resolve(BrokerAccounts.FILE));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.close();
                System.out.println("Broker stopped.");
            } catch (Exception e) {
                System.err.println("The broker did not stop cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }, "broker-shutdown"));
        stopped.await();
        return 0;
    }
}
