package io.proxyherd.logging;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * A handler that never makes the logging thread wait: {@link #publish} only adds the record to a bounded
 * buffer, and one writer thread formats it and writes it out, in buffer order. When the buffer is full the
 * record is dropped and counted; the writer reports the count in the log itself once it has caught up
 * (and at least every second while it has not). Lines reach the output within {@value #WRITE_EVERY_MILLIS} ms
 * of their record, and all of them at {@link #close}: the writer wakes that often, or as soon as a batch of
 * records waits, instead of being woken for every record (waking it was about a tenth of a busy node's CPU).
 *
 * <p>Lines are written whole, a batch of them per write, so another process or handler appending to the
 * same file (O_APPEND) never splits one of them. A record is formatted after {@code publish} returns, so its
 * parameters, if it has any, must not change once it is logged.
 */
public final class AsyncLogHandler extends Handler {

    private static final Duration FLUSH_INTERVAL = Duration.ofSeconds(1);
    private static final long WRITE_EVERY_MILLIS = 20;
    /** How many waiting records wake the writer before its time (or half the buffer, if that is less). */
    private static final int WAKE_AT_RECORDS = 256;
    /** How long {@link #close} waits for the writer to write what is buffered (a stalled disk must not hang a shutdown). */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private static final int BATCH_CHARS = 64 * 1024;
    /**
     * What the writer's arrays hold between writes: a batch and a line that ends it, up to one that lists a
     * full flood batch (500 updates, about 50,000 characters).
     */
    private static final int KEPT_CHARS = 2 * BATCH_CHARS + 1024;

    private final Queue<LogRecord> buffer = new ConcurrentLinkedQueue<>();
    private final AtomicInteger buffered = new AtomicInteger();
    private final int capacity;
    private final int wakeAt;
    private final LongAdder dropped = new LongAdder();
    private final LongConsumer onDropped;
    private final OutputStream out;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread writer;
    // Set by the writer just before it parks: publishers wake it only then, and only once a batch waits.
    private volatile boolean idle;
    private volatile boolean closed;

    private AsyncLogHandler(OutputStream out, int capacity, ThreadFactory threads, LongConsumer onDropped) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a log buffer holds at least one record, not " + capacity);
        }
        this.out = out;
        this.capacity = capacity;
        this.wakeAt = Math.max(1, Math.min(WAKE_AT_RECORDS, capacity / 2));
        this.onDropped = onDropped;
        setFormatter(new LogLineFormatter());
        writer = threads.newThread(this::write);
        writer.setName("async-log-writer");
    }

    /**
     * Writes to {@code out} on a thread from {@code threads}, buffering at most {@code capacity} records;
     * {@code onDropped} hears of each record dropped, on the publishing thread, and must not block.
     */
    public static AsyncLogHandler start(OutputStream out, int capacity, ThreadFactory threads, LongConsumer onDropped) {
        AsyncLogHandler handler = new AsyncLogHandler(out, capacity, threads, onDropped);
        handler.writer.start();
        return handler;
    }

    /** As {@link #start}, appending to {@code file} (opened with O_APPEND, as FileHandler opens it with append=true). */
    public static AsyncLogHandler appendingTo(Path file, int capacity, ThreadFactory threads, LongConsumer onDropped)
            throws IOException {
        return start(new FileOutputStream(file.toFile(), true), capacity, threads, onDropped);
    }

    @Override
    public void publish(LogRecord record) {
        if (closed || !isLoggable(record)) {
            return;
        }
        int waiting = buffered.incrementAndGet();
        if (waiting > capacity) {
            buffered.decrementAndGet();
            dropped.increment();
            onDropped.accept(1);
            return;
        }
        buffer.add(record);
        if (idle && waiting >= wakeAt) {
            LockSupport.unpark(writer);
        }
    }

    /** Records dropped so far because the buffer was full. */
    public long dropped() {
        return dropped.sum();
    }

    /** Asks the writer to write out what it has; it does so anyway whenever the buffer runs empty. */
    @Override
    public void flush() {
        LockSupport.unpark(writer);
    }

    /** Writes out everything published before, then closes the output; later records are ignored. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(writer);
        try {
            if (!finished.await(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                reportError(
                        "the log writer did not finish within " + CLOSE_WAIT.toSeconds()
                                + " s; records still buffered are lost",
                        null,
                        ErrorManager.CLOSE_FAILURE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write() {
        Batch batch = new Batch();
        long flushEvery = FLUSH_INTERVAL.toNanos();
        long lastFlush = System.nanoTime();
        try {
            while (true) {
                LogRecord record = buffer.poll();
                if (record != null) {
                    buffered.decrementAndGet();
                    batch.add(record);
                    if (System.nanoTime() - lastFlush >= flushEvery) {
                        batch.reportDrops();
                        batch.flush();
                        lastFlush = System.nanoTime();
                    }
                    continue;
                }
                batch.reportDrops();
                batch.flush();
                lastFlush = System.nanoTime();
                if (closed) {
                    if (buffer.isEmpty()) {
                        return;
                    }
                    continue;
                }
                idle = true;
                if (buffer.isEmpty() && !closed) {
                    LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(WRITE_EVERY_MILLIS));
                }
                idle = false;
                // The container interrupts its threads as it stops; this one still has to write what close() leaves.
                Thread.interrupted();
            }
        } finally {
            try {
                out.close();
            } catch (IOException e) {
                reportError("could not close the log", e, ErrorManager.CLOSE_FAILURE);
            }
            finished.countDown();
        }
    }

    /** The lines formatted but not yet written; touched by the writer thread only. */
    private final class Batch {

        private final StringBuilder lines = new StringBuilder(KEPT_CHARS);
        // Reused for every write of a batch of ordinary lines, so that it allocates nothing: a node under load
        // writes megabytes of lines a second, and copying each batch into new arrays made it collect garbage more
        // often. A longer batch (one line can list a catch-up's 100,000 updates) gets arrays of its own, and the
        // builder is shrunk after it: kept, they held a node's memory 50 MB higher for the rest of its life.
        private final CharsetEncoder utf8 = StandardCharsets.UTF_8
                .newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        private final char[] chars = new char[KEPT_CHARS];
        private final ByteBuffer bytes =
                ByteBuffer.allocate((int) Math.ceil(KEPT_CHARS * (double) utf8.maxBytesPerChar()));
        private long reported;

        void add(LogRecord record) {
            int before = lines.length();
            try {
                if (getFormatter() instanceof LogLineFormatter ours) {
                    ours.formatTo(record, lines);
                } else {
                    lines.append(getFormatter().format(record));
                }
            } catch (RuntimeException e) {
                lines.setLength(before);
                reportError(
                        "could not format a log record from " + record.getLoggerName(), e, ErrorManager.FORMAT_FAILURE);
            }
            if (lines.length() >= BATCH_CHARS) {
                writeOut();
            }
        }

        void reportDrops() {
            long total = dropped.sum();
            if (total > reported) {
                LogRecord report = new LogRecord(
                        Level.WARNING,
                        "dropped " + (total - reported) + " log records: the log buffer (" + capacity
                                + " records) was full");
                report.setLoggerName(AsyncLogHandler.class.getName());
                add(report);
                reported = total;
            }
        }

        void flush() {
            writeOut();
            try {
                out.flush();
            } catch (IOException e) {
                reportError("could not flush the log", e, ErrorManager.FLUSH_FAILURE);
            }
        }

        private void writeOut() {
            if (lines.length() == 0) {
                return;
            }
            try {
                ByteBuffer encoded = encoded();
                out.write(encoded.array(), 0, encoded.position());
            } catch (IOException e) {
                reportError(
                        "could not write " + lines.length() + " characters of log lines",
                        e,
                        ErrorManager.WRITE_FAILURE);
            }
            lines.setLength(0);
            if (lines.capacity() > KEPT_CHARS) {
                lines.trimToSize();
                lines.ensureCapacity(KEPT_CHARS);
            }
        }

        /**
         * The lines in UTF-8, whole in one buffer (one write keeps them whole), from its start to its position.
         * Encoded from an array: an encoder reading the builder itself goes a char at a time.
         */
        private ByteBuffer encoded() {
            int length = lines.length();
            boolean ordinary = length <= KEPT_CHARS;
            char[] text = ordinary ? chars : new char[length];
            lines.getChars(0, length, text, 0);
            ByteBuffer encoded = ordinary
                    ? bytes.clear()
                    : ByteBuffer.allocate((int) Math.ceil(length * (double) utf8.maxBytesPerChar()));
            utf8.reset();
            utf8.encode(CharBuffer.wrap(text, 0, length), encoded, true);
            utf8.flush(encoded);
            return encoded;
        }
    }
}
