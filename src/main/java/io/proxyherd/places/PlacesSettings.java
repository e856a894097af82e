package io.proxyherd.places;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Where and how to reach the Places API; a blank key counts as no key. */
public record PlacesSettings(String baseUrl, Optional<String> apiKey, Duration connectTimeout, Duration readTimeout) {

    /** Google's legacy Nearby Search endpoint. */
    public static final String GOOGLE_LEGACY_URL = "https://maps.googleapis.com/maps/api/place/nearbysearch/json";

    public PlacesSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        apiKey = Objects.requireNonNull(apiKey, "apiKey").map(String::strip).filter(key -> !key.isEmpty());
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
    }

    private static void requirePositive(Duration timeout, String name) {
        Objects.requireNonNull(timeout, name);
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + timeout);
        }
    }

    // The generated toString would print the key.
    @Override
    public String toString() {
        return "PlacesSettings[baseUrl=" + baseUrl
                + ", apiKey=" + apiKey.map(key -> "REDACTED").orElse("none")
                + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + "]";
    }
}
