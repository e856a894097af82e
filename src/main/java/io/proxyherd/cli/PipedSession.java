package io.proxyherd.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A client session without a terminal: each line of the input (a pipe or a file) is sent as it is read, and each
 * reply printed as it arrives. The end of the input half-closes the connection; the session ends when the node
 * has answered and closed it.
 */
final class PipedSession {

    private final String node;
    private final Socket socket;
    private final Duration lastReplies;
    private final AtomicBoolean inputEnded = new AtomicBoolean();

    PipedSession(String node, Socket socket, Duration lastReplies) {
        this.node = node;
        this.socket = socket;
        this.lastReplies = lastReplies;
    }

    /**
     * Returns 0 once the input has ended and the node has closed the connection; fails if the node closes it
     * before the input ends, the connection fails, or the last replies take longer than {@code lastReplies}.
     */
    int run(InputStream input, PrintWriter out) throws IOException, InterruptedException {
        CompletableFuture<Void> sent = inBackground("lines to " + node, () -> sendLines(input));
        CompletableFuture<Void> answered = inBackground("replies from " + node, () -> printReplies(out));
        outcome(CompletableFuture.anyOf(sent, answered));
        lastReplies(answered);
        if (!inputEnded.get()) {
            throw new IOException(node + " closed the connection before the end of the input");
        }
        return 0;
    }

    /** Sends each line as it is read; stops quietly if the connection breaks, for the replies to tell why. */
    private void sendLines(InputStream input) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        OutputStream to;
        try {
            to = socket.getOutputStream();
        } catch (IOException e) {
            return;
        }
        while (true) {
            String line;
            try {
                line = lines.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the input: " + Failures.describe(e), e);
            }
            try {
                if (line == null) {
                    inputEnded.set(true);
                    socket.shutdownOutput();
                    return;
                }
                to.write((NowFiller.fill(line, Instant.now()) + "\n").getBytes(StandardCharsets.UTF_8));
                to.flush();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void printReplies(PrintWriter out) {
        try {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (String reply = in.readLine(); reply != null; reply = in.readLine()) {
                out.println(reply);
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the connection to " + node + " failed: " + Failures.describe(e), e);
        }
    }

    /** Waits for the node to close the connection, as it does once it has answered everything sent before the end. */
    private void lastReplies(CompletableFuture<Void> answered) throws IOException, InterruptedException {
        try {
            answered.get(lastReplies.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new SocketTimeoutException(
                    node + " had not finished answering " + lastReplies.toSeconds() + " s after the end of the input");
        } catch (ExecutionException e) {
            throw unwrapped(e);
        }
    }

    private static CompletableFuture<Void> inBackground(String name, Runnable task) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        // Its own daemon thread: reading stdin blocks, and must not keep the command from exiting.
        Thread thread = new Thread(
                () -> {
                    try {
                        task.run();
                        done.complete(null);
                    } catch (RuntimeException e) {
                        done.completeExceptionally(e);
                    }
                },
                name);
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    private static void outcome(CompletableFuture<?> task) throws IOException, InterruptedException {
        try {
            task.get();
        } catch (ExecutionException e) {
            throw unwrapped(e);
        }
    }

    private static IOException unwrapped(ExecutionException e) {
        return e.getCause() instanceof UncheckedIOException io
                ? new IOException(io.getMessage(), io.getCause())
                : new IOException(Failures.describe(e.getCause()), e.getCause());
    }
}
