package io.proxyherd.listener;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.timeout.IdleStateHandler;
import io.proxyherd.activity.Count;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** What each client connection goes through, in order, within the node's connection limits. */
final class ClientPipeline extends ChannelInitializer<SocketChannel> {

    private final LineHandler handler;
    private final ConnectionLimits limits;
    private final Consumer<Count> counts;
    private final ConnectionLimit connections;

    /** {@code counts} hears of each connection refused or cut for breaking a limit. */
    ClientPipeline(LineHandler handler, ConnectionLimits limits, Consumer<Count> counts) {
        this.handler = handler;
        this.limits = limits;
        this.counts = counts;
        this.connections = new ConnectionLimit(
                limits.maxConnections(),
                limits.maxConnectionsPerAddress(),
                () -> counts.accept(Count.CONNECTIONS_REFUSED));
    }

    int openConnections() {
        return connections.open();
    }

    /** A server whose connections go through this pipeline, ready to bind. */
    ServerBootstrap server(EventLoopGroup acceptor, EventLoopGroup workers) {
        return new ServerBootstrap()
                .group(acceptor, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, limits.acceptBacklog())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(this);
    }

    @Override
    protected void initChannel(SocketChannel client) {
        client.pipeline()
                .addLast(
                        connections,
                        new IdleStateHandler(0, 0, limits.idleTimeout().toMillis(), TimeUnit.MILLISECONDS),
                        new LineDeadline(limits.lineTimeout(), () -> counts.accept(Count.CUT_LINE_TOO_SLOW)),
                        new LineFraming(limits.maxLineBytes()),
                        new StringDecoder(StandardCharsets.UTF_8),
                        new ClientSession(handler, limits, counts));
    }
}
