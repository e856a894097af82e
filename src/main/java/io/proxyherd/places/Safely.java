package io.proxyherd.places;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** Holds a decorator to the {@link NearbySearch} contract even when the search it wraps breaks it. */
final class Safely {

    private Safely() {}

    /** The search's answer; a throw or an exceptional stage becomes an UNKNOWN_ERROR answer. */
    static CompletableFuture<PlacesAnswer> call(Supplier<CompletionStage<PlacesAnswer>> search) {
        CompletionStage<PlacesAnswer> stage;
        try {
            stage = search.get();
        } catch (RuntimeException failure) {
            return CompletableFuture.completedFuture(failed(failure));
        }
        return stage.toCompletableFuture()
                .handle((answer, failure) -> failure == null && answer != null ? answer : failed(failure));
    }

    private static PlacesAnswer failed(Throwable failure) {
        String what = failure == null ? "no answer" : failure.getClass().getSimpleName();
        return PlacesAnswer.error(PlacesStatus.UNKNOWN_ERROR, "Places search failed: " + what);
    }
}
