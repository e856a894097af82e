package io.proxyherd.listener;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.string.StringDecoder;
import io.proxyherd.activity.Count;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Framing and ordering of one client connection, on an in-memory channel. */
class ClientSessionTest {

    private static final int MAX_LINE = 16;

    /** Answers "reply to <line>", at once or, for lines it was told to hold, when released. */
    private final Map<String, CompletableFuture<String>> held = new HashMap<>();

    private final List<String> seen = new ArrayList<>();
    private final List<String> timed = new ArrayList<>();
    private final List<Count> cuts = new ArrayList<>();
    private final LineHandler handler = new LineHandler() {
        @Override
        public CompletionStage<String> answer(String line) {
            seen.add(line);
            return held.getOrDefault(line, CompletableFuture.completedFuture("reply to " + line + "\n"));
        }

        @Override
        public void written(String line, String reply, long nanos) {
            timed.add(line + " -> " + reply.strip() + (nanos >= 0 ? "" : " in negative time"));
        }
    };
    private final EmbeddedChannel channel = new EmbeddedChannel(
            new LineFraming(MAX_LINE),
            new StringDecoder(StandardCharsets.UTF_8),
            new ClientSession(handler, TestLimits.lineLimit(MAX_LINE), cuts::add));

    @Test
    void partialLinesAreJoinedAndCrlfAndLfBothEndALine() {
        send("Test");
        assertThat(seen).isEmpty();

        send("Line\r\ng\r\n");
        send("h\n");

        assertThat(seen).containsExactly("TestLine", "g", "h");
        assertThat(written()).isEqualTo("reply to TestLine\nreply to g\nreply to h\n");
    }

    @Test
    void theHandlerHearsOfEachReplyOnceItIsWritten() {
        CompletableFuture<String> slow = new CompletableFuture<>();
        held.put("slow", slow);

        send("slow\nfast\n");
        assertThat(timed).isEmpty();

        slow.complete("slow done\n");
        channel.runPendingTasks();
        assertThat(timed).containsExactly("slow -> slow done", "fast -> reply to fast");
    }

    @Test
    void eachReplyIsOneWrite() {
        send("a\nb\n");

        assertThat(writes()).containsExactly("reply to a\n", "reply to b\n");
    }

    @Test
    void answersReadyAtOnceGoOutInOneFlushPerRead() {
        AtomicInteger flushes = countFlushes();

        send("a\nb\nc\n");

        assertThat(writes()).containsExactly("reply to a\n", "reply to b\n", "reply to c\n");
        assertThat(flushes).hasValue(1);
    }

    @Test
    void anAnswerThatTakesTimeIsFlushedWhenItIsWritten() {
        CompletableFuture<String> slow = new CompletableFuture<>();
        held.put("slow", slow);
        AtomicInteger flushes = countFlushes();
        send("slow\n");

        slow.complete("slow done\n");
        channel.runPendingTasks();

        assertThat(written()).isEqualTo("slow done\n");
        assertThat(flushes).hasValue(1);
    }

    @Test
    void answersReadyAtOnceBeforeALineOverTheLimitAreSentBeforeTheConnectionCloses() {
        send("a\nb\n" + "x".repeat(MAX_LINE + 1) + "\n");

        assertThat(written()).isEqualTo("reply to a\nreply to b\n");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void repliesKeepTheOrderOfTheLinesWhateverOrderTheyAreReady() {
        CompletableFuture<String> slow = new CompletableFuture<>();
        held.put("slow", slow);

        send("slow\nfast\n");
        assertThat(written()).isEmpty();

        slow.complete("slow done\n");
        channel.runPendingTasks();
        assertThat(written()).isEqualTo("slow done\nreply to fast\n");
    }

    @Test
    void afterAHalfCloseTheUnterminatedRestIsALineAndTheConnectionClosesAfterItsReply() {
        send("first\nlast");
        assertThat(seen).containsExactly("first");

        halfClose();

        assertThat(seen).containsExactly("first", "last");
        assertThat(written()).isEqualTo("reply to first\nreply to last\n");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aHalfCloseWaitsForAnAnswerStillInProgress() {
        CompletableFuture<String> slow = new CompletableFuture<>();
        held.put("slow", slow);
        send("slow\n");

        halfClose();
        assertThat(channel.isOpen()).isTrue();

        slow.complete("slow done\n");
        channel.runPendingTasks();
        assertThat(written()).isEqualTo("slow done\n");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aHalfCloseAfterACompleteLineSendsNoExtraLine() {
        send("only\r\n");

        halfClose();

        assertThat(seen).containsExactly("only");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aLineOverTheLimitClosesTheConnectionWithoutAnsweringIt() {
        send("ok\n");
        send("x".repeat(MAX_LINE + 1));

        assertThat(seen).containsExactly("ok");
        assertThat(written()).isEqualTo("reply to ok\n");
        assertThat(channel.isOpen()).isFalse();
        assertThat(cuts).containsExactly(Count.CUT_LINE_TOO_LONG);
    }

    @Test
    void noLineAfterOneOverTheLimitIsTakenEvenInTheSameRead() {
        send("x".repeat(MAX_LINE + 1) + "\nIAMAT after\n" + "z".repeat(MAX_LINE + 1) + "\n\n");

        assertThat(seen).isEmpty();
        assertThat(channel.isOpen()).isFalse();
        assertThat(cuts).as("one connection cut, counted once").containsExactly(Count.CUT_LINE_TOO_LONG);
    }

    @Test
    void linesBeforeOneOverTheLimitGetTheirRepliesBeforeTheConnectionCloses() {
        CompletableFuture<String> slow = new CompletableFuture<>();
        held.put("slow", slow);

        send("slow\nquick\n" + "x".repeat(MAX_LINE + 1) + "\nnever\n");
        assertThat(channel.isOpen()).as("waiting for slow's answer").isTrue();
        slow.complete("slow done\n");
        channel.runPendingTasks();

        assertThat(seen).containsExactly("slow", "quick");
        assertThat(written()).isEqualTo("slow done\nreply to quick\n");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aLineOfExactlyTheLimitIsAnsweredWhenItsCrAndLfComeInTwoReads() {
        String line = "z".repeat(MAX_LINE);

        send(line + "\r");
        send("\n");

        assertThat(seen).containsExactly(line);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void aLineOneOverTheLimitIsRefusedThoughNettyIsGivenOneByteMore() {
        send("w".repeat(MAX_LINE + 1) + "\r\n");

        assertThat(seen).isEmpty();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aLineOfExactlyTheLimitIsAnswered() {
        String line = "y".repeat(MAX_LINE);

        send(line + "\n");

        assertThat(seen).containsExactly(line);
    }

    /** Counts the flushes that reach the socket's end of the pipeline. */
    private AtomicInteger countFlushes() {
        AtomicInteger flushes = new AtomicInteger();
        channel.pipeline().addFirst(new ChannelOutboundHandlerAdapter() {
            @Override
            public void flush(ChannelHandlerContext ctx) {
                flushes.incrementAndGet();
                ctx.flush();
            }
        });
        return flushes;
    }

    private void send(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
        channel.runPendingTasks();
    }

    private void halfClose() {
        channel.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
        channel.runPendingTasks();
    }

    private List<String> writes() {
        List<String> writes = new ArrayList<>();
        for (ByteBuf buffer; (buffer = channel.readOutbound()) != null; ) {
            if (buffer.isReadable()) {
                writes.add(buffer.toString(StandardCharsets.UTF_8));
            }
            buffer.release();
        }
        return writes;
    }

    private String written() {
        return String.join("", writes());
    }
}
