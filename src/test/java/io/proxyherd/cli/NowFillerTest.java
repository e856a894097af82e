package io.proxyherd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NowFillerTest {

    private static final Instant NOW = Instant.ofEpochSecond(1520023934, 918963997);

    @Test
    void nowAsAnIamatsTimeBecomesTheTimeWithNineFractionDigits() {
        assertThat(NowFiller.fill("IAMAT kiwi +34.068930-118.445127 now", NOW))
                .isEqualTo("IAMAT kiwi +34.068930-118.445127 1520023934.918963997");
    }

    @Test
    void aWholeSecondStillHasNineFractionDigits() {
        assertThat(NowFiller.fill("IAMAT kiwi +34.068930-118.445127 now", Instant.ofEpochSecond(1700000000, 5)))
                .isEqualTo("IAMAT kiwi +34.068930-118.445127 1700000000.000000005");
    }

    @Test
    void theLinesOwnWhitespaceIsKept() {
        assertThat(NowFiller.fill("  IAMAT\tkiwi  +34.068930-118.445127 \t now  ", NOW))
                .isEqualTo("  IAMAT\tkiwi  +34.068930-118.445127 \t 1520023934.918963997  ");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "IAMAT kiwi +34.068930-118.445127 1520023934.918963997",
                "IAMAT now +34.068930-118.445127 1520023934.918963997",
                "IAMAT kiwi now 1520023934.918963997",
                "IAMAT kiwi +34.068930-118.445127 now extra",
                "IAMAT kiwi now",
                "iamat kiwi +34.068930-118.445127 now",
                "WHATSAT now 10 5",
                "WHATSAT kiwi 10 now",
                "now",
                "IAMAT kiwi +34.068930-118.445127 nowadays",
                ""
            })
    void otherLinesAreUntouched(String line) {
        assertThat(NowFiller.fill(line, NOW)).isEqualTo(line);
    }
}
