package io.proxyherd.launcher;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Asks the {@code herd up} that runs with a data folder to act on one of its nodes, over its control socket
 * ({@link ControlSocket}): one request line, one reply line, within a timeout.
 */
public final class ControlClient {

    /** Replies are short; a longer one is cut here. */
    private static final int MAX_REPLY = 4_096;

    private final Path data;
    private final Path socket;

    public ControlClient(Path data) {
        this.data = data.toAbsolutePath();
        this.socket = this.data.resolve(ControlSocket.FILE_NAME);
    }

    /** No herd answers on the data folder's control socket. */
    public static final class NoHerdException extends Exception {
        NoHerdException(String message) {
            super(message);
        }
    }

    /** The herd's answer: {@code ok} and its text, or not ok and the reason. */
    public record Reply(boolean ok, String text) {
        static Reply parse(String line) {
            if (line.startsWith("ok ")) {
                return new Reply(true, line.substring(3));
            }
            return new Reply(false, line.startsWith("error ") ? line.substring(6) : "unexpected reply '" + line + "'");
        }
    }

    /**
     * Sends {@code verb node} and waits up to {@code timeout} for the reply. {@code verb} is one of stop, kill,
     * start, restart; an unknown one comes back as an error reply.
     */
    public Reply send(String verb, String node, Duration timeout) throws NoHerdException, IOException {
        return exchange(verb + " " + node, timeout);
    }

    /** Each node's state as the running herd knows it; empty if no herd runs with this data folder. */
    public Optional<Map<String, NodeState>> states(Duration timeout) throws IOException {
        try {
            Reply reply = exchange(new ControlRequest(ControlRequest.Verb.STATUS, null).line(), timeout);
            return reply.ok() ? Optional.of(NodeState.parse(reply.text())) : Optional.empty();
        } catch (NoHerdException e) {
            return Optional.empty();
        }
    }

    private Reply exchange(String request, Duration timeout) throws NoHerdException, IOException {
        if (!Files.exists(socket)) {
            throw new NoHerdException(noHerd("no control socket " + socket));
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                throw new NoHerdException(noHerd(socket + " does not answer: " + e.getMessage()));
            }
            channel.write(StandardCharsets.UTF_8.encode(request + "\n"));
            return Reply.parse(readLine(channel, timeout, request));
        }
    }

    private String noHerd(String why) {
        return "no herd is running with the data folder " + data + " (" + why + "); ./herd up starts one";
    }

    private static String readLine(SocketChannel channel, Duration timeout, String request) throws IOException {
        channel.configureBlocking(false);
        ByteBuffer buffer = ByteBuffer.allocate(MAX_REPLY);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_READ);
            while (buffer.hasRemaining()) {
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                if (System.nanoTime() >= deadline || selector.select(left) == 0 && System.nanoTime() >= deadline) {
                    throw new IOException(
                            "the herd did not answer '" + request + "' within " + timeout.toSeconds() + " s");
                }
                selector.selectedKeys().clear();
                int read = channel.read(buffer);
                for (int i = 0; i < buffer.position(); i++) {
                    if (buffer.get(i) == '\n') {
                        return new String(buffer.array(), 0, i, StandardCharsets.UTF_8);
                    }
                }
                if (read < 0) {
                    throw new IOException("the herd closed the connection without answering '" + request + "'");
                }
            }
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    /** True if something answers connections on the socket (a herd already runs there). */
    static boolean answers(Path socket) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
