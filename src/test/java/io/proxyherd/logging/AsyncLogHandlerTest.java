package io.proxyherd.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.ErrorManager;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class AsyncLogHandlerTest {

    private static final Pattern LINE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{4} (INFO|WARNING) \\[[\\w.]+] .*");
    private static final ThreadFactory PLAIN = task -> {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        return thread;
    };

    private final AtomicLong heardDropped = new AtomicLong();

    @TempDir
    Path dir;

    @Test
    void linesAreWrittenInTheOrderTheRecordsWerePublished() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AsyncLogHandler handler = AsyncLogHandler.start(out, 100_000, PLAIN, heardDropped::addAndGet);

        IntStream.range(0, 10_000).forEach(i -> handler.publish(info("line " + i)));
        handler.close();

        assertThat(messages(out.toString(StandardCharsets.UTF_8).lines().toList()))
                .containsExactlyElementsOf(
                        IntStream.range(0, 10_000).mapToObj(i -> "line " + i).toList());
    }

    @Test
    void linesAreUtf8AndALoneSurrogateBecomesAQuestionMark() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AsyncLogHandler handler = AsyncLogHandler.start(out, 100, PLAIN, heardDropped::addAndGet);

        handler.publish(info("Zürich, 東京, \uD83D\uDE00"));
        handler.publish(info("half a pair: \uD83D."));
        handler.publish(info("x".repeat(200_000)));
        handler.publish(info("after a long line, ü"));
        handler.close();

        assertThat(messages(out.toString(StandardCharsets.UTF_8).lines().toList()))
                .containsExactly(
                        "Zürich, 東京, \uD83D\uDE00", "half a pair: ?.", "x".repeat(200_000), "after a long line, ü");
    }

    @Test
    void eachPublishingThreadsLinesKeepTheirOrder() throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AsyncLogHandler handler = AsyncLogHandler.start(out, 100_000, PLAIN, heardDropped::addAndGet);

        List<Thread> publishers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            publishers.add(PLAIN.newThread(
                    () -> IntStream.range(0, 5_000).forEach(i -> handler.publish(info(thread + ":" + i)))));
        }
        publishers.forEach(Thread::start);
        for (Thread publisher : publishers) {
            publisher.join();
        }
        handler.close();

        List<String> messages =
                messages(out.toString(StandardCharsets.UTF_8).lines().toList());
        assertThat(messages).hasSize(20_000);
        for (int t = 0; t < 4; t++) {
            String prefix = t + ":";
            assertThat(messages.stream().filter(m -> m.startsWith(prefix)).toList())
                    .containsExactlyElementsOf(
                            IntStream.range(0, 5_000).mapToObj(i -> prefix + i).toList());
        }
    }

    @Test
    void aRecordReachesTheFileWithoutAClose() throws IOException {
        Path log = dir.resolve("Alpha.log");
        AsyncLogHandler handler = AsyncLogHandler.appendingTo(log, 1_000, PLAIN, heardDropped::addAndGet);
        try {
            handler.publish(info("connection opened: /127.0.0.1:41234"));

            await("the line in the file")
                    .atMost(5, TimeUnit.SECONDS)
                    .until(
                            () -> messages(Files.readAllLines(log)),
                            lines -> lines.contains("connection opened: /127.0.0.1:41234"));
        } finally {
            handler.close();
        }
    }

    @Test
    void closeWritesEveryBufferedRecordFirst() {
        GatedOutput out = new GatedOutput();
        AsyncLogHandler handler = AsyncLogHandler.start(out, 10_000, PLAIN, heardDropped::addAndGet);
        handler.publish(info("first"));
        await("the writer stuck in its first write").until(out::stalled);
        IntStream.range(0, 5_000).forEach(i -> handler.publish(info("buffered " + i)));

        out.open();
        handler.close();

        assertThat(messages(out.lines()))
                .hasSize(5_001)
                .startsWith("first", "buffered 0")
                .endsWith("buffered 4999");
    }

    @Test
    @Timeout(30) // only so that a publisher that waits fails the build instead of hanging it
    void aFullBufferDropsAndCountsWithoutMakingThePublisherWait() {
        GatedOutput out = new GatedOutput();
        AsyncLogHandler handler = AsyncLogHandler.start(out, 4, PLAIN, heardDropped::addAndGet);
        handler.publish(info("first"));
        await("the writer stuck in its first write").until(out::stalled);

        IntStream.range(0, 10).forEach(i -> handler.publish(info("then " + i)));

        assertThat(handler.dropped()).isEqualTo(6);
        assertThat(heardDropped).hasValue(6);

        out.open();
        await("the writer caught up").until(out::lines, lines -> lines.size() == 6);
        assertThat(messages(out.lines()))
                .containsExactly(
                        "first",
                        "then 0",
                        "then 1",
                        "then 2",
                        "then 3",
                        "dropped 6 log records: the log buffer (4 records) was full");
        assertThat(out.lines().get(5))
                .matches(LINE)
                .contains(" WARNING [io.proxyherd.logging.AsyncLogHandler] dropped 6 log records");
        handler.close();
    }

    @Test
    void aFailedWriteIsReportedAndLaterLinesAreStillWritten() {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        OutputStream failingOnce = new OutputStream() {
            private boolean failed;

            @Override
            public void write(int b) {
                written.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                if (!failed) {
                    failed = true;
                    throw new IOException("disk full");
                }
                written.write(bytes, offset, length);
            }
        };
        List<String> errors = new CopyOnWriteArrayList<>();
        AsyncLogHandler handler = AsyncLogHandler.start(failingOnce, 100, PLAIN, heardDropped::addAndGet);
        handler.setErrorManager(new ErrorManager() {
            @Override
            public synchronized void error(String message, Exception cause, int code) {
                errors.add(message + ": " + cause.getMessage());
            }
        });

        handler.publish(info("lost"));
        await().until(() -> errors, list -> !list.isEmpty());
        handler.publish(info("written"));
        handler.close();

        assertThat(errors).singleElement().asString().endsWith(": disk full");
        assertThat(messages(written.toString(StandardCharsets.UTF_8).lines().toList()))
                .containsExactly("written");
    }

    /** Payara's FileHandler appends to the node's log as this handler does: neither may split the other's lines. */
    @Test
    void linesOfAnotherHandlerAppendingToTheSameFileStayWhole() throws Exception {
        Path log = dir.resolve("Alpha.log");
        FileHandler payara = new FileHandler(log.toString(), true);
        payara.setFormatter(new LogLineFormatter(ZoneId.systemDefault()));
        AsyncLogHandler node = AsyncLogHandler.appendingTo(log, 100_000, PLAIN, heardDropped::addAndGet);

        List<Thread> publishers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Handler handler = t % 2 == 0 ? payara : node;
            String name = (t % 2 == 0 ? "payara-" : "node-") + t + ":";
            // Long enough that the node's writes are many lines at a time.
            String padding = " " + "x".repeat(200);
            publishers.add(PLAIN.newThread(
                    () -> IntStream.range(0, 5_000).forEach(i -> handler.publish(info(name + i + padding)))));
        }
        publishers.forEach(Thread::start);
        for (Thread publisher : publishers) {
            publisher.join();
        }
        node.close();
        payara.close();

        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(20_000).allMatch(line -> LINE.matcher(line).matches());
        assertThat(messages(lines))
                .allMatch(message -> message.endsWith(" " + "x".repeat(200)))
                .doesNotHaveDuplicates();
    }

    private static LogRecord info(String message) {
        LogRecord record = new LogRecord(Level.INFO, message);
        record.setLoggerName("io.proxyherd.listener.ClientSession");
        record.setInstant(Instant.now());
        return record;
    }

    /** Each line's message: what follows the logger's name. */
    private static List<String> messages(List<String> lines) {
        return lines.stream()
                .map(line -> line.substring(line.indexOf("] ") + 2))
                .toList();
    }
}
