package io.proxyherd.cli;

import io.proxyherd.topology.NodeAddress;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code herd send NODE LINE...}: a one-shot exchange with a node, replies on stdout. */
@Command(
        name = "send",
        mixinStandardHelpOptions = true,
        description = {
            "Sends the lines to the node on one connection, half-closes it and prints every reply "
                    + "until the node closes the connection.",
            "'now' as an IAMAT's time is replaced by the current time, e.g.",
            "  herd send Welsh \"IAMAT kiwi +34.068930-118.445127 now\"",
            "Exits with 1 if the node answered any line with '?'."
        })
final class SendCommand implements Callable<Integer> {

    @ParentCommand
    private HerdCommand herd;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NODE", description = "The node's name in the configuration.")
    private String node;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "LINE", description = "A protocol line (quote it).")
    private List<String> lines;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "10",
            description = "How long to wait for the node to finish answering (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        NodeAddress address = herd.node(node, spec.commandLine());
        for (String line : lines) {
            if (line.contains("\n") || line.contains("\r")) {
                throw new ParameterException(
                        spec.commandLine(), "a LINE must not contain a line break; give each line as its own argument");
            }
        }
        List<String> filled =
                lines.stream().map(line -> NowFiller.fill(line, Instant.now())).toList();
        PrintWriter out = spec.commandLine().getOut();
        List<String> notUnderstood = new ArrayList<>();
        new LineSender(Duration.ofSeconds(3), Duration.ofSeconds(timeoutSeconds)).exchange(address, filled, reply -> {
            out.println(reply);
            out.flush();
            if (reply.startsWith("? ")) {
                notUnderstood.add(reply.substring(2));
            }
        });
        if (!notUnderstood.isEmpty()) {
            spec.commandLine()
                    .getErr()
                    .println(spec.qualifiedName() + ": " + node + " did not understand "
                            + (notUnderstood.size() == 1
                                    ? "'" + notUnderstood.get(0) + "'"
                                    : notUnderstood.size() + " lines"));
            return 1;
        }
        return 0;
    }
}
