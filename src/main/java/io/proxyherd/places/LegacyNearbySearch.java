package io.proxyherd.places;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.logging.Logger;

/** Nearby Search through Google's legacy Places endpoint, over the JAX-RS client it owns. */
public final class LegacyNearbySearch implements NearbySearch, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LegacyNearbySearch.class.getName());

    static final String NO_KEY_MESSAGE = "no Places API key configured (set PLACES_API_KEY)";

    private final PlacesSettings settings;
    private final KeyRedaction redaction;
    private final Client client;
    private final ExecutorService calls;
    private final CallFailures failures;

    /** Each call holds one of {@code calls}' threads while it waits for Google; this search owns them from now on. */
    public LegacyNearbySearch(PlacesSettings settings, ExecutorService calls) {
        this.settings = settings;
        this.redaction = new KeyRedaction(settings.apiKey());
        this.calls = calls;
        this.client = settings.newClient(calls);
        this.failures = new CallFailures(settings, redaction, settings.deadlineMillis(), LOG);
    }

    @Override
    public CompletionStage<PlacesAnswer> search(PlacesQuery query) {
        if (settings.apiKey().isEmpty()) {
            LOG.warning("Places search not sent: " + NO_KEY_MESSAGE);
            return CallFailures.answered(PlacesAnswer.error(PlacesStatus.REQUEST_DENIED, NO_KEY_MESSAGE));
        }
        String location = query.plainLatitude() + "," + query.plainLongitude();
        String loggedUrl = settings.baseUrl();
        try {
            // Templates make JAX-RS encode the values, so a radius cannot smuggle in extra parameters.
            WebTarget target = client.target(settings.baseUrl())
                    .queryParam("location", "{location}")
                    .queryParam("radius", "{radius}")
                    .queryParam("key", "{key}")
                    .resolveTemplate("location", location)
                    .resolveTemplate("radius", query.plainRadius());
            loggedUrl = target.resolveTemplate("key", KeyRedaction.REDACTED)
                    .getUri()
                    .toString();
            String url = loggedUrl;
            LOG.fine(() -> "Places GET " + url);
            return failures.settle(
                    target.resolveTemplate("key", settings.apiKey().get())
                            .request(MediaType.APPLICATION_JSON_TYPE)
                            .rx()
                            .get(String.class),
                    (status, body) -> PlacesAnswer.fromGoogle(status, body, query.maxResults(), redaction),
                    "GET",
                    url);
        } catch (RuntimeException failure) {
            // An invalid base URL, or a closed client.
            return CallFailures.answered(failures.report(failures.unexpected(failure), "GET", loggedUrl));
        }
    }

    /** Closes the client and shuts down the threads its calls ran on. */
    @Override
    public void close() {
        client.close();
        calls.shutdownNow();
    }
}
