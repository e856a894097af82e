package io.proxyherd.places;

import static io.proxyherd.json.SharedJson.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;
import java.util.Set;

/** The JSON text a caller gets, and what went wrong when it is an error. */
record PlacesReply(String json, Optional<String> problem) {

    static final String UNKNOWN_ERROR = "UNKNOWN_ERROR";
    static final String REQUEST_DENIED = "REQUEST_DENIED";
    static final String INVALID_REQUEST = "INVALID_REQUEST";

    // ZERO_RESULTS is an answer, not a failure: Google found nothing there.
    private static final Set<String> ANSWERS = Set.of("OK", "ZERO_RESULTS");

    /** Translates what Google sent: its body, trimmed to {@code maxResults}, or a Google-shaped error. */
    static PlacesReply fromGoogle(int httpStatus, String body, int maxResults, KeyRedaction redaction) {
        boolean success = httpStatus >= 200 && httpStatus < 300;
        String unusable = success ? "Places returned malformed JSON" : "Places answered HTTP " + httpStatus;
        Optional<JsonObject> parsed = parseObject(body);
        if (parsed.isEmpty()) {
            return error(UNKNOWN_ERROR, unusable);
        }
        JsonObject answer = parsed.get();
        Optional<String> status = string(answer, "status");
        if (status.isEmpty()) {
            return error(UNKNOWN_ERROR, unusable);
        }
        if (ANSWERS.contains(status.get())) {
            if (!success || !(answer.get("results") instanceof JsonArray results)) {
                return error(UNKNOWN_ERROR, unusable);
            }
            return new PlacesReply(GoogleJsonFormat.print(trimmed(answer, results, maxResults)), Optional.empty());
        }
        String message = string(answer, "error_message")
                .orElse("Places answered status " + status.get() + (success ? "" : " (HTTP " + httpStatus + ")"));
        return error(status.get(), redaction.apply(message));
    }

    /** A Google-shaped error; {@code message} must already be free of the key. */
    static PlacesReply error(String status, String message) {
        JsonObject error = JSON.createObjectBuilder()
                .add("html_attributions", JsonValue.EMPTY_JSON_ARRAY)
                .add("results", JsonValue.EMPTY_JSON_ARRAY)
                .add("status", status)
                .add("error_message", message)
                .build();
        return new PlacesReply(GoogleJsonFormat.print(error), Optional.of(status + ": " + message));
    }

    /** The body as a JSON object, if it is one. */
    static Optional<JsonObject> parseObject(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            return reader.readValue() instanceof JsonObject object ? Optional.of(object) : Optional.empty();
        } catch (JsonException malformed) {
            return Optional.empty();
        }
    }

    private static Optional<String> string(JsonObject object, String name) {
        return object.get(name) instanceof JsonString value ? Optional.of(value.getString()) : Optional.empty();
    }

    private static JsonObject trimmed(JsonObject answer, JsonArray results, int maxResults) {
        if (results.size() <= maxResults) {
            return answer;
        }
        JsonArrayBuilder kept = JSON.createArrayBuilder();
        results.stream().limit(maxResults).forEach(kept::add);
        // Building from the original keeps Google's member order; "results" stays in place.
        return JSON.createObjectBuilder(answer).add("results", kept).build();
    }
}
