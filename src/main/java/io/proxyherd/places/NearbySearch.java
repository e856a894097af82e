package io.proxyherd.places;

import java.util.concurrent.CompletionStage;

/** Finds places near a point and answers in Google Places Nearby Search JSON. */
public interface NearbySearch {

    /**
     * Searches around a point.
     *
     * <p>The stage never completes exceptionally: every failure is answered as a Google-shaped error
     * object ({@code html_attributions}, {@code results}, {@code status}, {@code error_message}).
     * It may complete on an HTTP client or timer thread, so dependent actions should not block.
     */
    CompletionStage<PlacesAnswer> search(PlacesQuery query);
}
