package io.proxyherd.cli;

import io.proxyherd.topology.NodeAddress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/** A client session at a terminal: a prompt with line editing and history, replies printed above it as they come. */
final class InteractiveSession {

    private final NodeAddress node;
    private final Socket socket;
    private final Duration lastReplies;

    InteractiveSession(NodeAddress node, Socket socket, Duration lastReplies) {
        this.node = node;
        this.socket = socket;
        this.lastReplies = lastReplies;
    }

    /** Runs until Ctrl-D (0), Ctrl-C (130) or the node closing the connection (0). */
    int run(Terminal terminal) throws IOException, InterruptedException {
        LineReader reader =
                LineReaderBuilder.builder().terminal(terminal).appName("herd").build();
        AtomicBoolean leaving = new AtomicBoolean();
        AtomicBoolean closedByNode = new AtomicBoolean();
        Thread replies = new Thread(() -> printReplies(reader, leaving, closedByNode), "replies from " + node.name());
        replies.setDaemon(true);
        replies.start();
        terminal.writer()
                .println("Connected to " + node.name() + " at " + node.host() + ":" + node.clientPort()
                        + ". Ctrl-D ends the session.");
        OutputStream out = socket.getOutputStream();
        String prompt = node.name() + "> ";
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
                replies.join(lastReplies.toMillis());
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

    /** Prints each reply above the prompt; when the node closes the connection, says so and wakes the prompt. */
    private void printReplies(LineReader reader, AtomicBoolean leaving, AtomicBoolean closedByNode) {
        String end;
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            for (String reply = in.readLine(); reply != null; reply = in.readLine()) {
                reader.printAbove(reply);
            }
            end = node.name() + " closed the connection.";
        } catch (IOException e) {
            end = "The connection to " + node.name() + " failed: " + Failures.describe(e);
        }
        if (!leaving.get()) {
            closedByNode.set(true);
            reader.printAbove(end);
            // Ends the pending readLine as Ctrl-C would: there is no one left to talk to.
            reader.getTerminal().raise(Terminal.Signal.INT);
        }
    }
}
