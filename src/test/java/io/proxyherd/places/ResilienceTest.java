package io.proxyherd.places;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.proxyherd.places.Queries.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResilienceTest {

    private static final String PATH = "/maps/api/place/nearbysearch/json";
    private static final String KEY = "AIzaSyTestOnly-k3y_0123456789abcdefXYZ";
    private static final Duration BOUND = Duration.ofSeconds(20);

    @RegisterExtension
    static final WireMockExtension GOOGLE = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final LegacyNearbySearch legacy = new LegacyNearbySearch(
            new PlacesSettings(
                    GOOGLE.baseUrl() + PATH, Optional.of(KEY), Duration.ofSeconds(5), Duration.ofSeconds(10)),
            PlacesFixtures.callThreads());

    @AfterEach
    void close() {
        legacy.close();
        scheduler.shutdownNow();
    }

    @Test
    void retriesOverQueryLimitUntilOk() {
        answerInTurn(json("nearby-over-query-limit.json"), json("nearby-ok-small.json"));

        assertThat(status(retrying(2).search(query(34.06893, -118.445127, "1000", 5))))
                .isEqualTo("OK");
        GOOGLE.verify(2, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503, 429})
    void retriesServerErrorsAndThrottlingUntilOk(int httpStatus) {
        answerInTurn(aResponse().withStatus(httpStatus).withBody("try later"), json("nearby-ok-small.json"));

        assertThat(status(retrying(2).search(query(34.06893, -118.445127, "1000", 5))))
                .isEqualTo("OK");
        GOOGLE.verify(2, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nearby-request-denied.json", "nearby-invalid-request.json", "nearby-zero-results.json"})
    void neverRetriesAnAnswerThatWouldNotChange(String fixture) {
        answerInTurn(json(fixture), json("nearby-ok-small.json"));

        String first = PlacesFixtures.parse(PlacesFixtures.read(fixture)).getString("status");
        assertThat(status(retrying(2).search(query(34.06893, -118.445127, "1000", 5))))
                .isEqualTo(first);
        GOOGLE.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void answersTheLastErrorOnceRetriesAreSpent() {
        GOOGLE.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(502)));

        String json = complete(retrying(2).search(query(34.06893, -118.445127, "1000", 5)));

        assertThat(LegacyNearbySearchTest.assertError(json, "UNKNOWN_ERROR").getString("error_message"))
                .isEqualTo("Places answered HTTP 502");
        GOOGLE.verify(3, anyRequestedFor(anyUrl()));
    }

    @Test
    void retriesNothingWhenRetriesAreZero() {
        GOOGLE.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500)));

        assertThat(status(retrying(0).search(query(34.06893, -118.445127, "1000", 5))))
                .isEqualTo("UNKNOWN_ERROR");
        GOOGLE.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void backsOffExponentiallyWithJitterBetweenHalfAndAllOfTheCeiling() {
        RetryingSearch retrying = new RetryingSearch(legacy, 5, Duration.ofMillis(100), scheduler);

        for (int i = 0; i < 200; i++) {
            assertThat(retrying.delay(1)).isBetween(50L, 100L);
            assertThat(retrying.delay(2)).isBetween(100L, 200L);
            assertThat(retrying.delay(4)).isBetween(400L, 800L);
        }
        RetryingSearch exact = new RetryingSearch(legacy, 5, Duration.ofMillis(100), scheduler, ceiling -> ceiling);
        assertThat(exact.delay(3)).isEqualTo(400L);
        assertThat(exact.delay(1000)).isPositive();
    }

    @Test
    void turnsABrokenSearchIntoAnUnknownError() {
        NearbySearch throwing = query -> {
            throw new IllegalStateException("boom");
        };
        NearbySearch failing = query -> CompletableFuture.failedFuture(new IllegalStateException());

        assertThat(status(new RetryingSearch(throwing, 0, Duration.ZERO, scheduler).search(query(0, 0, "1", 1))))
                .isEqualTo("UNKNOWN_ERROR");
        assertThat(status(new BoundedSearch(failing, 1).search(query(0, 0, "1", 1))))
                .isEqualTo("UNKNOWN_ERROR");
    }

    @Test
    void answersOverQueryLimitAtOnceWhenTheBoundIsReached() {
        GOOGLE.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(json("nearby-ok-small.json").withFixedDelay(3000)));
        BoundedSearch bounded = new BoundedSearch(legacy, 2);

        CompletionStage<PlacesAnswer> first = bounded.search(query(34.06893, -118.445127, "1000", 5));
        CompletionStage<PlacesAnswer> second = bounded.search(query(34.06893, -118.445127, "1000", 5));
        await().atMost(BOUND)
                .until(() -> GOOGLE.findAll(anyRequestedFor(anyUrl())).size() == 2);
        CompletionStage<PlacesAnswer> third = bounded.search(query(34.06893, -118.445127, "1000", 5));

        assertThat(third.toCompletableFuture()).isDone();
        assertThat(LegacyNearbySearchTest.assertError(
                                third.toCompletableFuture().join().text(), "OVER_QUERY_LIMIT")
                        .getString("error_message"))
                .isEqualTo("too many Places calls in flight on this node (limit 2)");
        assertThat(first.toCompletableFuture()).isNotDone();
        assertThat(bounded.inFlight()).isEqualTo(2);
        assertThat(status(first)).isEqualTo("OK");
        assertThat(status(second)).isEqualTo("OK");
        assertThat(bounded.inFlight()).isZero();
        assertThat(status(bounded.search(query(34.06893, -118.445127, "1000", 5))))
                .isEqualTo("OK");
        GOOGLE.verify(3, anyRequestedFor(anyUrl()));
    }

    @Test
    void holdsOnePermitPerCallerAcrossItsRetries() {
        AtomicInteger calls = new AtomicInteger();
        List<CompletableFuture<PlacesAnswer>> pending = new ArrayList<>();
        NearbySearch manual = query -> {
            calls.incrementAndGet();
            CompletableFuture<PlacesAnswer> answer = new CompletableFuture<>();
            synchronized (pending) {
                pending.add(answer);
            }
            return answer;
        };
        BoundedSearch bounded = new BoundedSearch(new RetryingSearch(manual, 2, Duration.ZERO, scheduler), 1);

        CompletionStage<PlacesAnswer> first = bounded.search(query(0, 0, "1", 1));
        synchronized (pending) {
            pending.get(0).complete(PlacesAnswer.error(PlacesStatus.UNKNOWN_ERROR, "flaky"));
        }
        await().atMost(BOUND).until(() -> calls.get() == 2);

        assertThat(status(bounded.search(query(0, 0, "1", 1)))).isEqualTo("OVER_QUERY_LIMIT");
        synchronized (pending) {
            pending.get(1)
                    .complete(PlacesAnswer.success(
                            PlacesFixtures.parse(PlacesFixtures.read("nearby-zero-results.json"))));
        }
        assertThat(status(first)).isEqualTo("ZERO_RESULTS");
        assertThat(calls).hasValue(2);
    }

    private RetryingSearch retrying(int retries) {
        return new RetryingSearch(legacy, retries, Duration.ofMillis(5), scheduler);
    }

    private static void answerInTurn(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        GOOGLE.stubFor(get(urlPathEqualTo(PATH))
                .inScenario("turns")
                .whenScenarioStateIs(STARTED)
                .willReturn(first)
                .willSetStateTo("answered once"));
        GOOGLE.stubFor(get(urlPathEqualTo(PATH))
                .inScenario("turns")
                .whenScenarioStateIs("answered once")
                .willReturn(then));
    }

    static ResponseDefinitionBuilder json(String fixture) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(PlacesFixtures.read(fixture));
    }

    /** The answer's JSON as the reply prints it. */
    static String complete(CompletionStage<PlacesAnswer> stage) {
        assertThat(stage).succeedsWithin(BOUND);
        return stage.toCompletableFuture().join().text();
    }

    static String status(CompletionStage<PlacesAnswer> stage) {
        return PlacesFixtures.parse(complete(stage)).getString("status");
    }
}
