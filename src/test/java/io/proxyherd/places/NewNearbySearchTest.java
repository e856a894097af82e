package io.proxyherd.places;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.proxyherd.places.LegacyNearbySearchTest.assertError;
import static io.proxyherd.places.Queries.query;
import static io.proxyherd.places.ResilienceTest.complete;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NewNearbySearchTest {

    private static final String PATH = "/v1/places:searchNearby";
    private static final String KEY = "AIzaSyTestOnly-k3y_0123456789abcdefXYZ";

    @RegisterExtension
    static final WireMockExtension GOOGLE = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private NewNearbySearch places = places(Duration.ofSeconds(10));

    @AfterEach
    void close() {
        places.close();
    }

    @Test
    void postsTheCircleCountKeyAndFieldMask() {
        answer(json(200, "new-nearby-ok.json"));

        complete(places.search(query(34.06893, -118.445127, "1500", 7)));

        GOOGLE.verify(1, anyRequestedFor(anyUrl()));
        GOOGLE.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("X-Goog-Api-Key", equalTo(KEY))
                .withHeader("X-Goog-FieldMask", equalTo(NewNearbySearch.DEFAULT_FIELD_MASK))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"maxResultCount": 7,
                         "locationRestriction": {"circle": {
                             "center": {"latitude": 34.06893, "longitude": -118.445127},
                             "radius": 1500}}}""")));
        assertThat(GOOGLE.findAll(anyRequestedFor(anyUrl())).get(0).getUrl()).doesNotContain(KEY);
    }

    @Test
    void sendsTheRadiusAsANumber() {
        answer(json(200, "new-nearby-ok.json"));

        complete(places.search(query(34.06893, -118.445127, "250.5", 3)));

        String body = GOOGLE.findAll(anyRequestedFor(anyUrl())).get(0).getBodyAsString();
        assertThat(PlacesFixtures.parse(body)
                        .getJsonObject("locationRestriction")
                        .getJsonObject("circle")
                        .getJsonNumber("radius")
                        .doubleValue())
                .isEqualTo(250.5);
    }

    @Test
    void passesGooglesAnswerThroughPrintedTheGoogleWay() {
        answer(json(200, "new-nearby-ok.json"));

        String json = complete(places.search(query(34.06893, -118.445127, "1500", 5)));

        assertThat(json)
                .isEqualTo(GoogleJsonFormat.print(PlacesFixtures.parse(PlacesFixtures.read("new-nearby-ok.json"))));
    }

    @Test
    void keepsAtMostTheMaximumPlaces() {
        answer(json(200, "new-nearby-ok.json"));

        JsonObject json = PlacesFixtures.parse(complete(places.search(query(34.06893, -118.445127, "1500", 1))));

        assertThat(json.getJsonArray("places")).hasSize(1);
        assertThat(json.getJsonArray("places").getJsonObject(0).getString("id"))
                .isEqualTo("ChIJ2xFMy4e8woARQ2nJ7e3bqxA");
    }

    @Test
    void reportsAMissingFieldMaskAsAnInvalidRequestWithGooglesMessage() {
        answer(json(400, "new-missing-field-mask.json"));

        JsonObject json =
                assertError(complete(places.search(query(34.06893, -118.445127, "1500", 5))), "INVALID_REQUEST");

        assertThat(json.getString("error_message")).startsWith("FieldMask is a required parameter.");
    }

    @ParameterizedTest
    @CsvSource({
        "403, new-permission-denied.json, REQUEST_DENIED",
        "401, new-permission-denied.json, REQUEST_DENIED",
        "429, new-resource-exhausted.json, OVER_QUERY_LIMIT",
        "500, new-resource-exhausted.json, UNKNOWN_ERROR"
    })
    void mapsGooglesErrorsToTheLegacyShape(int httpStatus, String fixture, String status) {
        answer(json(httpStatus, fixture));

        JsonObject json = assertError(complete(places.search(query(34.06893, -118.445127, "1500", 5))), status);

        assertThat(json.getString("error_message"))
                .isEqualTo(PlacesFixtures.parse(PlacesFixtures.read(fixture))
                        .getJsonObject("error")
                        .getString("message"));
    }

    @Test
    void explainsAnErrorWithoutAGoogleBody() {
        answer(aResponse().withStatus(503).withBody("<html>unavailable</html>"));

        JsonObject json =
                assertError(complete(places.search(query(34.06893, -118.445127, "1500", 5))), "UNKNOWN_ERROR");

        assertThat(json.getString("error_message")).isEqualTo("Places answered HTTP 503");
    }

    @Test
    void redactsTheKeyFromGooglesMessage() {
        answer(aResponse().withStatus(400).withBody("""
                {"error": {"code": 400, "message": "API key %s not valid", "status": "INVALID_ARGUMENT"}}""".formatted(KEY)));

        JsonObject json =
                assertError(complete(places.search(query(34.06893, -118.445127, "1500", 5))), "INVALID_REQUEST");

        assertThat(json.getString("error_message")).isEqualTo("API key REDACTED not valid");
    }

    @Test
    void reportsAReadTimeoutAsUnknown() {
        answer(json(200, "new-nearby-ok.json").withFixedDelay(4000));
        places.close();
        places = places(Duration.ofMillis(300));

        JsonObject json =
                assertError(complete(places.search(query(34.06893, -118.445127, "1500", 5))), "UNKNOWN_ERROR");

        assertThat(json.getString("error_message")).isEqualTo("Places request timed out after 300 ms");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"places\": [", "<html></html>", "[]", ""})
    void reportsMalformedJsonAsUnknown(String body) {
        answer(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body));

        JsonObject json =
                assertError(complete(places.search(query(34.06893, -118.445127, "1500", 5))), "UNKNOWN_ERROR");

        assertThat(json.getString("error_message")).isEqualTo("Places returned malformed JSON");
    }

    @Test
    void deniesWithoutCallingGoogleWhenThereIsNoKey() {
        places.close();
        places = new NewNearbySearch(
                new PlacesSettings(GOOGLE.baseUrl(), Optional.empty(), Duration.ofSeconds(5), Duration.ofSeconds(10)),
                NewNearbySearch.DEFAULT_FIELD_MASK,
                PlacesFixtures.callThreads());

        assertError(complete(places.search(query(34.06893, -118.445127, "1500", 5))), "REQUEST_DENIED");
        GOOGLE.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void isNeitherRetriedNorLeftUncachedWhenItSucceeds() {
        answer(json(200, "new-nearby-ok.json"));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            NearbySearch search = new CachedSearch(
                    new RetryingSearch(places, 2, Duration.ofMillis(5), scheduler), 3, Duration.ofMinutes(5), 10);

            String first = complete(search.search(query(34.06893, -118.445127, "1500", 5)));
            String second = complete(search.search(query(34.06893, -118.445127, "1500", 5)));

            assertThat(second).isEqualTo(first).contains("Royce Hall");
            GOOGLE.verify(1, anyRequestedFor(anyUrl()));
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void isRetriedWhenGoogleThrottles() {
        GOOGLE.stubFor(post(urlPathEqualTo(PATH))
                .inScenario("throttled")
                .whenScenarioStateIs(STARTED)
                .willReturn(json(429, "new-resource-exhausted.json"))
                .willSetStateTo("once"));
        GOOGLE.stubFor(post(urlPathEqualTo(PATH))
                .inScenario("throttled")
                .whenScenarioStateIs("once")
                .willReturn(json(200, "new-nearby-ok.json")));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            String json = complete(new RetryingSearch(places, 2, Duration.ofMillis(5), scheduler)
                    .search(query(34.06893, -118.445127, "1500", 5)));

            assertThat(json).contains("Royce Hall");
            GOOGLE.verify(2, anyRequestedFor(anyUrl()));
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static NewNearbySearch places(Duration read) {
        return new NewNearbySearch(
                new PlacesSettings(GOOGLE.baseUrl() + "/", Optional.of(KEY), Duration.ofSeconds(5), read),
                NewNearbySearch.DEFAULT_FIELD_MASK,
                PlacesFixtures.callThreads());
    }

    private static void answer(ResponseDefinitionBuilder response) {
        GOOGLE.stubFor(post(urlPathEqualTo(PATH)).willReturn(response));
    }

    private static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(PlacesFixtures.read(fixture));
    }
}
