package io.proxyherd.places;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** Holds a decorator to the {@link NearbySearch} contract even when the search it wraps breaks it. */
final class Safely {

    private Safely() {}

    /** The search's answer; a throw or an exceptional stage becomes an UNKNOWN_ERROR answer. */
    static CompletableFuture<String> call(Supplier<CompletionStage<String>> search) {
        CompletionStage<String> stage;
        try {
            stage = search.get();
        } catch (RuntimeException failure) {
            return CompletableFuture.completedFuture(failed(failure));
        }
        return stage.toCompletableFuture()
                .handle((json, failure) -> failure == null && json != null ? json : failed(failure));
    }

    private static String failed(Throwable failure) {
        String what = failure == null ? "no answer" : failure.getClass().getSimpleName();
        return PlacesReply.error(PlacesReply.UNKNOWN_ERROR, "Places search failed: " + what)
                .json();
    }
}
