package io.proxyherd.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A local stand-in for Google's legacy Nearby Search, answering with a real response's format. */
public final class PlacesStandIn implements AutoCloseable {

    public static final String PATH = "/maps/api/place/nearbysearch/json";
    public static final String KEY = "test-places-key";

    private final WireMockServer server;

    public PlacesStandIn(int port) {
        server = new WireMockServer(options().port(port).bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(get(urlPathEqualTo(PATH))
                .withQueryParam("key", equalTo(KEY))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json; charset=UTF-8")
                        .withBody(fixture("standin/nearby-ucla.json"))));
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
