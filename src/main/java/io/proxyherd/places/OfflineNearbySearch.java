package io.proxyherd.places;

import static io.proxyherd.json.SharedJson.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Nearby Search over a small data set shipped with the application, for nodes without a Places key. */
public final class OfflineNearbySearch implements NearbySearch {

    /** The data set on the class path. */
    public static final String SHIPPED = "/places/offline-places.json";

    static final String ATTRIBUTION = "Offline sample places shipped with Proxy Herd, not Google Places";

    // The mean Earth radius (IUGG), in metres.
    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

    private final List<Place> places;

    /** One point of interest in the data set. */
    record Place(String slug, String name, double latitude, double longitude, String vicinity, List<String> types) {}

    private record Distanced(Place place, double metres) {}

    public OfflineNearbySearch() {
        this(SHIPPED);
    }

    /** Reads {@code {"places": [{"slug", "name", "lat", "lng", "vicinity", "types": []}]}} from the class path. */
    public OfflineNearbySearch(String resource) {
        this.places = load(resource);
    }

    @Override
    public CompletionStage<PlacesAnswer> search(PlacesQuery query) {
        double latitude = query.latitude().doubleValue();
        double longitude = query.longitude().doubleValue();
        double radius = query.radiusMetres().doubleValue();
        List<Distanced> near = places.stream()
                .map(place -> new Distanced(place, metres(latitude, longitude, place.latitude(), place.longitude())))
                .filter(candidate -> candidate.metres() <= radius)
                .sorted(Comparator.comparingDouble(Distanced::metres))
                .limit(query.maxResults())
                .toList();
        JsonArrayBuilder results = JSON.createArrayBuilder();
        near.forEach(candidate -> results.add(result(candidate.place())));
        JsonObject answer = JSON.createObjectBuilder()
                .add("html_attributions", JSON.createArrayBuilder().add(ATTRIBUTION))
                .add("results", results)
                .add("status", near.isEmpty() ? PlacesStatus.ZERO_RESULTS : PlacesStatus.OK)
                .build();
        return CompletableFuture.completedFuture(PlacesAnswer.success(answer));
    }

    /** Great-circle distance by the haversine formula. */
    static double metres(double fromLatitude, double fromLongitude, double toLatitude, double toLongitude) {
        double phi1 = Math.toRadians(fromLatitude);
        double phi2 = Math.toRadians(toLatitude);
        double halfDeltaPhi = Math.toRadians(toLatitude - fromLatitude) / 2;
        double halfDeltaLambda = Math.toRadians(toLongitude - fromLongitude) / 2;
        double h = Math.sin(halfDeltaPhi) * Math.sin(halfDeltaPhi)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(halfDeltaLambda) * Math.sin(halfDeltaLambda);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    int size() {
        return places.size();
    }

    private static JsonObject result(Place place) {
        JsonArrayBuilder types = JSON.createArrayBuilder();
        place.types().forEach(types::add);
        return JSON.createObjectBuilder()
                .add(
                        "geometry",
                        JSON.createObjectBuilder()
                                .add(
                                        "location",
                                        JSON.createObjectBuilder()
                                                .add("lat", place.latitude())
                                                .add("lng", place.longitude())))
                .add("name", place.name())
                .add("place_id", "offline:" + place.slug())
                .add("types", types)
                .add("vicinity", place.vicinity())
                .build();
    }

    private static List<Place> load(String resource) {
        try (InputStream in = OfflineNearbySearch.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no offline places at " + resource);
            }
            try (JsonReader reader = JSON.createReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.readObject().getJsonArray("places").getValuesAs(JsonObject.class).stream()
                        .map(place -> new Place(
                                place.getString("slug"),
                                place.getString("name"),
                                place.getJsonNumber("lat").doubleValue(),
                                place.getJsonNumber("lng").doubleValue(),
                                place.getString("vicinity"),
                                place.getJsonArray("types").getValuesAs(JsonString.class).stream()
                                        .map(JsonString::getString)
                                        .toList()))
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read offline places at " + resource, e);
        }
    }
}
