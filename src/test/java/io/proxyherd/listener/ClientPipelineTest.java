package io.proxyherd.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.proxyherd.activity.Count;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The connection limits of a client pipeline served on a real socket, with an answer of a fixed size to every line. */
class ClientPipelineTest {

    private static final int REPLY_BYTES = 4096;
    private static final String REPLY = "r".repeat(REPLY_BYTES - 1) + "\n";

    private final EventLoopGroup loop = new NioEventLoopGroup(1);
    private final Queue<Count> counted = new ConcurrentLinkedQueue<>();
    private final List<Socket> sockets = new ArrayList<>();
    private Channel server;

    @BeforeAll
    static void quietLogs() {
        // The limits log a warning for each connection they close; the test counts them instead.
        Logger.getLogger("io.proxyherd.listener").setLevel(Level.SEVERE);
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (server != null) {
            server.close().syncUninterruptibly();
        }
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void aClientThatAsksAndNeverReadsIsCutOnceItsUnreadRepliesPassTheLimit() throws Exception {
        serve(limits(100, 100, 64 * 1024));
        Socket greedy = new Socket();
        greedy.setReceiveBufferSize(4096);
        connect(greedy, "127.0.0.1");
        OutputStream out = greedy.getOutputStream();
        byte[] lines = "WHATSAT me 50 20\n".repeat(64).getBytes(StandardCharsets.US_ASCII);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try {
                out.write(lines);
            } catch (IOException closedByServer) {
                // Expected once cut: the node reset the connection with our lines still unread.
            }
            return counted.contains(Count.CUT_REPLIES_UNREAD);
        });

        Sockets.assertClosedByNode(greedy);
        assertThat(counted).containsExactly(Count.CUT_REPLIES_UNREAD);
        assertThat(answered(connect(new Socket(), "127.0.0.1")))
                .as("a new connection is served")
                .isTrue();
    }

    @Test
    void anAddressOverItsLimitIsRefusedWhileOthersAreServed() throws Exception {
        serve(limits(100, 2, 1 << 20));
        Socket first = connect(new Socket(), "127.0.0.1");
        Socket second = connect(new Socket(), "127.0.0.1");
        Socket third = connect(new Socket(), "127.0.0.1");

        Sockets.assertClosedByNode(third);
        assertThat(counted).containsExactly(Count.CONNECTIONS_REFUSED);
        assertThat(answered(second)).isTrue();
        assertThat(answered(connect(new Socket(), "127.0.0.2")))
                .as("another address is served")
                .isTrue();

        first.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> answered(connect(new Socket(), "127.0.0.1")));
    }

    @Test
    void connectionsOverTheNodesLimitAreRefused() throws Exception {
        serve(limits(2, 100, 1 << 20));
        Socket first = connect(new Socket(), "127.0.0.1");
        Socket second = connect(new Socket(), "127.0.0.2");
        Socket third = connect(new Socket(), "127.0.0.3");

        Sockets.assertClosedByNode(third);
        assertThat(counted).containsExactly(Count.CONNECTIONS_REFUSED);
        assertThat(answered(first)).isTrue();
        assertThat(answered(second)).isTrue();
    }

    private static ConnectionLimits limits(int connections, int perAddress, int unreadReplyBytes) {
        return new ConnectionLimits(
                connections, perAddress, 64, Duration.ofMinutes(1), Duration.ofMinutes(5), unreadReplyBytes, 1024, 64);
    }

    private void serve(ConnectionLimits limits) {
        LineHandler handler = new LineHandler() {
            @Override
            public CompletionStage<String> answer(String line) {
                return CompletableFuture.completedFuture(REPLY);
            }

            @Override
            public void written(String line, String reply, long nanos) {}
        };
        server = new ClientPipeline(handler, limits, counted::add)
                .server(loop, loop)
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .syncUninterruptibly()
                .channel();
    }

    private Socket connect(Socket socket, String from) throws IOException {
        sockets.add(socket);
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(server.localAddress(), 2_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Whether a line on this connection is answered in full. */
    private static boolean answered(Socket socket) throws IOException {
        socket.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
        byte[] reply = socket.getInputStream().readNBytes(REPLY_BYTES);
        return new String(reply, StandardCharsets.US_ASCII).equals(REPLY);
    }
}
