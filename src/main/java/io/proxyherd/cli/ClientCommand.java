package io.proxyherd.cli;

import io.proxyherd.herd.NodeAddress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code herd client NODE}: an interactive session with a node, with line editing and history. */
@Command(name = "client", mixinStandardHelpOptions = true,
        description = {"Opens a connection to the node and sends each line typed; replies are printed as they come.",
                "'now' as an IAMAT's time is replaced by the current time. Up and down arrows recall earlier lines.",
                "Ctrl-D half-closes the connection (the node's last replies are still shown); Ctrl-C leaves at once."})
final class ClientCommand implements Callable<Integer> {

    /** How long Ctrl-D waits for the node to answer what was sent and close. */
    private static final Duration LAST_REPLIES = Duration.ofSeconds(10);

    @ParentCommand
    private HerdCommand herd;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NODE", description = "The node's name in the configuration.")
    private String node;

    @Override
    public Integer call() throws Exception {
        NodeAddress address = herd.node(node, spec.commandLine());
        try (Socket socket = LineSender.connect(address, Duration.ofSeconds(3));
                Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("herd").build();
            AtomicBoolean leaving = new AtomicBoolean();
            AtomicBoolean closedByNode = new AtomicBoolean();
            Thread replies = new Thread(() -> printReplies(socket, reader, leaving, closedByNode), "replies from " + node);
            replies.setDaemon(true);
            replies.start();
            terminal.writer().println("Connected to " + node + " at " + address.host() + ":" + address.clientPort()
                    + ". Ctrl-D ends the session.");
            OutputStream out = socket.getOutputStream();
            String prompt = node + "> ";
            while (replies.isAlive()) {
                String line;
                try {
                    line = reader.readLine(prompt);
                } catch (UserInterruptException e) {
                    leaving.set(true);
                    return closedByNode.get() ? 0 : 130;
                } catch (EndOfFileException e) {
                    leaving.set(true);
                    socket.shutdownOutput();
                    replies.join(LAST_REPLIES.toMillis());
                    return 0;
                }
                if (!replies.isAlive()) {
                    break;
                }
                out.write((NowFiller.fill(line, Instant.now()) + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            return 0;
        }
    }

    /** Prints each reply above the prompt; when the node closes the connection, says so and wakes the prompt. */
    private void printReplies(Socket socket, LineReader reader, AtomicBoolean leaving, AtomicBoolean closedByNode) {
        String end;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            for (String reply = in.readLine(); reply != null; reply = in.readLine()) {
                reader.printAbove(reply);
            }
            end = node + " closed the connection.";
        } catch (IOException e) {
            end = "The connection to " + node + " failed: " + Failures.describe(e);
        }
        if (!leaving.get()) {
            closedByNode.set(true);
            reader.printAbove(end);
            // Ends the pending readLine as Ctrl-C would: there is no one left to talk to.
            reader.getTerminal().raise(Terminal.Signal.INT);
        }
    }
}
