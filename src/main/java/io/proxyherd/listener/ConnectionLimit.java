package io.proxyherd.listener;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Closes connections beyond the node's limit, or beyond their remote address's, at once, so the node keeps
 * serving the ones it has and one address cannot take them all.
 */
@Sharable
final class ConnectionLimit extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = Logger.getLogger(ConnectionLimit.class.getName());
    private static final AttributeKey<InetAddress> COUNTED_FOR = AttributeKey.valueOf("proxyherd.countedFor");

    private final int maxConnections;
    private final int maxPerAddress;
    private final Runnable refused;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentMap<InetAddress, Integer> openByAddress = new ConcurrentHashMap<>();

    /** {@code refused} hears of each connection closed for a limit. */
    ConnectionLimit(int maxConnections, int maxPerAddress, Runnable refused) {
        this.maxConnections = maxConnections;
        this.maxPerAddress = maxPerAddress;
        this.refused = refused;
    }

    int open() {
        return open.get();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        SocketAddress remote = ctx.channel().remoteAddress();
        if (open.incrementAndGet() > maxConnections) {
            refuse(ctx, "already " + maxConnections + " connections open (herd.listener.max-connections)");
            return;
        }
        if (remote instanceof InetSocketAddress inet) {
            InetAddress address = inet.getAddress();
            ctx.channel().attr(COUNTED_FOR).set(address);
            int fromAddress = openByAddress.merge(address, 1, Integer::sum);
            if (fromAddress > maxPerAddress) {
                refuse(
                        ctx,
                        "already " + maxPerAddress + " connections open from " + address.getHostAddress()
                                + " (herd.listener.max-connections-per-address)");
                return;
            }
        }
        ctx.fireChannelActive();
    }

    private void refuse(ChannelHandlerContext ctx, String reason) {
        LOG.warning(() -> "refused " + ctx.channel().remoteAddress() + ": " + reason);
        refused.run();
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        open.decrementAndGet();
        InetAddress address = ctx.channel().attr(COUNTED_FOR).getAndSet(null);
        if (address != null) {
            // Dropped at zero so that the map holds only addresses with connections open.
            openByAddress.computeIfPresent(address, (key, count) -> count == 1 ? null : count - 1);
        }
        ctx.fireChannelInactive();
    }
}
