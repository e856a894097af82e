package io.proxyherd.launcher;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The running herd's control channel: a Unix-domain socket, {@code herd.sock} in the herd's data folder (made
 * readable by its owner only, so only the user who runs the herd can drive it). One connection carries one request
 * line ({@link ControlRequest}) and gets one reply line: {@code ok ...} or {@code error ...}. A request must arrive
 * within {@link #REQUEST_TIMEOUT} and fit in {@link ControlRequest#MAX_LINE} characters; a bad one closes only its
 * own connection.
 */
final class ControlSocket implements AutoCloseable {

    static final String FILE_NAME = "herd.sock";
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final int HANDLERS = 4;
    private static final int MAX_DISCARDED = 64 * 1_024;
    private static final Logger LOG = Logger.getLogger(ControlSocket.class.getName());

    /** What the socket asks of the herd: the reply's text after "ok", or an exception whose message follows "error". */
    @FunctionalInterface
    interface Handler {
        String handle(ControlRequest request) throws Exception;
    }

    private final Path path;
    private final ServerSocketChannel server;
    private final Handler handler;
    private final ExecutorService acceptor = Executors.newSingleThreadExecutor(named("herd-control"));
    private final ExecutorService requests = Executors.newFixedThreadPool(HANDLERS, named("herd-control-request"));
    private final ScheduledExecutorService deadlines =
            Executors.newSingleThreadScheduledExecutor(named("herd-control-deadline"));

    private ControlSocket(Path path, ServerSocketChannel server, Handler handler) {
        this.path = path;
        this.server = server;
        this.handler = handler;
    }

    /** Binds the socket in the data folder and serves requests until closed. */
    static ControlSocket open(Path data, Handler handler) throws IOException {
        Files.createDirectories(data);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        Path path = data.resolve(FILE_NAME);
        if (Files.exists(path)) {
            if (ControlClient.answers(path)) {
                throw new IllegalStateException(
                        "a herd already runs with the data folder " + data + " (" + path + " answers)");
            }
            Files.delete(path);
        }
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(path));
        } catch (IOException e) {
            server.close();
            throw new IOException(
                    "cannot open the control socket " + path + ": " + e.getMessage()
                            + " (Unix-domain socket paths are limited to about 100 bytes: choose a shorter --data)",
                    e);
        }
        ControlSocket socket = new ControlSocket(path, server, handler);
        socket.acceptor.execute(socket::accept);
        return socket;
    }

    Path path() {
        return path;
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel connection = server.accept();
                requests.execute(() -> serve(connection));
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                LOG.log(Level.WARNING, "control socket " + path + ": cannot accept a connection: " + e.getMessage());
            }
        }
    }

    private void serve(SocketChannel connection) {
        ScheduledFuture<?> deadline =
                deadlines.schedule(() -> closeQuietly(connection), REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        String line = null;
        try (connection) {
            line = readLine(connection);
            if (line == null) {
                refuseOverlong(connection);
                return;
            }
            deadline.cancel(false);
            connection.write(StandardCharsets.UTF_8.encode(reply(line) + "\n"));
        } catch (EOFException probe) {
            // closed without a request: a herd starting on the same data folder checked that this one runs
        } catch (ClosedChannelException timedOut) {
            LOG.warning("control socket " + path + ": no request line within " + REQUEST_TIMEOUT.toSeconds()
                    + " s; connection closed");
        } catch (IOException e) {
            LOG.warning("control socket " + path + ": request '" + line + "' failed: " + e.getMessage());
        } finally {
            deadline.cancel(false);
        }
    }

    /**
     * Answers an overlong request, then reads what else the client sends (up to {@link #MAX_DISCARDED} bytes, within
     * the request's deadline) before closing: closing with unread input would reset the connection and lose the reply.
     */
    private static void refuseOverlong(SocketChannel connection) throws IOException {
        connection.write(StandardCharsets.UTF_8.encode(
                "error request longer than " + ControlRequest.MAX_LINE + " characters\n"));
        connection.shutdownOutput();
        ByteBuffer discard = ByteBuffer.allocate(4_096);
        for (int total = 0; total < MAX_DISCARDED; total += discard.position()) {
            discard.clear();
            if (connection.read(discard) < 0) {
                return;
            }
        }
    }

    /** The reply line to a request line, without its line end. */
    private String reply(String line) {
        try {
            return "ok " + handler.handle(ControlRequest.parse(line));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "error the herd is stopping";
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            return "error " + message.lines().findFirst().orElse(message);
        }
    }

    /**
     * The first line the connection sends, or null if it is longer than a request may be; an {@link EOFException}
     * if the connection closes before sending anything.
     */
    private static String readLine(SocketChannel connection) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(ControlRequest.MAX_LINE + 2);
        while (buffer.hasRemaining()) {
            if (connection.read(buffer) < 0) {
                if (buffer.position() == 0) {
                    throw new EOFException();
                }
                break;
            }
            for (int i = 0; i < buffer.position(); i++) {
                if (buffer.get(i) == '\n') {
                    return new String(buffer.array(), 0, i, StandardCharsets.UTF_8);
                }
            }
        }
        return buffer.hasRemaining() ? new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8) : null;
    }

    private static void closeQuietly(SocketChannel connection) {
        try {
            connection.close();
        } catch (IOException e) {
            // closing after a timeout: nothing more to do
        }
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Stops answering, removes the socket file, and gives requests under way a moment to reply. */
    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warning("control socket " + path + " not removed: " + e.getMessage());
        }
        acceptor.shutdownNow();
        deadlines.shutdownNow();
        requests.shutdownNow();
    }
}
