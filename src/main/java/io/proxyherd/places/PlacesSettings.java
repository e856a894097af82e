package io.proxyherd.places;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Where and how to reach the Places API; a blank key counts as no key. */
public record PlacesSettings(String baseUrl, Optional<String> apiKey, Duration connectTimeout, Duration readTimeout) {

    public PlacesSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        apiKey = Objects.requireNonNull(apiKey, "apiKey").map(String::strip).filter(key -> !key.isEmpty());
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
    }

    /** A JAX-RS client with these timeouts whose asynchronous calls run on {@code calls}; the caller closes both. */
    Client newClient(ExecutorService calls) {
        return ClientBuilder.newBuilder()
                .executorService(Objects.requireNonNull(calls, "calls"))
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .build();
    }

    /**
     * How long a whole call may take. The read timeout bounds each read, not the whole answer: a body
     * trickling in slowly would otherwise hold the caller indefinitely.
     */
    long deadlineMillis() {
        return connectTimeout.plus(readTimeout).toMillis();
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
