package io.proxyherd.cli;

import io.proxyherd.broker.BrokerQueues;
import io.proxyherd.broker.QueueState;
import io.proxyherd.topology.NodeAddress;
import io.proxyherd.topology.Topology;
import io.proxyherd.launcher.ReadinessProbe;
import jakarta.jms.JMSException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code herd status}: every node's health and addresses, and the consumers of its queue as the broker counts them. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Prints a row per node: whether its application serves (/health/ready and its client port), "
                + "its ports, its neighbours, and the consumers and waiting messages the broker counts on its queue.",
                "Exits with 1 if a node is down or the broker cannot be reached.",
                "Broker credentials, if the broker needs them, come from HERD_BROKER_USER and HERD_BROKER_PASSWORD."})
final class StatusCommand implements Callable<Integer> {

    // Held so the settings stay: a broker that is down is reported once, in the table, not by the client's own warnings.
    private static final List<Logger> CLIENT_LOGGERS = List.of(
            Logger.getLogger("org.apache.activemq.artemis.core.client"),
            Logger.getLogger("org.apache.activemq.artemis.jms.client"),
            Logger.getLogger("io.netty"));

    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(3);

    @ParentCommand
    private HerdCommand herd;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Topology topology = herd.topology();
        List<NodeAddress> nodes = topology.nodes();
        List<Boolean> up = nodes.parallelStream().map(ReadinessProbe::isReady).toList();
        CLIENT_LOGGERS.forEach(logger -> logger.setLevel(Level.OFF));
        BrokerQueues broker = new BrokerQueues(topology.brokerHost(), topology.brokerPort(),
                System.getenv("HERD_BROKER_USER"), System.getenv("HERD_BROKER_PASSWORD"), BROKER_TIMEOUT);
        List<String> queues = nodes.stream().map(node -> Topology.queueOf(node.name())).toList();
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
        List<String> down = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            NodeAddress node = nodes.get(i);
            rows.add(new NodeStatus(node, up.get(i), topology.neighbours(node.name()),
                    states.getOrDefault(queues.get(i), QueueState.unknown(queues.get(i), "broker unreachable"))));
            if (!up.get(i)) {
                down.add(node.name());
            }
        }
        spec.commandLine().getOut().print(StatusTable.format(rows));
        spec.commandLine().getOut().flush();
        if (!down.isEmpty()) {
            problems.add(0, String.join(", ", down) + (down.size() == 1 ? " is" : " are") + " down");
        }
        if (problems.isEmpty()) {
            return 0;
        }
        spec.commandLine().getErr().println(spec.qualifiedName() + ": " + String.join("; ", problems));
        return 1;
    }
}
