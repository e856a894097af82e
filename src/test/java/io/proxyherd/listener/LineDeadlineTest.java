package io.proxyherd.listener;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The line timeout, on an in-memory channel whose clock the test moves. */
class LineDeadlineTest {

    private final AtomicInteger cuts = new AtomicInteger();
    private final EmbeddedChannel channel =
            new EmbeddedChannel(new LineDeadline(Duration.ofSeconds(60), cuts::incrementAndGet));

    @AfterEach
    void releasePassedOnBytes() {
        channel.finishAndReleaseAll();
    }

    @Test
    void aLineUnfinishedAtTheTimeoutClosesTheConnection() {
        send("IAMAT slow");
        after(59);
        assertThat(channel.isOpen()).isTrue();

        after(2);
        assertThat(channel.isOpen()).isFalse();
        assertThat(cuts).hasValue(1);
    }

    @Test
    void aLineFinishedInTimeAcrossManyReadsIsLeftAlone() {
        send("IA");
        after(30);
        send("MAT x\n");
        after(120);

        assertThat(channel.isOpen()).isTrue();
        assertThat(cuts).hasValue(0);
    }

    @Test
    void eachLineHasItsOwnTimeFromItsFirstByte() {
        send("a\nb");
        after(40);
        send("\nc");
        after(40);
        assertThat(channel.isOpen()).as("c began 40 s ago").isTrue();

        after(21);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void noTimeRunsOutWhileTheNodeIsNotReading() {
        send("WHATSAT a 10 5\nWHATS");
        channel.config().setAutoRead(false);
        after(61);
        assertThat(channel.isOpen())
                .as("the rest of the line may be unread in the socket")
                .isTrue();

        channel.config().setAutoRead(true);
        after(61);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void bytesArePassedOnUnchanged() {
        send("x\ny");

        ByteBuf passed = channel.readInbound();
        assertThat(passed.toString(StandardCharsets.UTF_8)).isEqualTo("x\ny");
        passed.release();
    }

    @Test
    void whatIsLeftAtAHalfCloseIsTheLastLineAndHasNoTimeout() {
        send("IAMAT last");
        channel.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
        after(120);

        assertThat(channel.isOpen()).isTrue();
        assertThat(cuts).hasValue(0);
    }

    private void send(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }

    private void after(int seconds) {
        channel.advanceTimeBy(seconds, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
    }
}
