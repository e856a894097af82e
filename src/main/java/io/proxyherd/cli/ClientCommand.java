package io.proxyherd.cli;

import io.proxyherd.topology.NodeAddress;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code herd client NODE}: a session with a node, with line editing and history at a terminal, plain lines from a pipe. */
@Command(
        name = "client",
        mixinStandardHelpOptions = true,
        description = {
            "Opens a connection to the node and sends each line typed; replies are printed as they come.",
            "'now' as an IAMAT's time is replaced by the current time. Up and down arrows recall earlier lines.",
            "Ctrl-D half-closes the connection (the node's last replies are still shown); Ctrl-C leaves at once.",
            "Without a terminal (lines piped in), each line read is sent and only the replies are printed; at the end "
                    + "of the input the command waits for the node's last replies, and exits with 1 if the node "
                    + "closed the connection before the input ended."
        })
final class ClientCommand implements Callable<Integer> {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    @ParentCommand
    private HerdCommand herd;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NODE", description = "The node's name in the configuration.")
    private String node;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "10",
            description =
                    "How long the end of the session waits for the node's last replies (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        NodeAddress address = herd.node(node, spec.commandLine());
        try (Socket socket = LineSender.connect(address, CONNECT_TIMEOUT)) {
            Optional<Terminal> terminal = herd.givenInput().isPresent() ? Optional.empty() : editingTerminal();
            if (terminal.isPresent()) {
                try (Terminal session = terminal.get()) {
                    return new InteractiveSession(address, socket, Duration.ofSeconds(timeoutSeconds)).run(session);
                }
            }
            return new PipedSession(node, socket, Duration.ofSeconds(timeoutSeconds))
                    .run(herd.givenInput().orElse(System.in), spec.commandLine().getOut());
        }
    }

    /** The terminal, if stdin is one JLine can edit lines on; a pipe or a file gives JLine only a dumb terminal. */
    private static Optional<Terminal> editingTerminal() throws IOException {
        Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build();
        if (Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())) {
            terminal.close();
            return Optional.empty();
        }
        return Optional.of(terminal);
    }
}
