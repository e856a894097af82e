package io.proxyherd.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A local stand-in for Google's Nearby Search, legacy (GET) and Places API (New) (POST), answering in
 * each API's real response format.
 */
public final class PlacesStandIn implements AutoCloseable {

    public static final String PATH = "/maps/api/place/nearbysearch/json";
    public static final String NEW_PATH = "/v1/places:searchNearby";
    public static final String KEY = "test-places-key";

    private static final int CONTAINER_THREADS = 256;

    private final WireMockServer server;

    public PlacesStandIn(int port) {
        // WireMock's default 25 Jetty threads hold only about 15 delayed answers at once: too few to see
        // whether a node really has its 64 Places calls in flight.
        server =
                new WireMockServer(options().port(port).bindAddress("127.0.0.1").containerThreads(CONTAINER_THREADS));
        server.start();
        server.stubFor(get(urlPathEqualTo(PATH))
                .withQueryParam("key", equalTo(KEY))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json; charset=UTF-8")
                        .withBody(fixture("standin/nearby-ucla.json"))));
        server.stubFor(post(urlPathEqualTo(NEW_PATH))
                .withHeader("X-Goog-Api-Key", equalTo(KEY))
                .withHeader("X-Goog-FieldMask", matching(".+"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json; charset=UTF-8")
                        .withBody(fixture("places/new-nearby-ok.json"))));
    }

    /** The base URL of the Places API (New) stand-in, as places.new.base-url takes it. */
    public String newApiBaseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port() + PATH;
    }

    public WireMockServer server() {
        return server;
    }

    public static String fixture(String resource) {
        try (InputStream in = PlacesStandIn.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
