package io.proxyherd.cli;

import io.proxyherd.broker.BrokerQueues;
import io.proxyherd.broker.QueueState;
import io.proxyherd.launcher.BrokerAccounts;
import io.proxyherd.launcher.ControlClient;
import io.proxyherd.launcher.NodeState;
import io.proxyherd.launcher.ReadinessProbe;
import io.proxyherd.topology.NodeAddress;
import io.proxyherd.topology.Topology;
import jakarta.jms.JMSException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code herd status}: every node's health and addresses, and the consumers of its queue as the broker counts them. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Prints a row per node: whether its application serves (/health/ready and its client port), "
                    + "its ports, its neighbours, and the consumers and waiting messages the broker counts on its queue.",
            "A node that does not serve shows as stopped, killed or starting when the herd up running with --data "
                    + "says so, and as down otherwise.",
            "Exits with 1 if a node is down or starting, or the broker cannot be reached.",
            "It asks the broker as the local broker's read-only account if the data folder has broker-accounts.properties, "
                    + "else as HERD_BROKER_USER with HERD_BROKER_PASSWORD."
        })
final class StatusCommand implements Callable<Integer> {

    // Held so the settings stay: a broker that is down is reported once, in the table, not by the client's own
    // warnings.
    private static final List<Logger> CLIENT_LOGGERS = List.of(
            Logger.getLogger("org.apache.activemq.artemis.core.client"),
            Logger.getLogger("org.apache.activemq.artemis.jms.client"),
            Logger.getLogger("io.netty"));

    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration HERD_TIMEOUT = Duration.ofSeconds(3);

    @ParentCommand
    private HerdCommand herd;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "data",
            description =
                    "The data folder of a running herd up, asked which nodes it stopped (default: ${DEFAULT-VALUE}).")
    private Path data;

    /**
     * As the local broker's read-only account if the data folder has the accounts file ({@code herd up} and
     * {@code herd broker} make it), else as HERD_BROKER_USER, if set (a broker elsewhere).
     */
    private BrokerQueues brokerQueues(Topology topology) throws IOException {
        Optional<BrokerAccounts> accounts = BrokerAccounts.inFolder(data);
        String user = accounts.isPresent() ? BrokerAccounts.MONITOR : System.getenv("HERD_BROKER_USER");
        String password = accounts.isPresent() ? accounts.get().password(user) : System.getenv("HERD_BROKER_PASSWORD");
        return new BrokerQueues(topology.brokers(), user, password, BROKER_TIMEOUT);
    }

    @Override
    public Integer call() throws IOException {
        Topology topology = herd.topology();
        List<NodeAddress> nodes = topology.nodes();
        Map<String, NodeState> known =
                new ControlClient(data).states(HERD_TIMEOUT).orElse(Map.of());
        List<Health> health = nodes.parallelStream()
                .map(node -> Health.of(ReadinessProbe.isReady(node), Optional.ofNullable(known.get(node.name()))))
                .toList();
        CLIENT_LOGGERS.forEach(logger -> logger.setLevel(Level.OFF));
        BrokerQueues broker = brokerQueues(topology);
        List<String> queues =
                nodes.stream().map(node -> Topology.queueOf(node.name())).toList();
        List<String> problems = new ArrayList<>();
        Map<String, QueueState> states;
        try {
            states = broker.states(queues);
        } catch (JMSException | RuntimeException e) {
            problems.add("the broker at " + broker.address() + " is unreachable (" + Failures.describe(e) + ")");
            states = Map.of();
        } finally {
            broker.close();
        }
        List<NodeStatus> rows = new ArrayList<>();
        Map<Health, List<String>> failing = new EnumMap<>(Health.class);
        for (int i = 0; i < nodes.size(); i++) {
            NodeAddress node = nodes.get(i);
            rows.add(new NodeStatus(
                    node,
                    health.get(i),
                    topology.neighbours(node.name()),
                    states.getOrDefault(queues.get(i), QueueState.unknown(queues.get(i), "broker unreachable"))));
            if (health.get(i).failing()) {
                failing.computeIfAbsent(health.get(i), key -> new ArrayList<>()).add(node.name());
            }
        }
        spec.commandLine().getOut().print(StatusTable.format(rows));
        spec.commandLine().getOut().flush();
        List<String> notServing = new ArrayList<>();
        failing.forEach((state, names) ->
                notServing.add(String.join(", ", names) + (names.size() == 1 ? " is " : " are ") + state.word()));
        problems.addAll(0, notServing);
        if (problems.isEmpty()) {
            return 0;
        }
        spec.commandLine().getErr().println(spec.qualifiedName() + ": " + String.join("; ", problems));
        return 1;
    }
}
