package io.proxyherd.listener;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;

/** What a client sees of the node closing its connection. */
final class Sockets {

    private Sockets() {}

    /** Reads what is left until the node's close; a read that times out instead fails the test. */
    static void assertClosedByNode(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            while (in.read(buffer) >= 0) {
                // Replies written before the close.
            }
        } catch (SocketException reset) {
            // The node closed with bytes of ours unread, so its kernel reset the connection.
        }
    }
}
