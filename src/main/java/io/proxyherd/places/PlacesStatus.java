package io.proxyherd.places;

import static io.proxyherd.json.SharedJson.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.Set;

/** Reads the status of an answer a {@link NearbySearch} gave, to decide whether to retry or cache it. */
final class PlacesStatus {

    static final String OVER_QUERY_LIMIT = "OVER_QUERY_LIMIT";

    // Providers turn HTTP 5xx, 429, timeouts and I/O errors into UNKNOWN_ERROR or OVER_QUERY_LIMIT.
    private static final Set<String> TRANSIENT = Set.of(PlacesReply.UNKNOWN_ERROR, OVER_QUERY_LIMIT);
    private static final Set<String> SUCCESS = Set.of("OK", "ZERO_RESULTS");

    private PlacesStatus() {}

    /**
     * The {@code status} member; OK for an object without one, as the Places API (New) answers success
     * (its errors reach here already in the legacy shape); UNKNOWN_ERROR for anything else.
     */
    static String of(String json) {
        if (json == null) {
            return PlacesReply.UNKNOWN_ERROR;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            if (!(reader.readValue() instanceof JsonObject answer)) {
                return PlacesReply.UNKNOWN_ERROR;
            }
            if (answer.get("status") instanceof JsonString status) {
                return status.getString();
            }
            return answer.containsKey("status") || answer.containsKey("error") ? PlacesReply.UNKNOWN_ERROR : "OK";
        } catch (JsonException malformed) {
            return PlacesReply.UNKNOWN_ERROR;
        }
    }

    static boolean isTransient(String json) {
        return TRANSIENT.contains(of(json));
    }

    static boolean isSuccess(String json) {
        return SUCCESS.contains(of(json));
    }
}
