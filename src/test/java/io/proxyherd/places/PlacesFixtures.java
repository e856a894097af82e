package io.proxyherd.places;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Google response bodies kept under src/test/resources/places, and what the HTTP providers run on. */
final class PlacesFixtures {

    private PlacesFixtures() {}

    static String read(String name) {
        try (InputStream in = PlacesFixtures.class.getResourceAsStream("/places/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture places/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A few threads for an HTTP provider's calls; the provider shuts them down when closed. */
    static ExecutorService callThreads() {
        return PlacesConfiguration.callThreads(8, Executors.defaultThreadFactory());
    }

    static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
