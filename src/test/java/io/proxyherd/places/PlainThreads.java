package io.proxyherd.places;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;

/** The container's thread factory outside a container: plain threads, counted. */
final class PlainThreads implements ManagedThreadFactory {

    private final AtomicInteger made = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, "places-call-" + made.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
        throw new UnsupportedOperationException("no fork-join pools here");
    }

    /** Threads made so far. */
    int made() {
        return made.get();
    }
}
