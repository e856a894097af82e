package io.proxyherd.listener;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;
import java.util.List;

/**
 * Cuts the byte stream into lines ending in LF or CRLF, at most {@code maxLineBytes} long. When the
 * client half-closes, what it sent after its last newline is a line too: one-shot clients may omit it.
 */
final class LineFraming extends LineBasedFrameDecoder {

    private final int maxLineBytes;

    LineFraming(int maxLineBytes) {
        // One byte more for Netty: it counts what it holds before the newline, so a line of exactly the limit
        // whose CR came in one read and LF in the next would be refused. The limit itself is checked below.
        super(maxLineBytes + 1, true, true);
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    protected Object decode(ChannelHandlerContext ctx, ByteBuf buffer) throws Exception {
        Object frame = super.decode(ctx, buffer);
        if (frame instanceof ByteBuf line && line.readableBytes() > maxLineBytes) {
            int length = line.readableBytes();
            line.release();
            throw tooLong(length);
        }
        // Netty holds one byte more than the limit: refuse at once unless that byte may be the CR of a CRLF.
        int held = buffer.readableBytes();
        if (frame == null && held == maxLineBytes + 1 && buffer.getByte(buffer.writerIndex() - 1) != '\r') {
            throw tooLong(held);
        }
        return frame;
    }

    private TooLongFrameException tooLong(int length) {
        return new TooLongFrameException("a line of " + length + " bytes or more, over the limit of " + maxLineBytes);
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        // Netty calls this again when the channel closes after a half-close; by then all is read.
        if (!in.isReadable()) {
            return;
        }
        decode(ctx, in, out);
        int rest = in.readableBytes();
        int end = rest > 0 && in.getByte(in.writerIndex() - 1) == '\r' ? rest - 1 : rest;
        if (rest > 0 && end <= maxLineBytes) {
            out.add(in.readRetainedSlice(end));
            in.skipBytes(rest - end);
        }
    }
}
