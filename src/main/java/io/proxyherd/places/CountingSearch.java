package io.proxyherd.places;

import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** Tells a listener of each search that reaches the provider and whether it succeeded. */
public final class CountingSearch implements NearbySearch, AutoCloseable {

    private final NearbySearch delegate;
    private final PlacesListener listener;

    public CountingSearch(NearbySearch delegate, PlacesListener listener) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public CompletionStage<PlacesAnswer> search(PlacesQuery query) {
        return Safely.call(() -> delegate.search(query))
                .whenComplete((answer, failure) -> listener.called(failure == null && answer.isSuccess()));
    }

    /** Closes the search this one wraps. */
    @Override
    public void close() throws Exception {
        if (delegate instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
