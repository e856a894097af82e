package io.proxyherd.launcher;

import io.proxyherd.topology.BrokerAddress;
import io.proxyherd.topology.NodeAddress;
import io.proxyherd.topology.Topology;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code herd broker}: the herd's broker alone, with the same journal and settings as in {@code herd up},
 * for a herd whose nodes run elsewhere ({@code herd node}); or one of a primary and backup pair that share that
 * journal ({@code herd up --ha} runs both this way). Runs until Ctrl-C or SIGTERM.
 */
public final class BrokerOnly {

    /** What a broker prints once it serves (a backup, once it has taken over): {@link BrokerProcess} waits for it. */
    static final String SERVING = "serving on";

    /** What a backup prints once it waits for its primary: {@link BrokerProcess} waits for it. */
    static final String WAITING = "waiting to take over";

    private BrokerOnly() {}

    /**
     * One broker of {@code herd up --ha} in a process of its own. Arguments: the herd.properties, the broker.xml, the
     * data and the logs folder, and the role, {@code PRIMARY} or {@code BACKUP}.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: BrokerOnly HERD_PROPERTIES BROKER_XML DATA_DIR LOG_DIR PRIMARY|BACKUP");
            System.exit(64);
        }
        HerdFiles files = HerdFiles.inCheckout(Path.of(""))
                .withConfig(Path.of(args[0]))
                .withBrokerSettings(Path.of(args[1]))
                .withState(Path.of(args[2]), Path.of(args[3]));
        int code = run(files, BrokerRole.valueOf(args[4]));
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The log file of a broker in this role: the backup writes its own beside the primary's. */
    static Path logOf(HerdFiles files, BrokerRole role) {
        return files.logs().resolve(role == BrokerRole.BACKUP ? "broker-backup.log" : "broker.log");
    }

    /** Runs the broker of the configuration until the JVM is asked to stop; 1 at once if it cannot start. */
    public static int run(HerdFiles files, BrokerRole role) throws InterruptedException, IOException {
        Topology topology = Topology.load(files.config());
        BrokerAddress address = role.listensOn(topology);
        Path journal = files.data().resolve("broker");
        Path log = logOf(files, role);
        BrokerLog.writeTo(log);
        EmbeddedBroker broker;
        try {
            PortCheck.requireFree(Map.of(address.port(), "the " + name(role) + " port"), files.config());
            BrokerAccounts accounts = BrokerAccounts.inFolder(
                    files.data(),
                    topology.nodes().stream().map(NodeAddress::name).toList());
            broker = EmbeddedBroker.start(
                    topology,
                    files.brokerSettings(),
                    journal,
                    accounts,
                    role,
                    () -> System.out.printf("The %s is %s %s.%n", name(role), SERVING, address));
        } catch (Exception e) {
            System.err.println("The " + name(role) + " did not start: " + e.getMessage());
            return 1;
        }
        if (role == BrokerRole.BACKUP) {
            System.out.printf(
                    "Backup broker " + WAITING + " from the primary at %s: it serves on %s once the primary"
                            + " is gone (journal in %s, log in %s). Ctrl-C stops it.%n",
                    topology.broker(),
                    address,
                    journal,
                    log);
        } else {
            System.out.printf(
                    "%s up on %s (journal in %s, log in %s, each node's account in %s). Ctrl-C stops it.%n",
                    role == BrokerRole.PRIMARY ? "Primary broker" : "Broker",
                    address,
                    journal,
                    log,
                    files.data().resolve(BrokerAccounts.FILE));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                broker.close();
                                System.out.println("The " + name(role) + " stopped.");
                            } catch (Exception e) {
                                System.err.println("The " + name(role) + " did not stop cleanly: " + e.getMessage());
                            }
                            stopped.countDown();
                        },
                        "broker-shutdown"));
        stopped.await();
        return 0;
    }

    private static String name(BrokerRole role) {
        return switch (role) {
            case ALONE -> "broker";
            case PRIMARY -> "primary broker";
            case BACKUP -> "backup broker";
        };
    }
}
