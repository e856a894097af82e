package io.proxyherd.places;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads the Places settings from MicroProfile Config and produces the application's {@link NearbySearch}. */
@ApplicationScoped
public class PlacesConfiguration {

    @Inject
    @ConfigProperty(name = "places.base-url")
    String baseUrl;

    // MicroProfile Config also finds this one as the environment variable PLACES_API_KEY.
    @Inject
    @ConfigProperty(name = "places.api-key")
    Optional<String> apiKey;

    @Inject
    @ConfigProperty(name = "places.connect-timeout-ms")
    long connectTimeoutMs;

    @Inject
    @ConfigProperty(name = "places.read-timeout-ms")
    long readTimeoutMs;

    @Produces
    @ApplicationScoped
    NearbySearch nearbySearch() {
        return new LegacyNearbySearch(new PlacesSettings(
                baseUrl, apiKey, Duration.ofMillis(connectTimeoutMs), Duration.ofMillis(readTimeoutMs)));
    }

    void close(@Disposes NearbySearch search) {
        if (search instanceof LegacyNearbySearch legacy) {
            legacy.close();
        }
    }
}
