package io.proxyherd.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PositionTest {

    @ParameterizedTest(name = "{0} is latitude {1}, longitude {2}")
    @CsvSource({
        "+34.068930-118.445127, 34.068930, -118.445127",
        "+34-118,               34,        -118",
        "+34.5-118.25,          34.5,      -118.25",
        "-33.8688+151.2093,     -33.8688,  151.2093",
        "+90+180,               90,        180",
        "-90-180,               -90,       -180",
        "+90.000-180.0000,      90,        -180",
        "+0+0,                  0,         0",
        "-0.0-0,                0,         0",
        "+034.0-0118,           34,        -118",
    })
    void parsesValidPositions(String text, BigDecimal latitude, BigDecimal longitude) {
        Position position = Position.parse(text).orElseThrow();

        assertThat(position.latitude()).isEqualByComparingTo(latitude);
        assertThat(position.longitude()).isEqualByComparingTo(longitude);
        assertThat(position.text()).isEqualTo(text);
    }

    @Test
    void keepsEveryDigitExactly() {
        Position position = Position.parse("+34.068930000000000001-118.445127").orElseThrow();

        assertThat(position.latitude()).isEqualTo(new BigDecimal("34.068930000000000001"));
        assertThat(position.text()).isEqualTo("+34.068930000000000001-118.445127");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(
            strings = {
                "34.1-118", // latitude without sign
                "+34.1118", // longitude without sign
                "+34.1", // latitude only
                "+34.1-118.2+3", // a third coordinate
                "+91.0+0.0", // latitude beyond 90
                "-90.0000001+0", // latitude just beyond -90
                "+0+180.0001", // longitude beyond 180
                "+0-181", // longitude beyond -180
                "+.5+1", // fraction without integer digits
                "+1.+2", // point without fraction digits
                "+1+.2",
                "+1-2.",
                "++1+2",
                "+1e1+2",
                "+1,5+2",
                "+1 +2",
                "+1+2 ",
                "+\u0661+2", // Arabic-Indic digit one
                "+",
                "",
            })
    void rejectsMalformedOrOutOfRange(String text) {
        assertThat(Position.parse(text)).isEmpty();
    }

    @Test
    void rejectsNull() {
        assertThat(Position.parse(null)).isEmpty();
    }

    @Test
    void equalTextsGiveEqualPositions() {
        assertThat(new Position("+34.5-118"))
                .isEqualTo(Position.parse("+34.5-118").orElseThrow());
        assertThat(new Position("+34.5-118")).isNotEqualTo(new Position("+34.50-118"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"+91+0", "+34.1-118.2+3", "+34-118 ", "+1.+2"})
    void constructorRejectsInvalidText(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Position(text));
    }
}
