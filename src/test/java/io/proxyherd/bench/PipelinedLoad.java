package io.proxyherd.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import java.net.InetSocketAddress;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Persistent clients as a fast client writes them: each connection keeps {@code depth} IAMATs in flight
 * (it sends the next as each reply arrives), on one non-blocking client thread so that the load
 * generator takes as little of the machine as it can. Replies come back in order on a connection, as
 * the protocol requires, so each reply's latency runs from its own line's send.
 */
final class PipelinedLoad {

    private static final int MAX_LINE_BYTES = 8192;

    private PipelinedLoad() {}

    /** IAMATs from {@link LoadClients} for the duration, the connections spread over the ports in turn. */
    static LoadResult run(List<Integer> ports, int connections, int depth, Duration duration) throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        LongFunction<String> clients = ignored -> System.nanoTime() < deadline ? LoadClients.next() : null;
        return run(ports, connections, depth, clients, (client, at) -> {});
    }

    /**
     * IAMATs for clients {@code name(0)}, {@code name(1)}, ... until {@code name} gives null, each told
     * to {@code replied} with its AT line (on the client thread: it must be quick).
     */
    static LoadResult run(
            List<Integer> ports,
            int connections,
            int depth,
            LongFunction<String> name,
            BiConsumer<String, String> replied)
            throws Exception {
        AtomicLong next = new AtomicLong();
        EventLoopGroup group = new NioEventLoopGroup(1);
        try {
            List<Connection> open = new ArrayList<>();
            long started = System.nanoTime();
            for (int c = 0; c < connections; c++) {
                Connection connection = new Connection(depth, () -> name.apply(next.getAndIncrement()), replied);
                open.add(connection);
                connect(group, ports.get(c % ports.size()), connection);
            }
            CompletableFuture.allOf(
                            open.stream().map(connection -> connection.done).toArray(CompletableFuture[]::new))
                    .get();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            long[] latencies = open.stream()
                    .flatMapToLong(connection -> Arrays.stream(connection.latencies, 0, connection.count))
                    .sorted()
                    .toArray();
            List<String> last = open.stream()
                    .flatMap(connection -> connection.last.stream())
                    .toList();
            return new LoadResult(latencies.length, elapsed, latencies, last);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static void connect(EventLoopGroup group, int port, Connection connection) throws InterruptedException {
        Channel channel = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast(
                                        new LineBasedFrameDecoder(MAX_LINE_BYTES),
                                        new StringDecoder(StandardCharsets.UTF_8),
                                        connection);
                    }
                })
                .connect(new InetSocketAddress("localhost", port))
                .sync()
                .channel();
        channel.closeFuture()
                .addListener(closed -> connection.done.completeExceptionally(new IllegalStateException(
                        "port " + port + " closed a pipelined connection with IAMATs unanswered")));
    }

    /** One connection's client: its lines in flight, and what it measured. Runs on its event loop only. */
    private static final class Connection extends SimpleChannelInboundHandler<String> {

        private static final int LAST_KEPT = 4;

        private final int depth;
        private final Supplier<String> nextClient;
        private final BiConsumer<String, String> replied;
        private final ArrayDeque<Sent> inFlight = new ArrayDeque<>();
        private final ArrayDeque<String> last = new ArrayDeque<>();
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private long[] latencies = new long[1024];
        private int count;
        private boolean exhausted;

        private record Sent(String client, long at) {}

        Connection(int depth, Supplier<String> nextClient, BiConsumer<String, String> replied) {
            this.depth = depth;
            this.nextClient = nextClient;
            this.replied = replied;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            for (int i = 0; i < depth; i++) {
                sendNext(ctx);
            }
            ctx.flush();
            finishIfDone(ctx);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, String reply) {
            long now = System.nanoTime();
            Sent sent = inFlight.poll();
            if (sent == null || !reply.startsWith("AT ")) {
                done.completeExceptionally(new IllegalStateException(
                        "unexpected reply '" + reply + "'" + (sent == null ? "" : " to an IAMAT for " + sent.client)));
                ctx.close();
                return;
            }
            record(now - sent.at);
            replied.accept(sent.client, reply);
            if (last.size() == LAST_KEPT) {
                last.poll();
            }
            last.add(reply);
            sendNext(ctx);
            ctx.flush();
            finishIfDone(ctx);
        }

        private void sendNext(ChannelHandlerContext ctx) {
            if (exhausted) {
                return;
            }
            String client = nextClient.get();
            if (client == null) {
                exhausted = true;
                return;
            }
            inFlight.add(new Sent(client, System.nanoTime()));
            ctx.write(
                    ByteBufUtil.encodeString(
                            ctx.alloc(), CharBuffer.wrap(Figures.iamat(client)), StandardCharsets.UTF_8),
                    ctx.voidPromise());
        }

        private void finishIfDone(ChannelHandlerContext ctx) {
            if (exhausted && inFlight.isEmpty() && done.complete(null)) {
                ctx.close();
            }
        }

        private void record(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            done.completeExceptionally(cause);
            ctx.close();
        }
    }
}
