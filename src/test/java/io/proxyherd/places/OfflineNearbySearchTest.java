package io.proxyherd.places;

import static io.proxyherd.places.Queries.query;
import static io.proxyherd.places.ResilienceTest.complete;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OfflineNearbySearchTest {

    // Places due east, north, west and south of 0,0 at just under 500, 1000, 2000 and 3000 m.
    private final OfflineNearbySearch places = new OfflineNearbySearch("/places/offline-test-places.json");

    @Test
    void answersNearestFirstWithinTheRadius() {
        JsonObject json = search(0.0, 0.0, "2500", 10);

        assertThat(json.getString("status")).isEqualTo("OK");
        assertThat(names(json)).containsExactly("Origin", "East 500 m", "North 1000 m", "West 2000 m");
    }

    @Test
    void ordersByGreatCircleDistanceFromTheQueryPoint() {
        // From 2224 m south of Origin: South 776 m, Origin 2224 m, East 2279 m, West 2991 m, North 3224 m.
        JsonObject json = search(-0.02, 0.0, "5000", 10);

        assertThat(names(json)).containsExactly("South 3000 m", "Origin", "East 500 m", "West 2000 m", "North 1000 m");
        List<Double> distances = json.getJsonArray("results").getValuesAs(JsonObject.class).stream()
                .map(place -> place.getJsonObject("geometry").getJsonObject("location"))
                .map(location -> OfflineNearbySearch.metres(
                        -0.02,
                        0.0,
                        location.getJsonNumber("lat").doubleValue(),
                        location.getJsonNumber("lng").doubleValue()))
                .toList();
        assertThat(distances).isSorted();
    }

    @Test
    void keepsAtMostTheMaximum() {
        assertThat(names(search(0.0, 0.0, "5000", 2))).containsExactly("Origin", "East 500 m");
        assertThat(search(0.0, 0.0, "5000", 0).getJsonArray("results")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"1000, 3", "999.99, 2", "499.9, 1"})
    void leavesOutAPlaceJustOutsideTheRadius(String radius, int expected) {
        assertThat(names(search(0.0, 0.0, radius, 10))).hasSize(expected);
    }

    @Test
    void answersZeroResultsFarFromEveryPlace() {
        JsonObject json = search(45.0, 90.0, "50000", 10);

        assertThat(json.getString("status")).isEqualTo("ZERO_RESULTS");
        assertThat(json.getJsonArray("results")).isEmpty();
        assertThat(json.getJsonArray("html_attributions").getString(0)).isEqualTo(OfflineNearbySearch.ATTRIBUTION);
    }

    @Test
    void answersInTheLegacyShapeWithTheOfflineAttribution() {
        String text = complete(places.search(query(0.0, 0.0, "600", 5)));

        assertThat(text).isEqualTo("""
                {
                   "html_attributions" : [
                      "Offline sample places shipped with Proxy Herd, not Google Places"
                   ],
                   "results" : [
                      {
                         "geometry" : {
                            "location" : {
                               "lat" : 0.0,
                               "lng" : 0.0
                            }
                         },
                         "name" : "Origin",
                         "place_id" : "offline:origin",
                         "types" : [
                            "point_of_interest"
                         ],
                         "vicinity" : "Null Island"
                      },
                      {
                         "geometry" : {
                            "location" : {
                               "lat" : 0.0,
                               "lng" : 0.0044966
                            }
                         },
                         "name" : "East 500 m",
                         "place_id" : "offline:east-500",
                         "types" : [
                            "point_of_interest"
                         ],
                         "vicinity" : "Null Island"
                      }
                   ],
                   "status" : "OK"
                }""");
    }

    @Test
    void measuresKnownGreatCircleDistances() {
        // One degree of latitude on the mean-radius sphere, and Royce Hall to Powell Library across the quad.
        assertThat(OfflineNearbySearch.metres(0, 0, 1, 0)).isCloseTo(111_195.1, within(0.5));
        assertThat(OfflineNearbySearch.metres(34.0729, -118.4422, 34.0716, -118.4422))
                .isCloseTo(144.6, within(0.5));
        assertThat(OfflineNearbySearch.metres(0, 179.99, 0, -179.99)).isCloseTo(2_223.9, within(0.5));
    }

    @Test
    void shipsAtLeast220PlacesFindableAroundUcla() {
        OfflineNearbySearch shipped = new OfflineNearbySearch();

        assertThat(shipped.size()).isGreaterThanOrEqualTo(220);
        JsonObject json = PlacesFixtures.parse(complete(shipped.search(query(34.06893, -118.445127, "1000", 20))));
        assertThat(json.getString("status")).isEqualTo("OK");
        assertThat(names(json)).contains("Royce Hall", "Pauley Pavilion", "Powell Library");
        assertThat(json.getJsonArray("results").getValuesAs(JsonObject.class))
                .allSatisfy(place -> assertThat(place.getString("place_id")).startsWith("offline:"));
    }

    @Test
    void givesEveryShippedPlaceItsOwnPlaceId() {
        OfflineNearbySearch shipped = new OfflineNearbySearch();
        // Half the Earth's circumference reaches every place from anywhere.
        JsonObject json = PlacesFixtures.parse(
                complete(shipped.search(query(34.06893, -118.445127, "20100000", shipped.size()))));

        List<String> ids = json.getJsonArray("results").getValuesAs(JsonObject.class).stream()
                .map(place -> place.getString("place_id"))
                .toList();
        assertThat(ids).hasSize(shipped.size()).doesNotHaveDuplicates();
    }

    private JsonObject search(double latitude, double longitude, String radius, int max) {
        return PlacesFixtures.parse(complete(places.search(query(latitude, longitude, radius, max))));
    }

    private static List<String> names(JsonObject json) {
        return json.getJsonArray("results").getValuesAs(JsonObject.class).stream()
                .map(place -> place.getString("name"))
                .toList();
    }
}
