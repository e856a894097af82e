package io.proxyherd.threads;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A pool of at most {@code count} threads from a thread factory, for work inside the container: given the
 * container's ManagedThreadFactory, each thread captures the container's context once, where a managed
 * executor would capture it for every task. Threads idle for {@code idle} end; work waits for a free one.
 */
public final class FixedThreads {

    private FixedThreads() {}

    public static ExecutorService of(int count, Duration idle, ThreadFactory factory) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                count, count, idle.toMillis(), TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), factory);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
