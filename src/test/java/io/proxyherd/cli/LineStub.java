package io.proxyherd.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A node's client port in miniature: answers each line with "? line" if it starts with "bad", else "ECHO line"; closes at EOF. */
final class LineStub implements AutoCloseable {

    private final ServerSocket server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<Integer> connections = new CopyOnWriteArrayList<>();

    LineStub() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(this::serve, "line stub");
        accepting.setDaemon(true);
        accepting.start();
    }

    int port() {
        return server.getLocalPort();
    }

    List<String> received() {
        return received;
    }

    int connections() {
        return connections.size();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                connections.add(client.getPort());
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = client.getOutputStream();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    received.add(line);
                    String reply = (line.startsWith("bad") ? "? " : "ECHO ") + line + "\n";
                    out.write(reply.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (IOException e) {
                if (!server.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
