package io.proxyherd.places;

import io.proxyherd.protocol.Position;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A search as WHATSAT asks it: the point exactly as the client reported it, the radius in metres and how many
 * results to keep at most. Valid by construction, so no provider checks it again.
 *
 * @param latitude degrees, within ±90
 * @param longitude degrees, within ±180
 * @param radiusMetres more than zero
 * @param maxResults zero or more
 */
public record PlacesQuery(BigDecimal latitude, BigDecimal longitude, BigDecimal radiusMetres, int maxResults) {

    private static final BigDecimal MAX_LATITUDE = BigDecimal.valueOf(90);
    private static final BigDecimal MAX_LONGITUDE = BigDecimal.valueOf(180);

    public PlacesQuery {
        Objects.requireNonNull(latitude, "latitude");
        Objects.requireNonNull(longitude, "longitude");
        Objects.requireNonNull(radiusMetres, "radiusMetres");
        if (latitude.abs().compareTo(MAX_LATITUDE) > 0 || longitude.abs().compareTo(MAX_LONGITUDE) > 0) {
            throw new IllegalArgumentException("not a position: " + latitude + "," + longitude);
        }
        if (radiusMetres.signum() <= 0) {
            throw new IllegalArgumentException("the radius must be more than zero, was " + radiusMetres);
        }
        if (maxResults < 0) {
            throw new IllegalArgumentException("maximum number of results must not be negative, was " + maxResults);
        }
    }

    /** Around a client's reported position. */
    public static PlacesQuery around(Position position, BigDecimal radiusMetres, int maxResults) {
        return new PlacesQuery(position.latitude(), position.longitude(), radiusMetres, maxResults);
    }

    /** The latitude in plain decimal notation (Google does not read exponents such as {@code 1E-5}). */
    String plainLatitude() {
        return latitude.stripTrailingZeros().toPlainString();
    }

    String plainLongitude() {
        return longitude.stripTrailingZeros().toPlainString();
    }

    String plainRadius() {
        return radiusMetres.stripTrailingZeros().toPlainString();
    }
}
