package io.proxyherd.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import io.proxyherd.protocol.AtLine;
import io.proxyherd.protocol.IAmAt;
import io.proxyherd.protocol.Invalid;
import io.proxyherd.protocol.Request;
import java.net.InetSocketAddress;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * The ceiling for the protocol on this machine: a bare Netty server that answers each IAMAT line with
 * the AT line a node would build ({@link AtLine#stamp}), and anything else with {@code ?}. No herd, no
 * broker, no logging. Lines must end in a newline; a half-closed connection closes after its replies,
 * as the herd's does, so one-shot clients work against it too.
 */
final class CeilingServer implements AutoCloseable {

    private static final String NAME = "Ceiling";
    private static final int MAX_LINE_BYTES = 8192;

    private final EventLoopGroup acceptor = new NioEventLoopGroup(1);
    // Netty's default thread count, as the herd's listener uses (herd.listener.threads=0).
    private final EventLoopGroup workers = new NioEventLoopGroup();
    private final Channel channel;

    private CeilingServer(int port) throws InterruptedException {
        Replies replies = new Replies();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel client) {
                        client.pipeline()
                                .addLast(
                                        new LineBasedFrameDecoder(MAX_LINE_BYTES),
                                        new StringDecoder(StandardCharsets.UTF_8),
                                        replies);
                    }
                });
        channel =
                bootstrap.bind(new InetSocketAddress("localhost", port)).sync().channel();
    }

    /** Starts on a free port of the loopback interface. */
    static CeilingServer start() throws InterruptedException {
        return new CeilingServer(0);
    }

    int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Sharable
    private static final class Replies extends SimpleChannelInboundHandler<String> {

        private final Clock clock = Clock.systemUTC();

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, String line) {
            Request request = Request.parse(line);
            String reply = request instanceof IAmAt iamat
                    ? AtLine.stamp(NAME, clock.instant(), iamat).reply()
                    : new Invalid(line).reply();
            ctx.writeAndFlush(
                    ByteBufUtil.encodeString(ctx.alloc(), CharBuffer.wrap(reply), StandardCharsets.UTF_8),
                    ctx.voidPromise());
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof ChannelInputShutdownEvent) {
                // Replies are written as each line is read, so every one is already on its way.
                ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            } else {
                ctx.fireUserEventTriggered(event);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
