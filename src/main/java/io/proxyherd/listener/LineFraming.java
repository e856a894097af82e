package io.proxyherd.listener;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LineBasedFrameDecoder;
import java.util.List;

/**
 * Cuts the byte stream into lines ending in LF or CRLF, at most {@code maxLineBytes} long. When the
 * client half-closes, what it sent after its last newline is a line too: one-shot clients may omit it.
 */
final class LineFraming extends LineBasedFrameDecoder {

    private final int maxLineBytes;

    LineFraming(int maxLineBytes) {
        super(maxLineBytes, true, true);
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        // Netty calls this again when the channel closes after a half-close; by then all is read.
        if (!in.isReadable()) {
            return;
        }
        decode(ctx, in, out);
        int rest = in.readableBytes();
        if (rest > 0 && rest <= maxLineBytes) {
            int end = in.getByte(in.writerIndex() - 1) == '\r' ? rest - 1 : rest;
            out.add(in.readRetainedSlice(end));
            in.skipBytes(rest - end);
        }
    }
}
