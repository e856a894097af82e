package io.proxyherd.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a log record costs, three ways in turn, three times: nothing (a handler that drops it: the cost of
 * making the record), the node's old way (FileHandler and SimpleFormatter with logging.properties' pattern,
 * a flush per record) and its way now (AsyncLogHandler, with room for every record so that none is dropped).
 * Four threads log {@code log.records} records (default 1,000,000), as fast as they can or, with
 * {@code log.per-second}, at that rate in all. Prints the process's CPU time (every thread: the loggers, the
 * writer, the collector) and the wall time until every line is written. Not in the normal suite (the name
 * does not end in Test): {@code ./mvnw -B test -Dtest=LogCostBenchmark [-Dlog.records=100000 -Dlog.per-second=10000]}.
 */
class LogCostBenchmark {

    private static final String PATTERN = "%1$tFT%1$tT.%1$tL%1$tz %4$s [%3$s] %5$s%6$s%n";
    private static final String LINE =
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{4} INFO \\[[\\w.]+] .*";
    private static final int THREADS = 4;
    private static final int RECORDS = Integer.getInteger("log.records", 1_000_000);
    private static final int PER_SECOND = Integer.getInteger("log.per-second", 0);
    private static final ThreadMXBean THREAD_CPU = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS_CPU =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @TempDir
    Path dir;

    @Test
    void oldAgainstNew() throws Exception {
        System.setProperty("java.util.logging.SimpleFormatter.format", PATTERN);
        System.out.printf(
                "%,d records from %d threads, %s%n",
                RECORDS,
                THREADS,
                PER_SECOND == 0 ? "as fast as they can" : String.format("%,d a second in all", PER_SECOND));
        for (String setup : List.of("none", "old", "new")) {
            run(setup, RECORDS / 5); // warm-up
        }
        for (int round = 1; round <= 3; round++) {
            for (String setup : List.of("none", "old", "new")) {
                System.out.println(setup + ": " + run(setup, RECORDS));
            }
        }
    }

    private String run(String setup, int records) throws Exception {
        Path file = dir.resolve(setup + ".log");
        Handler handler = handler(setup, file, records);
        Logger logger = Logger.getLogger("io.proxyherd.listener.ClientSession." + setup);
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        System.gc();

        CountDownLatch go = new CountDownLatch(1);
        long[] loggersCpu = new long[THREADS];
        List<Thread> loggers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            loggers.add(new Thread(() -> loggersCpu[thread] = log(logger, thread, records / THREADS, go)));
        }
        loggers.forEach(Thread::start);
        long cpu = PROCESS_CPU.getProcessCpuTime();
        long wall = System.nanoTime();
        go.countDown();
        for (Thread thread : loggers) {
            thread.join();
        }
        long logged = System.nanoTime() - wall;
        handler.close();
        wall = System.nanoTime() - wall;
        cpu = PROCESS_CPU.getProcessCpuTime() - cpu;
        logger.removeHandler(handler);

        if (!setup.equals("none")) {
            try (Stream<String> lines = Files.lines(file)) {
                assertThat(lines.filter(line -> line.matches(LINE)).count())
                        .as(setup)
                        .isEqualTo(records);
            }
            Files.delete(file);
        }
        return String.format(
                "process CPU %,.0f ms (%.2f us a record), the logging threads' %.2f us a record;"
                        + " wall %,.0f ms (%,.0f ms until the last record was logged)",
                cpu / 1e6, cpu / 1e3 / records, sum(loggersCpu) / 1e3 / records, wall / 1e6, logged / 1e6);
    }

    private static Handler handler(String setup, Path file, int records) throws IOException {
        ThreadFactory daemons = task -> {
            Thread thread = new Thread(task, "log-writer");
            thread.setDaemon(true);
            return thread;
        };
        return switch (setup) {
            case "none" ->
                new Handler() {
                    @Override
                    public void publish(LogRecord record) {}

                    @Override
                    public void flush() {}

                    @Override
                    public void close() {}
                };
            case "old" -> {
                FileHandler old = new FileHandler(file.toString(), true);
                old.setEncoding("UTF-8");
                old.setFormatter(new SimpleFormatter());
                yield old;
            }
            default -> AsyncLogHandler.appendingTo(file, records, daemons, dropped -> {});
        };
    }

    /** Logs as ClientSession does, returning the thread's CPU time. */
    private static long log(Logger logger, int thread, int records, CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            return 0;
        }
        long cpu = THREAD_CPU.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        String remote = "/127.0.0.1:" + (41000 + thread);
        for (int i = 0; i < records; i++) {
            int n = i;
            logger.info(() -> remote + " < IAMAT kiwi.cs.ucla.edu +34.068930-118.445127 1520023934." + n);
            if (PER_SECOND > 0 && n % 16 == 15) {
                long wait = started + (n + 1L) * 1_000_000_000L * THREADS / PER_SECOND - System.nanoTime();
                if (wait > 10_000_000L) {
                    LockSupport.parkNanos(wait);
                }
            }
        }
        return THREAD_CPU.getCurrentThreadCpuTime() - cpu;
    }

    private static long sum(long[] values) {
        long sum = 0;
        for (long value : values) {
            sum += value;
        }
        return sum;
    }
}
