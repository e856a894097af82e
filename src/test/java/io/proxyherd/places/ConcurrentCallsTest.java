package io.proxyherd.places;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.proxyherd.places.Queries.query;
import static io.proxyherd.places.ResilienceTest.complete;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HTTP providers have as many calls in flight as they have call threads, on those threads. The
 * stand-in answers no request until all of them have arrived; a client that ran fewer at once would
 * get 503s.
 */
class ConcurrentCallsTest {

    private static final int CALLS = 24;
    private static final String KEY = "test-key";
    private static final String LEGACY_PATH = "/maps/api/place/nearbysearch/json";
    private static final AllArrived ARRIVALS = new AllArrived();

    @RegisterExtension
    static final WireMockExtension GOOGLE = WireMockExtension.newInstance()
            // Enough server threads to hold every waiting request.
            .options(wireMockConfig().dynamicPort().containerThreads(CALLS + 16).extensions(ARRIVALS))
            .build();

    private final PlainThreads threads = new PlainThreads();

    @Test
    void legacyCallsAreAllInFlightAtOnceOnTheCallThreads() {
        GOOGLE.stubFor(get(urlPathEqualTo(LEGACY_PATH)).willReturn(json(PlacesFixtures.read("nearby-ok-small.json"))));
        ARRIVALS.expect(CALLS);
        ExecutorService calls = PlacesConfiguration.callThreads(CALLS, threads);
        try (LegacyNearbySearch legacy = new LegacyNearbySearch(settings(GOOGLE.baseUrl() + LEGACY_PATH), calls)) {

            List<String> statuses = statuses(IntStream.range(0, CALLS)
                    .mapToObj(i -> legacy.search(query(34.0 + i / 1000.0, -118.4, "1000", 5)))
                    .toList());

            assertThat(statuses).hasSize(CALLS).containsOnly("OK");
        }
        assertThat(threads.made()).isEqualTo(CALLS);
        assertThat(calls.isShutdown())
                .as("the search shuts its call threads down when closed")
                .isTrue();
    }

    @Test
    void newApiCallsAreAllInFlightAtOnceOnTheCallThreads() {
        GOOGLE.stubFor(
                post(urlPathEqualTo(NewNearbySearch.PATH)).willReturn(json(PlacesFixtures.read("new-nearby-ok.json"))));
        ARRIVALS.expect(CALLS);
        try (NewNearbySearch places = new NewNearbySearch(
                settings(GOOGLE.baseUrl()),
                NewNearbySearch.DEFAULT_FIELD_MASK,
                PlacesConfiguration.callThreads(CALLS, threads))) {

            List<CompletionStage<PlacesAnswer>> searches = IntStream.range(0, CALLS)
                    .mapToObj(i -> places.search(query(34.0 + i / 1000.0, -118.4, "1000", 5)))
                    .toList();

            assertThat(searches.stream().map(ResilienceTest::complete).toList())
                    .allSatisfy(
                            answer -> assertThat(PlacesFixtures.parse(answer)).containsKey("places"));
        }
        assertThat(threads.made()).isEqualTo(CALLS);
    }

    private static List<String> statuses(List<CompletionStage<PlacesAnswer>> searches) {
        return searches.stream()
                .map(search -> PlacesFixtures.parse(complete(search)).getString("status"))
                .toList();
    }

    private static PlacesSettings settings(String url) {
        // The read timeout outlasts the stand-in's wait, so a call it holds back fails with its 503, not a timeout.
        return new PlacesSettings(url, Optional.of(KEY), Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    /** Holds each request until the expected number are all waiting; past a deadline, answers 503. */
    static final class AllArrived implements ResponseDefinitionTransformerV2 {

        private volatile CountDownLatch waiting = new CountDownLatch(0);

        void expect(int requests) {
            waiting = new CountDownLatch(requests);
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            CountDownLatch latch = waiting;
            latch.countDown();
            try {
                if (latch.await(15, TimeUnit.SECONDS)) {
                    return event.getResponseDefinition();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return ResponseDefinitionBuilder.like(event.getResponseDefinition())
                    .withStatus(503)
                    .withBody(
                            "{\"status\" : \"UNKNOWN_ERROR\", \"error_message\" : \"not all calls in flight at once\"}")
                    .build();
        }

        @Override
        public String getName() {
            return "all-arrived";
        }
    }
}
