package io.proxyherd.places;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.proxyherd.places.Queries.query;
import static io.proxyherd.places.ResilienceTest.complete;
import static io.proxyherd.places.ResilienceTest.json;
import static io.proxyherd.places.ResilienceTest.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CachedSearchTest {

    private static final String PATH = "/maps/api/place/nearbysearch/json";
    private static final Duration TTL = Duration.ofSeconds(300);

    @RegisterExtension
    static final WireMockExtension GOOGLE = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final AtomicLong nanos = new AtomicLong();
    private final LegacyNearbySearch legacy = new LegacyNearbySearch(
            new PlacesSettings(
                    GOOGLE.baseUrl() + PATH, Optional.of("test-key"), Duration.ofSeconds(5), Duration.ofSeconds(10)),
            PlacesFixtures.callThreads());
    private final RecordingListener lookups = new RecordingListener();
    private final CachedSearch cached = new CachedSearch(legacy, 3, TTL, 100, nanos::get, lookups);

    @AfterEach
    void close() {
        legacy.close();
    }

    @Test
    void answersASecondIdenticalSearchWithoutCallingGoogle() {
        GOOGLE.stubFor(get(urlPathEqualTo(PATH)).willReturn(json("nearby-ok-small.json")));

        String first = complete(cached.search(query(34.06893, -118.445127, "1000", 5)));
        String second = complete(cached.search(query(34.06893, -118.445127, "1000", 5)));

        assertThat(second).isEqualTo(first);
        assertThat(PlacesFixtures.parse(first).getString("status")).isEqualTo("OK");
        GOOGLE.verify(1, anyRequestedFor(anyUrl()));
        assertThat(lookups.count("hit")).isEqualTo(1);
        assertThat(lookups.count("miss")).isEqualTo(1);
    }

    @Test
    void tellsItsListenerOfEveryHitAndMissAndTheCountOfCallsAndFailures() {
        GOOGLE.stubFor(get(urlPathEqualTo(PATH)).willReturn(json("nearby-ok-small.json")));
        RecordingListener listener = new RecordingListener();
        CachedSearch counted = new CachedSearch(new CountingSearch(legacy, listener), 3, TTL, 100, listener);

        complete(counted.search(query(34.06893, -118.445127, "1000", 5)));
        complete(counted.search(query(34.06893, -118.445127, "1000", 5)));
        GOOGLE.stubFor(get(urlPathEqualTo(PATH)).willReturn(json("nearby-request-denied.json")));
        complete(counted.search(query(1, 2, "1000", 5)));

        assertThat(listener.told()).containsExactly("miss", "called", "hit", "miss", "failed");
    }

    @Test
    void sharesACellWithANearbyPositionThatRoundsTheSame() {
        GOOGLE.stubFor(get(urlPathEqualTo(PATH)).willReturn(json("nearby-ok-small.json")));

        complete(cached.search(query(34.06893, -118.445127, "1000", 5)));
        complete(cached.search(query(34.0692, -118.4446, "1000", 5)));
        complete(cached.search(query(34.0696, -118.445127, "1000", 5)));

        // 34.06893 and 34.0692 round to 34.069; 34.0696 rounds to 34.070.
        GOOGLE.verify(2, anyRequestedFor(anyUrl()));
        assertThat(lookups.count("hit")).isEqualTo(1);
        assertThat(lookups.count("miss")).isEqualTo(2);
    }

    @Test
    void missesForADifferentCountOrRadius() {
        GOOGLE.stubFor(get(urlPathEqualTo(PATH)).willReturn(json("nearby-ok-small.json")));

        complete(cached.search(query(34.06893, -118.445127, "1000", 5)));
        complete(cached.search(query(34.06893, -118.445127, "1000", 1)));
        complete(cached.search(query(34.06893, -118.445127, "2000", 5)));

        GOOGLE.verify(3, anyRequestedFor(anyUrl()));
        assertThat(lookups.count("miss")).isEqualTo(3);
        assertThat(lookups.count("hit")).isEqualTo(0);
    }

    @Test
    void cachesZeroResults() {
        GOOGLE.stubFor(get(urlPathEqualTo(PATH)).willReturn(json("nearby-zero-results.json")));

        complete(cached.search(query(34.06893, -118.445127, "10", 5)));
        assertThat(status(cached.search(query(34.06893, -118.445127, "10", 5)))).isEqualTo("ZERO_RESULTS");

        GOOGLE.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void neverKeepsAnError() {
        GOOGLE.stubFor(get(urlPathEqualTo(PATH)).willReturn(json("nearby-over-query-limit.json")));

        assertThat(status(cached.search(query(34.06893, -118.445127, "1000", 5))))
                .isEqualTo("OVER_QUERY_LIMIT");
        GOOGLE.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500)));
        assertThat(status(cached.search(query(34.06893, -118.445127, "1000", 5))))
                .isEqualTo("UNKNOWN_ERROR");
        GOOGLE.stubFor(get(urlPathEqualTo(PATH)).willReturn(json("nearby-ok-small.json")));
        assertThat(status(cached.search(query(34.06893, -118.445127, "1000", 5))))
                .isEqualTo("OK");

        GOOGLE.verify(3, anyRequestedFor(anyUrl()));
        assertThat(lookups.count("hit")).isEqualTo(0);
        assertThat(lookups.count("miss")).isEqualTo(3);
    }

    @Test
    void asksAgainOnceTheTimeToLiveHasPassed() {
        GOOGLE.stubFor(get(urlPathEqualTo(PATH)).willReturn(json("nearby-ok-small.json")));

        complete(cached.search(query(34.06893, -118.445127, "1000", 5)));
        nanos.addAndGet(TTL.minusSeconds(1).toNanos());
        complete(cached.search(query(34.06893, -118.445127, "1000", 5)));
        GOOGLE.verify(1, anyRequestedFor(anyUrl()));

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        complete(cached.search(query(34.06893, -118.445127, "1000", 5)));
        GOOGLE.verify(2, anyRequestedFor(anyUrl()));
    }

    @Test
    void keepsNoMoreThanTheMaximumEntries() {
        GOOGLE.stubFor(get(urlPathEqualTo(PATH)).willReturn(json("nearby-ok-small.json")));
        CachedSearch small = new CachedSearch(legacy, 3, TTL, 2, nanos::get, PlacesListener.NONE);
        for (int radius = 1; radius <= 5; radius++) {
            complete(small.search(query(34.06893, -118.445127, String.valueOf(radius), 5)));
        }
        GOOGLE.resetRequests();

        for (int radius = 1; radius <= 5; radius++) {
            complete(small.search(query(34.06893, -118.445127, String.valueOf(radius), 5)));
        }

        // Two entries kept at most: at least three of the five searches go to Google again.
        assertThat(GOOGLE.findAll(anyRequestedFor(anyUrl()))).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void makesOneCallForConcurrentIdenticalMisses() {
        GOOGLE.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(json("nearby-ok-small.json").withFixedDelay(2000)));

        CompletionStage<PlacesAnswer> first = cached.search(query(34.06893, -118.445127, "1000", 5));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> GOOGLE.findAll(anyRequestedFor(anyUrl())).size() == 1);
        CompletionStage<PlacesAnswer> second = cached.search(query(34.0690, -118.4451, "1000", 5));

        assertThat(complete(second)).isEqualTo(complete(first));
        GOOGLE.verify(1, anyRequestedFor(anyUrl()));
    }
}
