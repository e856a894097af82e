package io.proxyherd.places;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.proxyherd.places.Queries.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LegacyNearbySearchTest {

    private static final String PATH = "/maps/api/place/nearbysearch/json";
    private static final String KEY = "AIzaSyTestOnly-k3y_0123456789abcdefXYZ";
    // Generous, so a cold WireMock on a busy machine never turns a plain answer into a timeout.
    private static final Duration CONNECT = Duration.ofSeconds(5);
    private static final Duration READ = Duration.ofSeconds(10);
    private static final Duration BOUND = Duration.ofSeconds(20);

    @RegisterExtension
    static final WireMockExtension GOOGLE = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private LegacyNearbySearch places;

    @AfterEach
    void closeClient() {
        if (places != null) {
            places.close();
        }
    }

    @Test
    void trimsResultsToTheMaximumAndPrintsThemTheGoogleWay() {
        answer(okJson("nearby-ok-small.json"));

        String json = searchUcla("10000", 1);

        assertThat(json).isEqualTo("""
                {
                   "html_attributions" : [],
                   "results" : [
                      {
                         "geometry" : {
                            "location" : {
                               "lat" : 34.0729,
                               "lng" : -118.4422
                            }
                         },
                         "name" : "Royce Hall",
                         "place_id" : "ChIJ2xFMy4e8woARQ2nJ7e3bqxA",
                         "types" : [
                            "tourist_attraction",
                            "point_of_interest"
                         ],
                         "vicinity" : "10745 Dickson Ct, Los Angeles"
                      }
                   ],
                   "status" : "OK"
                }""");
    }

    @Test
    void keepsGooglesOtherFieldsInTheirOrderWhenTrimming() {
        JsonObject google = PlacesFixtures.parse(PlacesFixtures.read("nearby-ok-ucla.json"));
        answer(okJson("nearby-ok-ucla.json"));

        JsonObject trimmed = PlacesFixtures.parse(searchUcla("1500", 3));

        JsonArrayBuilder firstThree = Json.createArrayBuilder();
        google.getJsonArray("results").subList(0, 3).forEach(firstThree::add);
        assertThat(trimmed)
                .isEqualTo(Json.createObjectBuilder(google)
                        .add("results", firstThree)
                        .build());
        assertThat(trimmed.keySet()).containsExactly("html_attributions", "next_page_token", "results", "status");
        assertThat(trimmed.getJsonArray("results").getValuesAs(JsonObject.class))
                .extracting(place -> place.getString("name"))
                .containsExactly("Royce Hall", "Fowler Museum at UCLA", "Kerckhoff Coffee House");
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 20})
    void keepsEveryResultWhenThereAreNoMoreThanTheMaximum(int maxResults) {
        answer(okJson("nearby-ok-ucla.json"));

        String json = searchUcla("1500", maxResults);

        assertThat(json)
                .isEqualTo(GoogleJsonFormat.print(PlacesFixtures.parse(PlacesFixtures.read("nearby-ok-ucla.json"))));
    }

    @Test
    void keepsNoResultsWhenTheMaximumIsZero() {
        answer(okJson("nearby-ok-ucla.json"));

        JsonObject json = PlacesFixtures.parse(searchUcla("1500", 0));

        assertThat(json.getJsonArray("results")).isEmpty();
        assertThat(json.getString("status")).isEqualTo("OK");
    }

    @Test
    void sendsOneGetWithLocationRadiusAndKey() {
        answer(okJson("nearby-ok-small.json"));

        searchUcla("10000", 5);

        GOOGLE.verify(1, anyRequestedFor(anyUrl()));
        GOOGLE.verify(getRequestedFor(urlPathEqualTo(PATH))
                .withQueryParam("location", equalTo("34.06893,-118.445127"))
                .withQueryParam("radius", equalTo("10000"))
                .withQueryParam("key", equalTo(KEY)));
        assertThat(onlyRequest().getQueryParams()).containsOnlyKeys("location", "radius", "key");
    }

    @Test
    void writesCoordinatesWithoutExponents() {
        answer(okJson("nearby-zero-results.json"));

        complete(search().search(query(0.00001, -120.0, "50", 5)));

        assertThat(onlyRequest().queryParameter("location").firstValue()).isEqualTo("0.00001,-120");
    }

    @Test
    void passesZeroResultsThroughAsGoogleSentIt() {
        answer(okJson("nearby-zero-results.json"));

        String json = searchUcla("10", 5);

        assertThat(json).isEqualTo("""
                {
                   "html_attributions" : [],
                   "results" : [],
                   "status" : "ZERO_RESULTS"
                }""");
    }

    @Test
    void keepsGooglesDenialAndItsMessage() {
        answer(okJson("nearby-request-denied.json"));

        String json = searchUcla("10000", 5);

        assertThat(json).isEqualTo("""
                {
                   "html_attributions" : [],
                   "results" : [],
                   "status" : "REQUEST_DENIED",
                   "error_message" : "The provided API key is invalid. "
                }""");
    }

    @Test
    void keepsGooglesQuotaMessage() {
        answer(okJson("nearby-over-query-limit.json"));

        JsonObject json = assertError(searchUcla("10000", 5), "OVER_QUERY_LIMIT");

        assertThat(json.getString("error_message")).startsWith("You have exceeded your daily request quota");
    }

    @Test
    void explainsGooglesStatusWhenItSentNoMessage() {
        answer(okJson("nearby-invalid-request.json"));

        JsonObject json = assertError(searchUcla("10000", 5), "INVALID_REQUEST");

        assertThat(json.getString("error_message")).isEqualTo("Places answered status INVALID_REQUEST");
    }

    @Test
    void keepsGooglesStatusFromAnErrorHttpStatusWithAGoogleBody() {
        answer(aResponse()
                .withStatus(403)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(PlacesFixtures.read("nearby-request-denied.json")));

        JsonObject json = assertError(searchUcla("10000", 5), "REQUEST_DENIED");

        assertThat(json.getString("error_message")).isEqualTo("The provided API key is invalid. ");
    }

    @ParameterizedTest
    @CsvSource({"500, Internal Server Error", "502, <html><body>Bad Gateway</body></html>", "404, ''"})
    void reportsAnHttpErrorWithoutAGoogleBodyAsUnknown(int status, String body) {
        answer(aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "text/html")
                .withBody(body));

        JsonObject json = assertError(searchUcla("10000", 5), "UNKNOWN_ERROR");

        assertThat(json.getString("error_message")).isEqualTo("Places answered HTTP " + status);
    }

    @Test
    void reportsAnOkBodyUnderAnErrorHttpStatusAsUnknown() {
        answer(aResponse().withStatus(503).withBody(PlacesFixtures.read("nearby-ok-small.json")));

        JsonObject json = assertError(searchUcla("10000", 5), "UNKNOWN_ERROR");

        assertThat(json.getString("error_message")).isEqualTo("Places answered HTTP 503");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "nearby-truncated.json",
                "<html><body>Captive portal</body></html>",
                "[]",
                "{\"results\": []}",
                "{\"status\": \"OK\", \"results\": {}}",
                ""
            })
    void reportsMalformedJsonAsUnknown(String fixtureOrBody) {
        String body = fixtureOrBody.endsWith(".json") ? PlacesFixtures.read(fixtureOrBody) : fixtureOrBody;
        answer(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body));

        JsonObject json = assertError(searchUcla("10000", 5), "UNKNOWN_ERROR");

        assertThat(json.getString("error_message")).isEqualTo("Places returned malformed JSON");
    }

    @Test
    void reportsAReadTimeoutWellBeforeGoogleWouldHaveAnswered() {
        answer(okJson("nearby-ok-small.json").withFixedDelay(4000));
        places = legacy(settings(googleUrl(), Optional.of(KEY), CONNECT, Duration.ofMillis(300)));

        CompletionStage<PlacesAnswer> stage = places.search(query(34.06893, -118.445127, "10000", 5));

        String json = completeWithin(stage, Duration.ofMillis(2000));
        assertThat(assertError(json, "UNKNOWN_ERROR").getString("error_message"))
                .isEqualTo("Places request timed out after 300 ms");
    }

    @Test
    void reportsABodyTricklingPastTheDeadlineAsATimeout() {
        // Every chunk arrives within the read timeout, so only the overall deadline can end this.
        answer(okJson("nearby-ok-ucla.json").withChunkedDribbleDelay(20, 4000));
        places = legacy(settings(googleUrl(), Optional.of(KEY), Duration.ofMillis(500), Duration.ofMillis(1500)));

        CompletionStage<PlacesAnswer> stage = places.search(query(34.06893, -118.445127, "10000", 5));

        String json = completeWithin(stage, Duration.ofMillis(3500));
        assertThat(assertError(json, "UNKNOWN_ERROR").getString("error_message"))
                .isEqualTo("Places request timed out after 2000 ms");
    }

    @Test
    void reportsARefusedConnectionAsUnknown() throws IOException {
        String closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = "http://localhost:" + socket.getLocalPort() + PATH;
        }
        places = legacy(settings(closedPort, Optional.of(KEY), CONNECT, READ));

        String json = complete(places.search(query(34.06893, -118.445127, "10000", 5)));

        assertThat(assertError(json, "UNKNOWN_ERROR").getString("error_message"))
                .startsWith("Places unreachable: ")
                .contains("Connection refused");
    }

    @Test
    void reportsADroppedConnectionAsUnknown() {
        answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        JsonObject json = assertError(searchUcla("10000", 5), "UNKNOWN_ERROR");

        assertThat(json.getString("error_message")).startsWith("Places unreachable: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void deniesWithoutCallingGoogleWhenThereIsNoKey(String blankKey) {
        answer(okJson("nearby-ok-small.json"));
        places = legacy(settings(googleUrl(), Optional.of(blankKey), CONNECT, READ));

        String json = complete(places.search(query(34.06893, -118.445127, "10000", 5)));

        assertThat(json).isEqualTo("""
                {
                   "html_attributions" : [],
                   "results" : [],
                   "status" : "REQUEST_DENIED",
                   "error_message" : "no Places API key configured (set PLACES_API_KEY)"
                }""");
        GOOGLE.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void deniesWithoutCallingGoogleWhenTheKeyIsAbsent() {
        answer(okJson("nearby-ok-small.json"));
        places = legacy(settings(googleUrl(), Optional.empty(), CONNECT, READ));

        String json = complete(places.search(query(34.06893, -118.445127, "10000", 5)));

        assertThat(assertError(json, "REQUEST_DENIED").getString("error_message"))
                .isEqualTo("no Places API key configured (set PLACES_API_KEY)");
        GOOGLE.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void answersAnErrorOnceClosed() {
        answer(okJson("nearby-ok-small.json"));
        search().close();

        String json = complete(places.search(query(34.06893, -118.445127, "10000", 5)));

        assertThat(assertError(json, "UNKNOWN_ERROR").getString("error_message"))
                .startsWith("Places request failed: ");
        GOOGLE.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void answersAnErrorForAnUnusableBaseUrl() {
        places = legacy(settings("relative/path", Optional.of(KEY), CONNECT, READ));

        String json = complete(places.search(query(34.06893, -118.445127, "10000", 5)));

        assertThat(assertError(json, "UNKNOWN_ERROR").getString("error_message"))
                .startsWith("Places request failed: ");
    }

    @Test
    void keepsTheKeyOutOfLogsAndAnswers() {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger(LegacyNearbySearch.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord logRecord) {
                records.add(logRecord);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Level previous = logger.getLevel();
        logger.setLevel(Level.FINE);
        logger.addHandler(capture);
        try {
            GOOGLE.stubFor(get(urlPathEqualTo(PATH))
                    .withQueryParam("radius", equalTo("1"))
                    .willReturn(okJson("nearby-ok-small.json")));
            GOOGLE.stubFor(get(urlPathEqualTo(PATH))
                    .withQueryParam("radius", equalTo("2"))
                    .willReturn(aResponse().withStatus(500).withBody("bad key " + KEY)));
            GOOGLE.stubFor(get(urlPathEqualTo(PATH))
                    .withQueryParam("radius", equalTo("3"))
                    .willReturn(aResponse().withStatus(200).withBody("""
                            {"html_attributions":[],"results":[],"status":"REQUEST_DENIED",\
                            "error_message":"API key %s is not authorized"}""".formatted(KEY))));

            String ok = searchUcla("1", 5);
            String serverError = searchUcla("2", 5);
            String denied = searchUcla("3", 5);

            assertThat(PlacesFixtures.parse(ok).getString("status")).isEqualTo("OK");
            assertError(serverError, "UNKNOWN_ERROR");
            assertThat(assertError(denied, "REQUEST_DENIED").getString("error_message"))
                    .isEqualTo("API key REDACTED is not authorized");
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(previous);
        }

        SimpleFormatter formatter = new SimpleFormatter();
        assertThat(records)
                .extracting(formatter::format)
                .allSatisfy(line -> assertThat(line).doesNotContain(KEY));
        assertThat(records)
                .filteredOn(logRecord -> logRecord.getLevel() == Level.FINE)
                .extracting(LogRecord::getMessage)
                .hasSize(3)
                .allSatisfy(line ->
                        assertThat(line).startsWith("Places GET " + googleUrl()).endsWith("&key=REDACTED"));
        assertThat(records)
                .filteredOn(logRecord -> logRecord.getLevel() == Level.WARNING)
                .extracting(LogRecord::getMessage)
                .hasSize(2)
                .anySatisfy(line -> assertThat(line).contains("key=REDACTED").contains("Places answered HTTP 500"))
                .anySatisfy(line -> assertThat(line).contains("REQUEST_DENIED"));
    }

    private String searchUcla(String radius, int maxResults) {
        return complete(search().search(query(34.06893, -118.445127, radius, maxResults)));
    }

    private LegacyNearbySearch search() {
        if (places == null) {
            places = legacy(settings(googleUrl(), Optional.of(KEY), CONNECT, READ));
        }
        return places;
    }

    private static LegacyNearbySearch legacy(PlacesSettings settings) {
        return new LegacyNearbySearch(settings, PlacesFixtures.callThreads());
    }

    static PlacesSettings settings(String url, Optional<String> key, Duration connect, Duration read) {
        return new PlacesSettings(url, key, connect, read);
    }

    static String googleUrl() {
        return GOOGLE.baseUrl() + PATH;
    }

    /** The answer's JSON as the reply prints it. */
    static String complete(CompletionStage<PlacesAnswer> stage) {
        return completeWithin(stage, BOUND);
    }

    static String completeWithin(CompletionStage<PlacesAnswer> stage, Duration bound) {
        assertThat(stage).succeedsWithin(bound);
        return stage.toCompletableFuture().join().text();
    }

    static void answer(ResponseDefinitionBuilder response) {
        GOOGLE.stubFor(get(urlPathEqualTo(PATH)).willReturn(response));
    }

    static ResponseDefinitionBuilder okJson(String fixture) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(PlacesFixtures.read(fixture));
    }

    private static LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = GOOGLE.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    /** Checks the Google error shape, and that the key is nowhere in it. */
    static JsonObject assertError(String json, String status) {
        assertThat(json).doesNotContain(KEY);
        JsonObject error = PlacesFixtures.parse(json);
        assertThat(error.keySet()).containsExactly("html_attributions", "results", "status", "error_message");
        assertThat(error.getJsonArray("html_attributions")).isEqualTo(JsonValue.EMPTY_JSON_ARRAY);
        assertThat(error.getJsonArray("results")).isEqualTo(JsonValue.EMPTY_JSON_ARRAY);
        assertThat(error.getString("status")).isEqualTo(status);
        assertThat(error.getString("error_message")).isNotBlank();
        assertThat(json).isEqualTo(GoogleJsonFormat.print(error));
        return error;
    }
}
