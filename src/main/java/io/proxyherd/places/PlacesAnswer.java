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
import java.util.Objects;
import java.util.Optional;

/**
 * What a search answers: Google's JSON object, its status read once when the answer was made, and what went wrong
 * when it is an error. Decorators read the status; the JSON is printed once, at the protocol's boundary.
 *
 * @param json the answer in Google's shape (the Places API (New) answers success in its own)
 * @param status Google's status; OK for an answer of the Places API (New), which has none
 * @param problem for an error, what went wrong, to log
 */
public record PlacesAnswer(JsonObject json, String status, Optional<String> problem) {

    public PlacesAnswer {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(problem, "problem");
    }

    /** A successful answer: {@code json}'s own status, or OK if it has none. */
    static PlacesAnswer success(JsonObject json) {
        String status = json.get("status") instanceof JsonString text ? text.getString() : PlacesStatus.OK;
        return new PlacesAnswer(json, status, Optional.empty());
    }

    /** A Google-shaped error; {@code message} must already be free of the key. */
    static PlacesAnswer error(String status, String message) {
        JsonObject error = JSON.createObjectBuilder()
                .add("html_attributions", JsonValue.EMPTY_JSON_ARRAY)
                .add("results", JsonValue.EMPTY_JSON_ARRAY)
                .add("status", status)
                .add("error_message", message)
                .build();
        return new PlacesAnswer(error, status, Optional.of(status + ": " + message));
    }

    /** OK or ZERO_RESULTS: an answer worth keeping. */
    public boolean isSuccess() {
        return PlacesStatus.SUCCESS.contains(status);
    }

    /** A failure that may pass: worth asking again. */
    public boolean isTransient() {
        return PlacesStatus.TRANSIENT.contains(status);
    }

    /** The JSON as Google prints it, without a trailing newline. */
    public String text() {
        return GoogleJsonFormat.print(json);
    }

    /** Translates what Google's legacy endpoint sent: its body, trimmed to {@code maxResults}, or a Google-shaped error. */
    static PlacesAnswer fromGoogle(int httpStatus, String body, int maxResults, KeyRedaction redaction) {
        boolean success = httpStatus >= 200 && httpStatus < 300;
        String unusable = success ? "Places returned malformed JSON" : "Places answered HTTP " + httpStatus;
        Optional<JsonObject> parsed = parseObject(body);
        if (parsed.isEmpty()) {
            return error(PlacesStatus.UNKNOWN_ERROR, unusable);
        }
        JsonObject answer = parsed.get();
        Optional<String> status = string(answer, "status");
        if (status.isEmpty()) {
            return error(PlacesStatus.UNKNOWN_ERROR, unusable);
        }
        if (PlacesStatus.SUCCESS.contains(status.get())) {
            if (!success || !(answer.get("results") instanceof JsonArray results)) {
                return error(PlacesStatus.UNKNOWN_ERROR, unusable);
            }
            return new PlacesAnswer(trimmed(answer, "results", results, maxResults), status.get(), Optional.empty());
        }
        String message = string(answer, "error_message")
                .orElse("Places answered status " + status.get() + (success ? "" : " (HTTP " + httpStatus + ")"));
        return error(status.get(), redaction.apply(message));
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

    /** {@code answer} with at most {@code maxResults} entries in its array {@code member}, kept in Google's order. */
    static JsonObject trimmed(JsonObject answer, String member, JsonArray entries, int maxResults) {
        if (entries.size() <= maxResults) {
            return answer;
        }
        JsonArrayBuilder kept = JSON.createArrayBuilder();
        entries.stream().limit(maxResults).forEach(kept::add);
        // Building from the original keeps Google's member order; the array stays in place.
        return JSON.createObjectBuilder(answer).add(member, kept).build();
    }
}
