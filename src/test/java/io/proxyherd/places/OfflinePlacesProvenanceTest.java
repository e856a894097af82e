package io.proxyherd.places;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped offline places against their record in docs/offline-places-sources.tsv (read from the project
 * root, where Maven runs the tests): one row per place, a source for each, and the shipped position within
 * the row's tolerance of the source's wherever the row says the place was kept, corrected or added.
 */
class OfflinePlacesProvenanceTest {

    private static final Path RECORD = Path.of("docs", "offline-places-sources.tsv");
    private static final List<String> COLUMNS = List.of(
            "kind",
            "slug",
            "name",
            "lat",
            "lng",
            "vicinity",
            "types",
            "source",
            "distance_m",
            "action",
            "tolerance_m",
            "note");
    private static final Set<String> CHECKED = Set.of("kept", "corrected", "added");

    private static List<JsonObject> shipped;
    private static List<Map<String, String>> rows;

    @BeforeAll
    static void read() throws IOException {
        shipped = PlacesFixtures.parse(PlacesFixtures.read("offline-places.json"))
                .getJsonArray("places")
                .getValuesAs(JsonObject.class);
        List<String> lines = Files.readAllLines(RECORD, StandardCharsets.UTF_8);
        assertThat(lines.get(0).split("\t", -1)).as("header of " + RECORD).containsExactlyElementsOf(COLUMNS);
        rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            assertThat(cells).as(line).hasSize(COLUMNS.size());
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < cells.length; i++) {
                row.put(COLUMNS.get(i), cells[i]);
            }
            rows.add(row);
        }
    }

    @Test
    void recordsEveryShippedPlaceOnceWithASource() {
        List<String> recorded = rows.stream().map(row -> row.get("slug")).toList();
        assertThat(recorded).doesNotHaveDuplicates();

        for (JsonObject place : shipped) {
            String slug = place.getString("slug");
            assertThat(recorded).as("a row for " + slug).contains(slug);
            Map<String, String> row = row(slug);
            assertThat(row.get("source")).as("source of " + slug).isNotBlank();
            assertThat(row.get("action"))
                    .as("action for shipped " + slug)
                    .isIn("kept", "corrected", "added", "unverified");
        }
    }

    @Test
    void shipsNoPlaceTheRecordRemoved() {
        Set<String> removed = Set.copyOf(rows.stream()
                .filter(row -> row.get("action").equals("removed"))
                .map(row -> row.get("slug"))
                .toList());

        assertThat(shipped).extracting(place -> place.getString("slug")).doesNotContainAnyElementsOf(removed);
    }

    @Test
    void shipsCheckedPlacesWithinTheirToleranceOfTheSource() {
        Map<String, JsonObject> bySlug = new HashMap<>();
        shipped.forEach(place -> bySlug.put(place.getString("slug"), place));
        List<Map<String, String>> checked =
                rows.stream().filter(row -> CHECKED.contains(row.get("action"))).toList();
        assertThat(checked).as("rows checked against a source").hasSizeGreaterThan(200);

        for (Map<String, String> row : checked) {
            JsonObject place = bySlug.get(row.get("slug"));
            assertThat(place).as("shipped " + row.get("slug")).isNotNull();
            double metres = OfflineNearbySearch.metres(
                    place.getJsonNumber("lat").doubleValue(),
                            place.getJsonNumber("lng").doubleValue(),
                    Double.parseDouble(row.get("lat")), Double.parseDouble(row.get("lng")));
            double tolerance = Double.parseDouble(row.get("tolerance_m"));
            assertThat(tolerance).as("tolerance of " + row.get("slug")).isBetween(100.0, 400.0);
            assertThat(metres)
                    .as(row.get("slug") + " to its source " + row.get("source"))
                    .isLessThanOrEqualTo(tolerance);
        }
    }

    private static Map<String, String> row(String slug) {
        return rows.stream()
                .filter(row -> row.get("slug").equals(slug))
                .findFirst()
                .orElseThrow();
    }
}
