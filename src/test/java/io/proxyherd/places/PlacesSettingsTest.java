package io.proxyherd.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlacesSettingsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void treatsABlankKeyAsNoKey() {
        assertThat(new PlacesSettings("http://places", Optional.of("  "), TIMEOUT, TIMEOUT).apiKey())
                .isEmpty();
        assertThat(new PlacesSettings("http://places", Optional.of(" k1 "), TIMEOUT, TIMEOUT).apiKey())
                .contains("k1");
    }

    @Test
    void printsWithoutTheKey() {
        PlacesSettings settings = new PlacesSettings("http://places", Optional.of("AIzaSecret"), TIMEOUT, TIMEOUT);

        assertThat(settings.toString()).doesNotContain("AIzaSecret").contains("apiKey=REDACTED");
    }

    @Test
    void refusesTimeoutsThatAreNotPositive() {
        assertThatThrownBy(() -> new PlacesSettings("http://places", Optional.empty(), Duration.ZERO, TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> new PlacesSettings("http://places", Optional.empty(), TIMEOUT, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("readTimeout");
    }
}
