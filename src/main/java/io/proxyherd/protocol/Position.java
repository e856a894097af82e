package io.proxyherd.protocol;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A location in ISO 6709 decimal degrees, e.g. {@code +34.068930-118.445127}: a signed latitude within ±90
 * then a signed longitude within ±180, kept as the text the client wrote.
 */
public record Position(String text) {

    private static final String MAX_LATITUDE = "90";
    private static final String MAX_LONGITUDE = "180";

    public Position {
        if (longitudeStart(text) < 0) {
            throw new IllegalArgumentException("not an ISO 6709 position: " + text);
        }
    }

    /** Parses signed latitude then signed longitude, each within its inclusive range; text is kept verbatim. */
    public static Optional<Position> parse(String iso6709) {
        return longitudeStart(iso6709) < 0 ? Optional.empty() : Optional.of(new Position(iso6709));
    }

    public BigDecimal latitude() {
        return new BigDecimal(text.substring(0, longitudeStart(text)));
    }

    public BigDecimal longitude() {
        return new BigDecimal(text.substring(longitudeStart(text)));
    }

    /** Where the longitude's sign is, or -1 if {@code text} is not a position within range. */
    private static int longitudeStart(String text) {
        if (text == null) {
            return -1;
        }
        int latitudeEnd = coordinateEnd(text, 0, MAX_LATITUDE);
        if (latitudeEnd < 0) {
            return -1;
        }
        return coordinateEnd(text, latitudeEnd, MAX_LONGITUDE) == text.length() ? latitudeEnd : -1;
    }

    /** The end of a signed decimal at {@code from} whose magnitude is at most {@code max}, or -1. */
    private static int coordinateEnd(String text, int from, String max) {
        if (from >= text.length() || (text.charAt(from) != '+' && text.charAt(from) != '-')) {
            return -1;
        }
        int end = Decimals.unsignedEnd(text, from + 1, Integer.MAX_VALUE);
        return end >= 0 && Decimals.compare(text, from + 1, end, max, 0, max.length()) <= 0 ? end : -1;
    }
}
