package io.proxyherd.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTest {

    private static final String IAMAT = "IAMAT kiwi.cs.ucla.edu +34.068930-118.445127 1520023934.918963997";

    @Test
    void parsesIamat() {
        assertThat(Request.parse(IAMAT))
                .isEqualTo(new IAmAt(
                        "kiwi.cs.ucla.edu",
                        Position.parse("+34.068930-118.445127").orElseThrow(),
                        ClientTime.parse("1520023934.918963997").orElseThrow()));
    }

    @Test
    void iamatKeepsFieldTextsAsWritten() {
        IAmAt iamat = (IAmAt) Request.parse("IAMAT kiwi +034.50-118.250 1520023934.500");

        assertThat(iamat.position().text()).isEqualTo("+034.50-118.250");
        assertThat(iamat.time().text()).isEqualTo("1520023934.500");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(
            strings = {
                "IAMAT kiwi +34-118 1520023934",
                "IAMAT kiwi +90+180 1520023934.5",
                "IAMAT kiwi -90-180 0.000000001",
                "IAMAT ?!é/\u00A0x +0+0 0",
                "IAMAT IAMAT +0+0 0",
                "IAMAT AT +0+0 0",
            })
    void acceptsValidIamatVariants(String line) {
        assertThat(Request.parse(line)).isInstanceOf(IAmAt.class);
    }

    static Stream<Arguments> separatedByEachWhitespaceKind() {
        return Stream.of(" ", "\t", "\r", "\n", "\f", "\u000B", " \t\u000B\f ").map(Arguments::of);
    }

    @ParameterizedTest(name = "[{index}] separator {0}")
    @MethodSource("separatedByEachWhitespaceKind")
    void anyWhitespaceRunSeparatesFieldsAndSurroundsTheLine(String ws) {
        String line = ws + "IAMAT" + ws + "kiwi.cs.ucla.edu" + ws + "+34.068930-118.445127" + ws
                + "1520023934.918963997" + ws;

        assertThat(Request.parse(line)).isEqualTo(Request.parse(IAMAT));
    }

    @ParameterizedTest(name = "[{index}] separator {0}")
    @MethodSource("separatedByEachWhitespaceKind")
    void whatsatAcceptsAnyWhitespace(String ws) {
        assertThat(Request.parse(ws + "WHATSAT" + ws + "kiwi" + ws + "10" + ws + "5" + ws))
                .isEqualTo(new WhatsAt("kiwi", new BigDecimal("10"), 5));
    }

    @Test
    void parsesWhatsat() {
        assertThat(Request.parse("WHATSAT kiwi.cs.ucla.edu 10 5"))
                .isEqualTo(new WhatsAt("kiwi.cs.ucla.edu", new BigDecimal("10"), 5));
    }

    @ParameterizedTest(name = "radius {0}, max {1}")
    @MethodSource
    void acceptsWhatsatBounds(String radius, int maxResults) {
        WhatsAt whatsAt = (WhatsAt) Request.parse("WHATSAT kiwi " + radius + " " + maxResults);

        assertThat(whatsAt.radiusKm()).isEqualByComparingTo(radius);
        assertThat(whatsAt.maxResults()).isEqualTo(maxResults);
    }

    static Stream<Arguments> acceptsWhatsatBounds() {
        return Stream.of(
                Arguments.of("50", 20),
                Arguments.of("50.000", 1),
                Arguments.of("2.5", 5),
                Arguments.of("0.001", 20),
                Arguments.of("1", 1));
    }

    @Test
    void leadingZerosInMaxResultsAreStillAnInteger() {
        assertThat(Request.parse("WHATSAT kiwi 10 020")).isEqualTo(new WhatsAt("kiwi", BigDecimal.TEN, 20));
    }

    /** Each of these lines must come back as "? " + the line + "\n", byte for byte. */
    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(
            strings = {
                "",
                " ",
                "\t\r\f\u000B",
                "HELLO",
                "iamat kiwi +34-118 1520023934",
                "Iamat kiwi +34-118 1520023934",
                "whatsat kiwi 10 5",
                "IAMAT",
                "IAMAT kiwi +34-118",
                "IAMAT kiwi +34-118 1520023934 extra",
                "IAMAT kiwi 1520023934 +34-118",
                "IAMAT kiwi 34.1-118 1520023934",
                "IAMAT kiwi +34.1 1520023934",
                "IAMAT kiwi +34.1-118.2+3 1520023934",
                "IAMAT kiwi +91.0+0.0 1520023934",
                "IAMAT kiwi -91-0 1520023934",
                "IAMAT kiwi +0+180.0001 1520023934",
                "IAMAT kiwi +0-180.0001 1520023934",
                "IAMAT kiwi +.5+1 1520023934",
                "IAMAT kiwi +1.+2 1520023934",
                "IAMAT kiwi +34-118 1520023934.9189639970",
                "IAMAT kiwi +34-118 -1520023934",
                "IAMAT kiwi +34-118 +1520023934",
                "IAMAT kiwi +34-118 1.5e9",
                "IAMAT kiwi +34-118 1520023934.",
                "  IAMAT kiwi +34-118  ",
                "AT Goloman +0.263873386 kiwi.cs.ucla.edu +34.068930-118.445127 1520023934.918963997",
                "WHATSAT",
                "WHATSAT kiwi",
                "WHATSAT kiwi 10",
                "WHATSAT kiwi 10 5 5",
                "WHATSAT kiwi 0 5",
                "WHATSAT kiwi 0.0 5",
                "WHATSAT kiwi 50.1 5",
                "WHATSAT kiwi 50.0000001 5",
                "WHATSAT kiwi 51 5",
                "WHATSAT kiwi -10 5",
                "WHATSAT kiwi +10 5",
                "WHATSAT kiwi 1e1 5",
                "WHATSAT kiwi .5 5",
                "WHATSAT kiwi 5. 5",
                "WHATSAT kiwi ten 5",
                "WHATSAT kiwi 10 0",
                "WHATSAT kiwi 10 21",
                "WHATSAT kiwi 10 -1",
                "WHATSAT kiwi 10 +5",
                "WHATSAT kiwi 10 2.5",
                "WHATSAT kiwi 10 5.0",
                "WHATSAT kiwi 10 1e1",
                "WHATSAT kiwi 10 five",
                "WHATSAT kiwi 10 4294967301",
                "WHATSAT kiwi 10 99999999999999999999999999",
                "IAMAT ki\u0000wi +34-118 1520023934",
                "IAMAT kiwi\u001B[2J +34-118 1520023934",
                "IAMAT kiwi\u007F +34-118 1520023934",
                "IAMAT kiwi\u0085 +34-118 1520023934",
                "IAMAT \uFFFD\uFFFD +34-118 1520023934",
                "WHATSAT ki\u0000wi 10 5",
                "\u0000",
            })
    void answersInvalidLinesWithQuestionMarkAndTheLine(String line) {
        Request request = Request.parse(line);

        assertThat(request).isEqualTo(new Invalid(line));
        assertThat(((Invalid) request).reply()).isEqualTo("? " + line + "\n");
    }

    @Test
    void clientNamesMayHoldAnyOtherCharacter() {
        assertThat(Request.parse("IAMAT caf\u00E9-\u6771\u4EAC-\uD83D\uDE00 +34-118 1520023934"))
                .isInstanceOf(IAmAt.class);
    }

    @Test
    void invalidReplyCopiesTheLineVerbatimIncludingItsWhitespace() {
        Request request = Request.parse(" \tAT  Goloman +0.263873386 kiwi +34-118 1520023934\u000B");

        assertThat(((Invalid) request).reply())
                .isEqualTo("?  \tAT  Goloman +0.263873386 kiwi +34-118 1520023934\u000B\n");
    }

    @Test
    void nullIsAnEmptyInvalidLine() {
        assertThat(Request.parse(null)).isEqualTo(new Invalid(""));
        assertThat(new Invalid("").reply()).isEqualTo("? \n");
    }
}
