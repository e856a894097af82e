package io.proxyherd.protocol;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A location in ISO 6709 decimal degrees, e.g. {@code +34.068930-118.445127}, keeping the text as written. */
public record Position(BigDecimal latitude, BigDecimal longitude, String text) {

    private static final BigDecimal MAX_LATITUDE = BigDecimal.valueOf(90);
    private static final BigDecimal MAX_LONGITUDE = BigDecimal.valueOf(180);
    private static final Pattern ISO_6709 =
            Pattern.compile("([+-][0-9]+(?:\\.[0-9]+)?)([+-][0-9]+(?:\\.[0-9]+)?)");

    /** Requires {@code text} to be a valid position denoting exactly {@code latitude} and {@code longitude}. */
    public Position {
        Objects.requireNonNull(latitude, "latitude");
        Objects.requireNonNull(longitude, "longitude");
        Matcher matcher = validMatch(text)
                .orElseThrow(() -> new IllegalArgumentException("not an ISO 6709 position: " + text));
        BigDecimal parsedLatitude = new BigDecimal(matcher.group(1));
        BigDecimal parsedLongitude = new BigDecimal(matcher.group(2));
        if (parsedLatitude.compareTo(latitude) != 0 || parsedLongitude.compareTo(longitude) != 0) {
            throw new IllegalArgumentException("coordinates do not match text " + text);
        }
        // Keep the values as written in the text so that equal texts give equal records, whatever the caller's scale.
        latitude = parsedLatitude;
        longitude = parsedLongitude;
    }

    /** Parses signed latitude then signed longitude, each within its inclusive range; text is kept verbatim. */
    public static Optional<Position> parse(String iso6709) {
        return validMatch(iso6709).map(matcher -> new Position(
                new BigDecimal(matcher.group(1)), new BigDecimal(matcher.group(2)), iso6709));
    }

    private static Optional<Matcher> validMatch(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = ISO_6709.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        boolean inRange = new BigDecimal(matcher.group(1)).abs().compareTo(MAX_LATITUDE) <= 0
                && new BigDecimal(matcher.group(2)).abs().compareTo(MAX_LONGITUDE) <= 0;
        return inRange ? Optional.of(matcher) : Optional.empty();
    }
}
