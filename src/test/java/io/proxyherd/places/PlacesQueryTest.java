package io.proxyherd.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxyherd.protocol.Position;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A search is valid once made, so no provider checks it again: what the providers used to refuse one by one (a radius
 * that is not a number, or not positive, a negative count, a point off the globe) cannot be asked.
 */
class PlacesQueryTest {

    @Test
    void takesTheClientsPositionExactly() {
        PlacesQuery query = PlacesQuery.around(new Position("+34.068930-118.445127"), new BigDecimal("10000"), 5);

        assertThat(query.latitude()).isEqualByComparingTo("34.06893");
        assertThat(query.longitude()).isEqualByComparingTo("-118.445127");
        assertThat(query.plainLatitude()).isEqualTo("34.06893");
        assertThat(query.plainLongitude()).isEqualTo("-118.445127");
    }

    @Test
    void printsNumbersWithoutExponents() {
        PlacesQuery query =
                new PlacesQuery(new BigDecimal("0.00001"), new BigDecimal("-120.0"), new BigDecimal("1E+4"), 5);

        assertThat(query.plainLatitude()).isEqualTo("0.00001");
        assertThat(query.plainLongitude()).isEqualTo("-120");
        assertThat(query.plainRadius()).isEqualTo("10000");
    }

    @ParameterizedTest
    @CsvSource({
        "91, 0, 100, 5, not a position",
        "0, -180.5, 100, 5, not a position",
        "0, 0, 0, 5, radius must be more than zero",
        "0, 0, -5, 5, radius must be more than zero",
        "0, 0, 100, -1, must not be negative"
    })
    void refusesWhatNoProviderCouldSend(String latitude, String longitude, String radius, int max, String why) {
        assertThatThrownBy(() -> new PlacesQuery(
                        new BigDecimal(latitude), new BigDecimal(longitude), new BigDecimal(radius), max))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(why);
    }
}
