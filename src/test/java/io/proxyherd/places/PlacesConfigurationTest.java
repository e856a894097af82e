package io.proxyherd.places;

import static io.proxyherd.places.Queries.query;
import static io.proxyherd.places.ResilienceTest.complete;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlacesConfigurationTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @ParameterizedTest
    @CsvSource({
        "auto, true, NEW",
        "auto, false, OFFLINE",
        "' AUTO ', true, NEW",
        "'', false, OFFLINE",
        "new, false, NEW",
        "legacy, true, LEGACY",
        "Offline, true, OFFLINE"
    })
    void choosesTheProvider(String configured, boolean hasKey, PlacesProvider expected) {
        assertThat(PlacesProvider.of(configured, hasKey)).isEqualTo(expected);
    }

    @Test
    void refusesAnUnknownProvider() {
        assertThatThrownBy(() -> PlacesProvider.of("bing", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auto, new, legacy or offline");
    }

    @ParameterizedTest
    @CsvSource({
        "auto, , OfflineNearbySearch",
        "auto, k, NewNearbySearch",
        "' ', '  ', OfflineNearbySearch",
        "legacy, k, LegacyNearbySearch",
        "new, , NewNearbySearch"
    })
    void buildsTheChosenProvider(String provider, String key, String expected) throws Exception {
        PlacesConfiguration configuration = configuration(provider, key);

        NearbySearch chosen = configuration.chosen();

        assertThat(chosen.getClass().getSimpleName()).isEqualTo(expected);
        if (chosen instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Test
    void wrapsTheProviderInTheCacheBoundAndRetriesAndClosesThemAll() {
        PlacesConfiguration configuration = configuration("legacy", "k");
        LegacyNearbySearch legacy = (LegacyNearbySearch) configuration.chosen();

        NearbySearch search = configuration.decorated(legacy, scheduler);
        assertThat(search).isInstanceOf(CachedSearch.class);
        configuration.close(search);

        // A closed JAX-RS client refuses to send: the disposer reached the provider through every decorator.
        LegacyNearbySearchTest.assertError(complete(legacy.search(query(1, 2, "10", 1))), "UNKNOWN_ERROR");
    }

    @Test
    void answersFromTheOfflineSampleThroughTheDecorators() {
        PlacesConfiguration configuration = configuration("offline", null);
        RecordingListener told = new RecordingListener();
        configuration.listener = told;
        NearbySearch search = configuration.decorated(configuration.chosen(), scheduler);

        String first = complete(search.search(query(34.06893, -118.445127, "500", 3)));
        String second = complete(search.search(query(34.06893, -118.445127, "500", 3)));

        assertThat(PlacesFixtures.parse(first).getString("status")).isEqualTo("OK");
        assertThat(second).isEqualTo(first);
        assertThat(told.told()).containsExactly("miss", "called", "hit");
    }

    private static PlacesConfiguration configuration(String provider, String key) {
        PlacesConfiguration configuration = new PlacesConfiguration();
        configuration.provider = provider;
        configuration.baseUrl = "http://localhost:1/maps/api/place/nearbysearch/json";
        configuration.newBaseUrl = "http://localhost:1";
        configuration.fieldMask = NewNearbySearch.DEFAULT_FIELD_MASK;
        configuration.apiKey = Optional.ofNullable(key);
        configuration.connectTimeoutMs = 1000;
        configuration.readTimeoutMs = 1000;
        configuration.retries = 2;
        configuration.retryBaseMs = 100;
        configuration.maxConcurrent = 64;
        configuration.cachePrecisionDigits = 3;
        configuration.cacheTtlSeconds = 300;
        configuration.cacheMaxEntries = 10_000;
        configuration.threads = new PlainThreads();
        return configuration;
    }
}
