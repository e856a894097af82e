package io.proxyherd.listener;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.proxyherd.activity.NodeActivity;
import io.proxyherd.topology.LocalNode;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.time.Duration;
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
    NodeActivity activity;

    @Inject
    @ConfigProperty(name = "herd.listener.bind-address")
    String bindAddress;

    @Inject
    @ConfigProperty(name = "herd.listener.max-line-bytes")
    int maxLineBytes;

    @Inject
    @ConfigProperty(name = "herd.listener.line-timeout-seconds")
    int lineTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "herd.listener.idle-timeout-seconds")
    int idleTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "herd.listener.max-connections")
    int maxConnections;

    @Inject
    @ConfigProperty(name = "herd.listener.max-connections-per-address")
    int maxConnectionsPerAddress;

    @Inject
    @ConfigProperty(name = "herd.listener.max-unread-reply-bytes")
    int maxUnreadReplyBytes;

    @Inject
    @ConfigProperty(name = "herd.listener.accept-backlog")
    int acceptBacklog;

    @Inject
    @ConfigProperty(name = "herd.listener.max-unanswered-lines")
    int maxUnansweredLines;

    @Inject
    @ConfigProperty(name = "herd.listener.threads")
    int ioThreads;

    private EventLoopGroup acceptor;
    private EventLoopGroup workers;
    private ClientPipeline pipeline;
    private volatile Channel channel;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) throws InterruptedException {
        ConnectionLimits limits = new ConnectionLimits(
                maxConnections,
                maxConnectionsPerAddress,
                maxLineBytes,
                Duration.ofSeconds(lineTimeoutSeconds),
                Duration.ofSeconds(idleTimeoutSeconds),
                maxUnreadReplyBytes,
                acceptBacklog,
                maxUnansweredLines);
        pipeline = new ClientPipeline(handler, limits, activity::count);
        acceptor = new NioEventLoopGroup(1, threads);
        workers = new NioEventLoopGroup(ioThreads, threads);
        InetSocketAddress address = new InetSocketAddress(bindAddress, port());
        try {
            channel = pipeline.server(acceptor, workers).bind(address).sync().channel();
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("cannot open the client port " + address + ": " + e.getMessage(), e);
        }
        LOG.info(() -> "listening for clients on " + address + " with " + limits);
    }

    public boolean isListening() {
        Channel bound = channel;
        return bound != null && bound.isActive();
    }

    public int port() {
        return node.address().clientPort();
    }

    public int openConnections() {
        return pipeline == null ? 0 : pipeline.openConnections();
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
