package io.proxyherd.places;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;
import java.util.logging.Logger;

/** Repeats a search that failed transiently, after an exponential backoff with jitter, on a scheduler. */
public final class RetryingSearch implements NearbySearch, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RetryingSearch.class.getName());

    private final NearbySearch delegate;
    private final int retries;
    private final long baseMillis;
    private final ScheduledExecutorService scheduler;
    private final LongUnaryOperator jitter;

    /** Retries at most {@code retries} times, the n-th after between half and all of base * 2^(n-1). */
    public RetryingSearch(NearbySearch delegate, int retries, Duration base, ScheduledExecutorService scheduler) {
        this(
                delegate,
                retries,
                base,
                scheduler,
                ceiling -> ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }

    RetryingSearch(
            NearbySearch delegate,
            int retries,
            Duration base,
            ScheduledExecutorService scheduler,
            LongUnaryOperator jitter) {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative, was " + retries);
        }
        if (base.isNegative()) {
            throw new IllegalArgumentException("base delay must not be negative, was " + base);
        }
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.retries = retries;
        this.baseMillis = base.toMillis();
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.jitter = jitter;
    }

    @Override
    public CompletionStage<PlacesAnswer> search(PlacesQuery query) {
        CompletableFuture<PlacesAnswer> answer = new CompletableFuture<>();
        attempt(() -> delegate.search(query), 0, answer);
        return answer;
    }

    private void attempt(Attempt call, int done, CompletableFuture<PlacesAnswer> answer) {
        Safely.call(call::run).whenComplete((got, unused) -> {
            if (done >= retries || !got.isTransient()) {
                answer.complete(got);
                return;
            }
            long delay = delay(done + 1);
            LOG.fine(() -> "Places search retry " + (done + 1) + " of " + retries + " in " + delay + " ms after "
                    + got.status());
            try {
                scheduler.schedule(() -> attempt(call, done + 1, answer), delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException shutDown) {
                answer.complete(got);
            }
        });
    }

    /** Closes the search this one wraps; the scheduler belongs to whoever passed it in. */
    @Override
    public void close() throws Exception {
        if (delegate instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    long delay(int retry) {
        // Capped shift: a large retry count must not overflow into a negative delay.
        long ceiling = baseMillis << Math.min(retry - 1, 20);
        return jitter.applyAsLong(ceiling);
    }

    @FunctionalInterface
    private interface Attempt {
        CompletionStage<PlacesAnswer> run();
    }
}
