package io.proxyherd.cli;

import io.proxyherd.topology.NodeAddress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** A one-shot client: writes every line on one connection, half-closes it, and reads replies until the node closes it. */
public final class LineSender {

    private final Duration connectTimeout;
    private final Duration replyTimeout;

    public LineSender(Duration connectTimeout, Duration replyTimeout) {
        this.connectTimeout = connectTimeout;
        this.replyTimeout = replyTimeout;
    }

    /** Sends the lines and hands each line the node answers, without its line end, to {@code replies}. */
    public void exchange(NodeAddress node, List<String> lines, Consumer<String> replies) throws IOException {
        try (Socket socket = connect(node)) {
            socket.setSoTimeout(Math.toIntExact(replyTimeout.toMillis()));
            StringBuilder text = new StringBuilder();
            lines.forEach(line -> text.append(line).append('\n'));
            OutputStream out = socket.getOutputStream();
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            socket.shutdownOutput();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            try {
                for (String reply = in.readLine(); reply != null; reply = in.readLine()) {
                    replies.accept(reply);
                }
            } catch (SocketTimeoutException e) {
                throw new SocketTimeoutException(
                        node.name() + " had not finished answering after " + replyTimeout.toSeconds() + " s");
            }
        }
    }

    /** A connection to the node's client port, failing with a message that names the node and where it was sought. */
    static Socket connect(NodeAddress node, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(node.host(), node.clientPort()), Math.toIntExact(timeout.toMillis()));
            return socket;
        } catch (IOException e) {
            socket.close();
            String reason = e instanceof UnknownHostException ? "unknown host" : Failures.describe(e);
            throw new ConnectException("cannot connect to " + node.name() + " at " + node.host() + ":"
                    + node.clientPort() + ": " + reason);
        }
    }

    private Socket connect(NodeAddress node) throws IOException {
        return connect(node, connectTimeout);
    }
}
