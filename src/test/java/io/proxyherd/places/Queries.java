package io.proxyherd.places;

import java.math.BigDecimal;

/** Searches as the tests write them: the point in degrees, the radius as WHATSAT gives it in metres. */
final class Queries {

    private Queries() {}

    static PlacesQuery query(double latitude, double longitude, String radiusMetres, int maxResults) {
        return new PlacesQuery(
                BigDecimal.valueOf(latitude), BigDecimal.valueOf(longitude), new BigDecimal(radiusMetres), maxResults);
    }
}
