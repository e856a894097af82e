package io.proxyherd.places;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.logging.Logger;

/** Caps the searches in flight on this node, so a slow Places API cannot tie up all of it. */
public final class BoundedSearch implements NearbySearch, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BoundedSearch.class.getName());

    private final NearbySearch delegate;
    private final int limit;
    private final Semaphore permits;

    public BoundedSearch(NearbySearch delegate, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.limit = limit;
        this.permits = new Semaphore(limit);
    }

    @Override
    public CompletionStage<PlacesAnswer> search(PlacesQuery query) {
        if (!permits.tryAcquire()) {
            PlacesAnswer refused = PlacesAnswer.error(
                    PlacesStatus.OVER_QUERY_LIMIT,
                    "too many Places calls in flight on this node (limit " + limit + ")");
            LOG.warning(() -> "Places search refused: " + refused.problem().orElseThrow());
            return CompletableFuture.completedFuture(refused);
        }
        // The permit is back before the caller sees the answer.
        return Safely.call(() -> delegate.search(query)).whenComplete((answer, failure) -> permits.release());
    }

    /** Searches now in flight. */
    public int inFlight() {
        return limit - permits.availablePermits();
    }

    /** Closes the search this one wraps. */
    @Override
    public void close() throws Exception {
        if (delegate instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
