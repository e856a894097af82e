package io.proxyherd.listener;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.util.ByteProcessor;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Closes a connection whose line is not finished (no newline yet) within the line timeout of its first byte.
 * A writer of one byte a second never goes idle, so without this it would hold its connection and its
 * buffer for hours. Sits before the framing and reads the raw bytes; passes everything on unchanged.
 */
final class LineDeadline extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = Logger.getLogger(LineDeadline.class.getName());

    private final Duration timeout;
    private final Runnable cut;

    // Touched only on the channel's event loop; set while a line has begun and not ended.
    private ScheduledFuture<?> deadline;

    /** {@code cut} hears of each connection this closes. */
    LineDeadline(Duration timeout, Runnable cut) {
        this.timeout = timeout;
        this.cut = cut;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof ByteBuf bytes && bytes.isReadable()) {
            int lastNewline = bytes.forEachByteDesc(ByteProcessor.FIND_LF);
            if (lastNewline == bytes.writerIndex() - 1) {
                cancel();
            } else if (lastNewline >= 0) {
                // A line ended and the next began in this read: its time starts now.
                cancel();
                start(ctx);
            } else if (deadline == null) {
                start(ctx);
            }
        }
        ctx.fireChannelRead(message);
    }

    private void start(ChannelHandlerContext ctx) {
        deadline = ctx.executor().schedule(() -> expire(ctx), timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void expire(ChannelHandlerContext ctx) {
        deadline = null;
        if (!ctx.channel().config().isAutoRead()) {
            // The node stopped reading (the client has many lines unanswered): the rest of the line may be waiting
            // in the socket, unread by us. The line gets a new timeout rather than a cut it did not earn.
            start(ctx);
            return;
        }
        if (ctx.channel().isActive()) {
            LOG.warning(() -> "closing " + ctx.channel().remoteAddress() + ": a line unfinished " + timeout.toSeconds()
                    + " s after its first byte (herd.listener.line-timeout-seconds)");
            cut.run();
            ctx.close();
        }
    }

    private void cancel() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownEvent) {
            // The client has sent all it will; what it left unfinished is its last line.
            cancel();
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }
}
