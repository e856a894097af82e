package io.proxyherd.listener;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.timeout.IdleStateHandler;
import io.proxyherd.topology.LocalNode;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The node's TCP port for clients: non-blocking I/O on container-managed threads, opened when the
 * application starts and closed when it stops. Its limits are configuration.
 */
@ApplicationScoped
public class ClientListener {

    private static final Logger LOG = Logger.getLogger(ClientListener.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Inject
    LineHandler handler;

    @Inject
    LocalNode node;

    @Inject
    @ConfigProperty(name = "herd.listener.bind-address")
    String bindAddress;

    @Inject
    @ConfigProperty(name = "herd.listener.max-line-bytes")
    int maxLineBytes;

    @Inject
    @ConfigProperty(name = "herd.listener.idle-timeout-seconds")
    int idleTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "herd.listener.max-connections")
    int maxConnections;

    @Inject
    @ConfigProperty(name = "herd.listener.threads")
    int ioThreads;

    private EventLoopGroup acceptor;
    private EventLoopGroup workers;
    private ConnectionLimit connections;
    private volatile Channel channel;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) throws InterruptedException {
        connections = new ConnectionLimit(maxConnections);
        acceptor = new NioEventLoopGroup(1, threads);
        workers = new NioEventLoopGroup(ioThreads, threads);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel client) {
                        client.pipeline().addLast(
                                connections,
                                new IdleStateHandler(0, 0, idleTimeoutSeconds, TimeUnit.SECONDS),
                                new LineFraming(maxLineBytes),
                                new StringDecoder(StandardCharsets.UTF_8),
                                new ClientSession(handler, maxLineBytes));
                    }
                });
        InetSocketAddress address = new InetSocketAddress(bindAddress, port());
        try {
            channel = bootstrap.bind(address).sync().channel();
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("cannot open the client port " + address + ": " + e.getMessage(), e);
        }
        LOG.info(() -> "listening for clients on " + address + " (lines up to " + maxLineBytes + " bytes, "
                + maxConnections + " connections, idle timeout " + idleTimeoutSeconds + " s)");
    }

    public boolean isListening() {
        Channel bound = channel;
        return bound != null && bound.isActive();
    }

    public int port() {
        return node.address().clientPort();
    }

    public int openConnections() {
        return connections == null ? 0 : connections.open();
    }

    @PreDestroy
    void stop() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
            channel = null;
        }
        for (EventLoopGroup group : new EventLoopGroup[] {acceptor, workers}) {
            if (group != null) {
                group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            }
        }
        LOG.info("client listener closed");
    }
}
