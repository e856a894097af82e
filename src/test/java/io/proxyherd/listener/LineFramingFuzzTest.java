package io.proxyherd.listener;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.string.StringDecoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * A connection's byte stream cut into lines, whatever the client sends and however the network splits it:
 * bytes of any value (NUL, CR alone, invalid UTF-8), lines ended by LF or CRLF, reads split anywhere, and a
 * half-close with or without a last newline. Checked against a reference reading of the stream as a whole:
 * each line is answered once, in order, decoded as UTF-8 with replacement; a line over the limit closes the
 * connection once every line before it is answered, and nothing after it is; no exception escapes the pipeline.
 */
class LineFramingFuzzTest {

    private static final int MAX_LINE = 16;
    private static final int TRIES = 100_000;
    /** Held so that its level sticks: 100,000 connections would otherwise log a line each for opening and closing. */
    private static final Logger SESSION_LOG = Logger.getLogger(ClientSession.class.getName());

    static {
        SESSION_LOG.setLevel(Level.OFF);
    }

    /** A stream: its lines (without terminators), the terminator of each, where reads are split, and whether the client half-closes. */
    record Stream(List<byte[]> lines, List<String> terminators, List<Integer> cuts, boolean halfClose) {

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < lines.size(); i++) {
                out.writeBytes(lines.get(i));
                out.writeBytes(terminators.get(i).getBytes(StandardCharsets.US_ASCII));
            }
            return out.toByteArray();
        }

        @Override
        public String toString() {
            return "Stream["
                    + new String(bytes(), StandardCharsets.ISO_8859_1)
                            .replace("\r", "\\r")
                            .replace("\n", "\\n") + ", cuts " + cuts + (halfClose ? ", half-closed" : "") + "]";
        }
    }

    @Property(tries = TRIES)
    void everyLineIsAnsweredOnceInOrderHoweverTheReadsAreSplit(@ForAll("streams") Stream stream) {
        List<String> answered = new ArrayList<>();
        EmbeddedChannel channel = new EmbeddedChannel(
                new LineFraming(MAX_LINE),
                new StringDecoder(StandardCharsets.UTF_8),
                new ClientSession(new Echo(answered), TestLimits.lineLimit(MAX_LINE), count -> {}));
        byte[] bytes = stream.bytes();
        int from = 0;
        List<Integer> ends = new ArrayList<>(stream.cuts());
        ends.add(bytes.length);
        for (int cut : ends) {
            int to = Math.min(Math.max(cut, from), bytes.length);
            if (channel.isOpen()) {
                channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(bytes, from, to)));
                channel.runPendingTasks();
            }
            from = to;
        }
        if (stream.halfClose() && channel.isOpen()) {
            channel.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
        }
        channel.runPendingTasks();
        channel.checkException();

        Reading expected = Reading.of(bytes, stream.halfClose());
        Statistics.collect(expected.tooLong() ? "a line over the limit" : "all lines within it");
        // Every line before one over the limit is answered, and nothing after it; then the connection closes.
        assertThat(answered).isEqualTo(expected.lines());
        if (expected.tooLong()) {
            assertThat(channel.isOpen()).isFalse();
        }
    }

    @Provide
    Arbitrary<Stream> streams() {
        Arbitrary<Byte> anyByte = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of((byte) 'a', (byte) 'Z', (byte) ' ', (byte) '.')),
                Tuple.of(
                        1,
                        Arbitraries.of((byte) '\r', (byte) 0, (byte) 0xC3, (byte) 0xA9, (byte) 0xFF, (byte) 0xE2, (byte)
                                0x80)));
        Arbitrary<byte[]> line = anyByte.list().ofMaxSize(MAX_LINE + 3).map(LineFramingFuzzTest::toArray);
        Arbitrary<List<byte[]>> lines = line.list().ofMinSize(1).ofMaxSize(6);
        Arbitrary<List<String>> terminators =
                Arbitraries.of("\n", "\r\n", "\n", "").list().ofSize(6);
        Arbitrary<List<Integer>> cuts = Arbitraries.integers()
                .between(0, 6 * (MAX_LINE + 5))
                .list()
                .ofMaxSize(5)
                .map(list -> list.stream().sorted().toList());
        return Combinators.combine(lines, terminators, cuts, Arbitraries.of(true, false))
                .as((l, t, c, half) -> {
                    List<String> ends = new ArrayList<>(t.subList(0, l.size()));
                    // Only the last line may lack a newline: a missing one elsewhere would just join two lines.
                    for (int i = 0; i < ends.size() - 1; i++) {
                        if (ends.get(i).isEmpty()) {
                            ends.set(i, "\n");
                        }
                    }
                    return new Stream(l, ends, c, half);
                });
    }

    private static byte[] toArray(List<Byte> bytes) {
        byte[] array = new byte[bytes.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = bytes.get(i);
        }
        return array;
    }

    /** Answers every line with its text, and records each line once its reply is written. */
    private record Echo(List<String> answered) implements LineHandler {

        @Override
        public CompletionStage<String> answer(String line) {
            return CompletableFuture.completedFuture(line + "\n");
        }

        @Override
        public void written(String line, String reply, long nanos) {
            answered.add(line);
        }
    }

    /** The lines of a whole stream as the protocol defines them, and whether one is over the limit. */
    private record Reading(List<String> lines, boolean tooLong) {

        static Reading of(byte[] bytes, boolean halfClosed) {
            List<String> lines = new ArrayList<>();
            int start = 0;
            for (int i = 0; i <= bytes.length; i++) {
                boolean newline = i < bytes.length && bytes[i] == '\n';
                boolean lastUnterminated = i == bytes.length && start < bytes.length;
                if (!newline && !lastUnterminated) {
                    continue;
                }
                int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                if (end - start > MAX_LINE) {
                    return new Reading(lines, true);
                }
                if (newline || halfClosed) {
                    lines.add(new String(bytes, start, end - start, StandardCharsets.UTF_8));
                }
                start = i + 1;
            }
            return new Reading(lines, false);
        }
    }
}
