package io.proxyherd.places;

import static io.proxyherd.json.SharedJson.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.logging.Logger;

/** Nearby Search through Google's Places API (New), over the JAX-RS client it owns. */
public final class NewNearbySearch implements NearbySearch, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(NewNearbySearch.class.getName());

    /** Google's Places API (New) host; the path is added to it. */
    public static final String GOOGLE_URL = "https://places.googleapis.com";
    /** What Google is asked to answer with, unless configured otherwise. */
    public static final String DEFAULT_FIELD_MASK =
            "places.id,places.displayName,places.formattedAddress,places.location,places.types,places.rating";

    static final String PATH = "/v1/places:searchNearby";
    // Google refuses a maxResultCount outside 1 to 20.
    private static final int MOST_RESULTS = 20;

    private final PlacesSettings settings;
    private final String fieldMask;
    private final KeyRedaction redaction;
    private final Client client;
    private final ExecutorService calls;
    private final CallFailures failures;

    /**
     * {@code settings.baseUrl()} is the host, such as {@link #GOOGLE_URL}, without the path. Each call holds
     * one of {@code calls}' threads while it waits for Google; this search owns them from now on.
     */
    public NewNearbySearch(PlacesSettings settings, String fieldMask, ExecutorService calls) {
        this.settings = settings;
        this.fieldMask = Objects.requireNonNull(fieldMask, "fieldMask").strip();
        this.redaction = new KeyRedaction(settings.apiKey());
        this.calls = calls;
        this.client = settings.newClient(calls);
        this.failures = new CallFailures(settings, redaction, settings.deadlineMillis(), LOG);
    }

    @Override
    public CompletionStage<PlacesAnswer> search(PlacesQuery query) {
        if (settings.apiKey().isEmpty()) {
            LOG.warning("Places search not sent: " + LegacyNearbySearch.NO_KEY_MESSAGE);
            return CallFailures.answered(
                    PlacesAnswer.error(PlacesStatus.REQUEST_DENIED, LegacyNearbySearch.NO_KEY_MESSAGE));
        }
        int maxResults = query.maxResults();
        String url = settings.baseUrl().replaceAll("/+$", "") + PATH;
        String body = JSON.createObjectBuilder()
                .add("maxResultCount", Math.max(1, Math.min(maxResults, MOST_RESULTS)))
                .add(
                        "locationRestriction",
                        JSON.createObjectBuilder()
                                .add(
                                        "circle",
                                        JSON.createObjectBuilder()
                                                .add(
                                                        "center",
                                                        JSON.createObjectBuilder()
                                                                .add("latitude", new BigDecimal(query.plainLatitude()))
                                                                .add(
                                                                        "longitude",
                                                                        new BigDecimal(query.plainLongitude())))
                                                .add("radius", new BigDecimal(query.plainRadius()))))
                .build()
                .toString();
        try {
            LOG.fine(() -> "Places POST " + url + " " + body);
            return failures.settle(
                    client.target(url)
                            .request(MediaType.APPLICATION_JSON_TYPE)
                            .header("X-Goog-Api-Key", settings.apiKey().get())
                            .header("X-Goog-FieldMask", fieldMask)
                            .rx()
                            .post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE), String.class),
                    (status, answer) -> answer(status, answer, maxResults),
                    "POST",
                    url);
        } catch (RuntimeException failure) {
            // An invalid base URL, or a closed client.
            return CallFailures.answered(failures.report(failures.unexpected(failure), "POST", url));
        }
    }

    /** Closes the client and shuts down the threads its calls ran on. */
    @Override
    public void close() {
        client.close();
        calls.shutdownNow();
    }

    private PlacesAnswer answer(int status, String body, int maxResults) {
        Optional<JsonObject> parsed = PlacesAnswer.parseObject(body);
        if (status >= 200 && status < 300) {
            return parsed.filter(answer -> !(answer.get("error") instanceof JsonObject))
                    .map(answer -> PlacesAnswer.success(trimmed(answer, maxResults)))
                    .orElseGet(() -> PlacesAnswer.error(PlacesStatus.UNKNOWN_ERROR, "Places returned malformed JSON"));
        }
        // Google's errors read {"error": {"code": 400, "message": "...", "status": "INVALID_ARGUMENT"}}.
        Optional<String> message = parsed.map(answer -> answer.get("error") instanceof JsonObject error ? error : null)
                .map(error -> error.get("message") instanceof JsonString text ? text.getString() : null)
                .filter(text -> !text.isBlank());
        return PlacesAnswer.error(
                legacyStatus(status), redaction.apply(message.orElse("Places answered HTTP " + status)));
    }

    static String legacyStatus(int httpStatus) {
        return switch (httpStatus) {
            case 400 -> PlacesStatus.INVALID_REQUEST;
            case 401, 403 -> PlacesStatus.REQUEST_DENIED;
            case 429 -> PlacesStatus.OVER_QUERY_LIMIT;
            default -> PlacesStatus.UNKNOWN_ERROR;
        };
    }

    private static JsonObject trimmed(JsonObject answer, int maxResults) {
        return answer.get("places") instanceof JsonArray places
                ? PlacesAnswer.trimmed(answer, "places", places, maxResults)
                : answer;
    }
}
