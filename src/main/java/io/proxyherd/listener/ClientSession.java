package io.proxyherd.listener;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;
import io.proxyherd.activity.Count;
import java.io.IOException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client connection: each line is answered in a single write, in the order the lines came, however
 * long each answer takes. Once the client half-closes, the connection closes after the last answer.
 * Anything going wrong closes this connection only, and so does a client that leaves more replies unread
 * than its limit: the node holds what the socket cannot take yet, and would otherwise hold it without end.
 */
final class ClientSession extends SimpleChannelInboundHandler<String> {

    private static final Logger LOG = Logger.getLogger(ClientSession.class.getName());

    private final LineHandler handler;
    private final ConnectionLimits limits;
    private final Consumer<Count> counts;

    // Touched only on the channel's event loop.
    private CompletableFuture<Void> answered = CompletableFuture.completedFuture(null);
    private int unanswered;
    private boolean refusing;
    private boolean unflushed;
    // The client's address as the log writes it, made once: its lines name it twice per IAMAT.
    private String peer;

    /** {@code counts} hears of each connection this closes for breaking a limit. */
    ClientSession(LineHandler handler, ConnectionLimits limits, Consumer<Count> counts) {
        this.handler = handler;
        this.limits = limits;
        this.counts = counts;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        LOG.info(() -> "connection opened: " + peer(ctx));
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        LOG.info(() -> "connection closed: " + peer(ctx));
        ctx.fireChannelInactive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, String line) {
        if (refusing || !ctx.channel().isOpen()) {
            // After a line over the limit, in the same read or a later one: not the client's to have applied (an
            // IAMAT would flood) when it will never be answered.
            return;
        }
        LOG.info(() -> peer(ctx) + " < " + line);
        if (++unanswered >= limits.maxUnansweredLines()) {
            ctx.channel().config().setAutoRead(false);
        }
        long received = System.nanoTime();
        CompletableFuture<String> reply = handler.answer(line).toCompletableFuture();
        if (isAnswered(answered) && isAnswered(reply)) {
            // Answered at once, as IAMAT and bad lines are: written now and flushed with the rest of this read's
            // answers, one system call for all of them instead of one each.
            answer(ctx, line, reply.join(), received, false);
            unflushed = true;
            return;
        }
        answered = answered.thenCombine(reply, (previous, text) -> text)
                .thenAcceptAsync(text -> answer(ctx, line, text, received, true), ctx.executor())
                .exceptionally(failure -> {
                    LOG.log(Level.WARNING, "no answer for '" + line + "' from " + peer(ctx), failure);
                    ctx.close();
                    return null;
                });
    }

    private String peer(ChannelHandlerContext ctx) {
        if (peer == null) {
            peer = String.valueOf(ctx.channel().remoteAddress());
        }
        return peer;
    }

    private static boolean isAnswered(CompletableFuture<?> answer) {
        return answer.isDone() && !answer.isCompletedExceptionally();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (unflushed) {
            unflushed = false;
            ctx.flush();
        }
        ctx.fireChannelReadComplete();
    }

    private void answer(ChannelHandlerContext ctx, String line, String reply, long received, boolean flush) {
        write(ctx, reply, flush);
        handler.written(line, reply, System.nanoTime() - received);
    }

    private void write(ChannelHandlerContext ctx, String reply, boolean flush) {
        if (!ctx.channel().isActive()) {
            return;
        }
        LOG.info(() -> peer(ctx) + " > " + reply);
        ByteBuf bytes = ByteBufUtil.encodeString(ctx.alloc(), CharBuffer.wrap(reply), StandardCharsets.UTF_8);
        if (flush) {
            ctx.writeAndFlush(bytes, ctx.voidPromise());
        } else {
            ctx.write(bytes, ctx.voidPromise());
        }
        long unread = unreadBytes(ctx);
        if (unread > limits.maxUnreadReplyBytes()) {
            LOG.warning(() -> "closing " + peer(ctx) + ": " + unread
                    + " bytes of replies it has not read," + " over the limit of " + limits.maxUnreadReplyBytes()
                    + " (herd.listener.max-unread-reply-bytes)");
            counts.accept(Count.CUT_REPLIES_UNREAD);
            ctx.close();
            return;
        }
        if (--unanswered < limits.maxUnansweredLines() / 2
                && !refusing
                && !ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    /** What the socket has not taken yet: the client is not reading it, or not as fast as it asks. */
    private static long unreadBytes(ChannelHandlerContext ctx) {
        ChannelOutboundBuffer waiting = ctx.channel().unsafe().outboundBuffer();
        return waiting == null ? 0 : waiting.totalPendingWriteBytes();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownEvent) {
            answered.thenRunAsync(
                    () -> ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE),
                    ctx.executor());
        } else if (event instanceof IdleStateEvent) {
            LOG.info(() -> "closing idle connection " + peer(ctx));
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    /** A line over the limit: nothing more is taken, and the connection closes once the lines before it are answered. */
    private void refuse(ChannelHandlerContext ctx) {
        if (refusing || !ctx.channel().isActive()) {
            return; // the rest of the same line, met again when the connection's last bytes are framed
        }
        refusing = true;
        LOG.warning(() -> "closing " + peer(ctx) + ": it sent a line over " + limits.maxLineBytes()
                + " bytes (herd.listener.max-line-bytes)");
        counts.accept(Count.CUT_LINE_TOO_LONG);
        // The lines before it were taken (an IAMAT among them is known to the herd): they get their replies first.
        ctx.channel().config().setAutoRead(false);
        answered.whenCompleteAsync(
                (done, failed) -> {
                    ctx.flush(); // the answers written in this read and not flushed yet
                    ctx.close();
                },
                ctx.executor());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            refuse(ctx);
            return;
        }
        if (cause instanceof IOException) {
            LOG.fine(() -> "connection " + peer(ctx) + " failed: " + cause.getMessage());
        } else {
            LOG.log(Level.WARNING, "closing " + peer(ctx) + " after an unexpected error", cause);
        }
        ctx.close();
    }
}
