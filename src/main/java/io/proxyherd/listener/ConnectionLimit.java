package io.proxyherd.listener;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/** Closes connections beyond the limit at once, so the node keeps serving the ones it has. */
@Sharable
final class ConnectionLimit extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = Logger.getLogger(ConnectionLimit.class.getName());

    private final int maxConnections;
    private final AtomicInteger open = new AtomicInteger();

    ConnectionLimit(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    int open() {
        return open.get();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (open.incrementAndGet() > maxConnections) {
            LOG.warning(() -> "refused " + ctx.channel().remoteAddress() + ": already " + maxConnections + " connections open");
            ctx.close();
            return;
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        open.decrementAndGet();
        ctx.fireChannelInactive();
    }
}
