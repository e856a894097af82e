package io.proxyherd.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A persistent client: sends lines on one connection and reads each reply. */
public final class LineConnection implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public LineConnection(int port) throws IOException {
        this(port, Duration.ofSeconds(10));
    }

    /** A connection whose reads give up after {@code readTimeout}. */
    public LineConnection(int port, Duration readTimeout) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("localhost", port), 2_000);
        socket.setSoTimeout((int) readTimeout.toMillis());
        // Buffered: replies are read a byte at a time, and a system call per byte cost a WHATSAT reply ~10 ms.
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    public void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Sends one line and reads a one-line reply. */
    public String ask(String line) throws IOException {
        write(line + "\n");
        return readLine();
    }

    /** Sends a WHATSAT and reads its reply, which ends with an empty line. */
    public String askWhatsAt(String line) throws IOException {
        write(line + "\n");
        return readUntil("\n\n");
    }

    public String readLine() throws IOException {
        return readUntil("\n");
    }

    public String readUntil(String end) throws IOException {
        byte[] terminator = end.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < terminator.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after '" + reply.toString(StandardCharsets.UTF_8) + "'");
            }
            reply.write(b);
            // The terminators used here (newlines) cannot overlap themselves partially, so a mismatch restarts.
            matched = b == terminator[matched] ? matched + 1 : (b == terminator[0] ? 1 : 0);
        }
        return reply.toString(StandardCharsets.UTF_8);
    }

    /** True once the server has closed the connection (reads end of stream or a reset). */
    public boolean isClosedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
